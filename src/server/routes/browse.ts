// Read-mostly routes over the bank: syllabus, progress, a topic's page, search, quizzes and the study plan.
import { z } from 'zod';
import { syllabusView } from '../../app/catalog.js';
import { quizInputSchema } from '../../app/use-cases/browse.js';
import { invoke } from '../../app/use-cases/index.js';
import { planInputSchema } from '../../app/use-cases/plan.js';
import type { ServerDeps } from '../deps.js';
import { route } from '../route.js';

export const idParam = z.object({ id: z.string().min(1).max(200) });

export function browseRoutes({ ctx }: ServerDeps) {
  // The syllabus never changes while the server runs.
  const syllabus = syllabusView(ctx.bank.syllabus);
  return [
    route({
      method: 'GET',
      url: '/api/syllabus',
      tag: 'browse',
      summary: 'The 13 sections and their topics',
      resultName: 'SyllabusView',
      handler: () => syllabus,
    }),
    route({
      method: 'GET',
      url: '/api/progress',
      tag: 'progress',
      summary: 'Readiness per section, mastery per topic, due counts, streak, heatmap and forecast',
      resultName: 'ProgressView',
      handler: () => invoke(ctx, 'progress/get'),
    }),
    route({
      method: 'GET',
      url: '/api/topics/:id',
      tag: 'browse',
      summary: "A topic's study page: sanitized note HTML, its questions and the user's note",
      params: idParam,
      resultName: 'StudyPage',
      handler: ({ params }) => invoke(ctx, 'study/get', { topic: params.id }),
    }),
    route({
      method: 'GET',
      url: '/api/search',
      tag: 'browse',
      summary: 'Full-text search over topics and questions',
      query: z.object({
        q: z.string().max(500),
        limit: z.coerce.number().int().min(1).max(100).optional(),
      }),
      resultName: '{results: SearchResult[]}',
      handler: ({ query }) =>
        invoke(ctx, 'search', { query: query.q, ...(query.limit ? { limit: query.limit } : {}) }),
    }),
    route({
      method: 'POST',
      url: '/api/quiz',
      tag: 'practice',
      summary: 'A quiz: questions without their answers, filtered by section, topic, type, difficulty',
      body: quizInputSchema,
      resultName: '{questions: PublicQuestion[]}',
      handler: ({ body }) => invoke(ctx, 'quiz/start', body),
    }),
    route({
      method: 'POST',
      url: '/api/plan',
      tag: 'progress',
      summary: 'A day-by-day study plan to the interview date',
      body: planInputSchema,
      resultName: 'Plan',
      handler: ({ body }) => invoke(ctx, 'plan/make', body),
    }),
  ];
}

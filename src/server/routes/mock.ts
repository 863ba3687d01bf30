// Mock interviews and their saved scorecards: start, answer step by step, read reports, download them as files.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { scorecardHtml, scorecardMarkdown } from '../../app/scorecard-render.js';
import { invoke } from '../../app/use-cases/index.js';
import { mockAnswerSchema, startMockSchema } from '../../app/use-cases/mock.js';
import type { ServerDeps } from '../deps.js';
import { HttpError } from '../errors.js';
import { route } from '../route.js';

const sessionParam = z.object({ sessionId: z.string().min(1).max(200) });
const reportParam = z.object({ id: z.string().min(1).max(200) });
const answerBody = mockAnswerSchema
  .omit({ sessionId: true })
  .refine((b) => b.skip === true || b.answer !== undefined, {
    message: 'give an answer, or skip: true',
    path: ['answer'],
  });

/** A file name part made only of safe characters. */
const slug = (s: string): string => s.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 60);

/** Sends a text body as a download; resolves once it is out, so the route wrapper sends nothing more. */
async function download(reply: FastifyReply, type: string, name: string, body: string): Promise<void> {
  reply.type(type).header('content-disposition', `attachment; filename="${name}"`).send(body);
  await reply;
}

export function mockRoutes(deps: ServerDeps) {
  const { ctx } = deps;
  const typeOf = new Map(ctx.bank.questions.map((q) => [q.id, q.type]));

  /** A graded code answer runs Python: refused off loopback and bounded by the limiter, as in review. */
  const answering = async (sessionId: string, body: z.infer<typeof answerBody>) => {
    const call = () => invoke(ctx, 'mock/answer', { sessionId, ...body });
    if (typeOf.get(body.id) !== 'code' || body.skip === true || !body.answer) return call();
    // A follow-up line asked about a code question is answered in words and never runs.
    const pending = await invoke(ctx, 'mock/get', { sessionId });
    if (pending.step?.question.id === body.id && pending.step.kind === 'followup-text') return call();
    if (!deps.codeExecution)
      throw new HttpError(
        403,
        'forbidden',
        'code answers are graded only while pyprep serve listens on a loopback address',
      );
    return deps.limiter.run(call);
  };

  const report = async (id: string) => invoke(ctx, 'reports/get', { id });
  const fileName = (r: { createdAt: string; scorecard: { blueprint: string } }, ext: string) =>
    `pyprep-mock-${slug(r.scorecard.blueprint)}-${r.createdAt.slice(0, 10)}.${ext}`;

  return [
    route({
      method: 'GET',
      url: '/api/mock/blueprints',
      tag: 'mock',
      summary: 'The mock-interview blueprints: id, title, minutes, description and stages',
      resultName: '{blueprints}',
      handler: () => invoke(ctx, 'mock/list'),
    }),
    route({
      method: 'POST',
      url: '/api/mock',
      tag: 'mock',
      summary: 'Starts a mock interview from a blueprint (seeded when a seed is given)',
      body: startMockSchema,
      resultName: 'MockView',
      handler: ({ body }) => invoke(ctx, 'mock/start', body),
    }),
    route({
      method: 'GET',
      url: '/api/mock/:sessionId',
      tag: 'mock',
      summary: 'A mock interview as it stands: the pending step, the time left, or the scorecard',
      params: sessionParam,
      resultName: 'MockView',
      handler: ({ params }) => invoke(ctx, 'mock/get', { sessionId: params.sessionId }),
    }),
    route({
      method: 'POST',
      url: '/api/mock/:sessionId/answer',
      tag: 'mock',
      summary: 'Answers (or skips) the pending question; 409 when another question is pending',
      params: sessionParam,
      body: answerBody,
      resultName: 'MockAnswerResult',
      handler: ({ params, body }) => answering(params.sessionId, body),
    }),
    route({
      method: 'GET',
      url: '/api/reports',
      tag: 'reports',
      summary: 'The saved mock-interview scorecards, newest first',
      resultName: '{reports}',
      handler: () => invoke(ctx, 'reports/list'),
    }),
    route({
      method: 'GET',
      url: '/api/reports/:id',
      tag: 'reports',
      summary: 'One saved scorecard',
      params: reportParam,
      resultName: '{id, createdAt, scorecard}',
      handler: ({ params }) => report(params.id),
    }),
    route({
      method: 'GET',
      url: '/api/reports/:id.md',
      tag: 'reports',
      summary: 'One saved scorecard as a Markdown download',
      params: reportParam,
      resultName: 'text/markdown',
      handler: async ({ params }, _req, reply) => {
        const r = await report(params.id);
        await download(
          reply,
          'text/markdown; charset=utf-8',
          fileName(r, 'md'),
          scorecardMarkdown(r.scorecard, r.createdAt),
        );
      },
    }),
    route({
      method: 'GET',
      url: '/api/reports/:id.html',
      tag: 'reports',
      // A download, never rendered in the app's origin: its inline CSS stays outside the app's CSP.
      summary: 'One saved scorecard as a self-contained HTML download',
      params: reportParam,
      resultName: 'text/html',
      handler: async ({ params }, _req, reply) => {
        const r = await report(params.id);
        await download(
          reply,
          'text/html; charset=utf-8',
          fileName(r, 'html'),
          scorecardHtml(r.scorecard, r.createdAt),
        );
      },
    }),
  ];
}

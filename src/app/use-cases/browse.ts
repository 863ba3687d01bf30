// Browsing the bank: search, a topic's study page, and quizzes.
import { z } from 'zod';
import type { SearchResult } from '../../content/search.js';
import { composeQuiz } from '../../engine/composers/quiz.js';
import { searchIndexOf } from '../bank-indexes.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { type PublicQuestion, publicQuestion } from '../question-view.js';

export const searchInputSchema = z.strictObject({
  query: z.string().trim().min(1, 'type something to search for').max(500),
  limit: z.number().int().min(1).max(100).default(10),
});

export function search(ctx: AppContext, raw: unknown): { results: SearchResult[] } {
  const parsed = searchInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('bad-input', z.prettifyError(parsed.error), parsed.error.issues);
  return { results: searchIndexOf(ctx.bank).search(parsed.data.query, { limit: parsed.data.limit }) };
}

export interface StudyPage {
  topic: {
    id: string;
    title: string;
    section: string;
    sectionTitle: string;
    weight: number;
    related: string[];
  };
  noteMarkdown: string | null;
  noteHtml: string | null;
  questions: { id: string; type: string; difficulty: number }[];
  userNote: string;
}

export async function studyTopic(ctx: AppContext, topicId: string): Promise<StudyPage> {
  for (const s of ctx.bank.syllabus.sections) {
    const t = s.topics.find((x) => x.id === topicId);
    if (!t) continue;
    const note = ctx.bank.notes[t.id];
    const userNote = await ctx.repo.getNote(ctx.userId, t.id);
    return {
      topic: {
        id: t.id,
        title: t.title,
        section: s.id,
        sectionTitle: s.title,
        weight: t.weight,
        related: t.related,
      },
      noteMarkdown: note?.markdown ?? null,
      noteHtml: note?.html ?? null,
      questions: ctx.bank.questions
        .filter((q) => q.topicId === t.id)
        .map((q) => ({ id: q.id, type: q.type, difficulty: q.difficulty })),
      userNote: userNote?.body ?? '',
    };
  }
  const hit = searchIndexOf(ctx.bank).search(topicId, { limit: 1, kinds: ['topic'] })[0];
  throw new AppError(
    'not-found',
    `unknown topic "${topicId}"${hit ? ` — did you mean "${hit.id}" (${hit.title})?` : ''}`,
  );
}

/** The heaviest authored topic the user has no card in yet (syllabus order breaks ties). */
export async function nextTopicToStudy(ctx: AppContext): Promise<{ topic: string }> {
  const seen = new Set((await ctx.repo.listCards(ctx.userId)).map((c) => c.topicId));
  const topics = ctx.bank.syllabus.sections.flatMap((s) => s.topics).filter((t) => ctx.bank.notes[t.id]);
  const next = [...topics].sort((a, b) => b.weight - a.weight).find((t) => !seen.has(t.id)) ?? topics[0];
  if (!next) throw new AppError('not-found', 'the bank has no notes yet');
  return { topic: next.id };
}

export const quizInputSchema = z.strictObject({
  section: z.string().optional(),
  topic: z.string().optional(),
  type: z.enum(['open', 'choice', 'predict', 'code', 'design']).optional(),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  n: z.number().int().min(1).max(200).default(10),
});

export function startQuiz(ctx: AppContext, raw: unknown): { questions: PublicQuestion[] } {
  const parsed = quizInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('bad-input', z.prettifyError(parsed.error), parsed.error.issues);
  const { section, topic, type, difficulty, n } = parsed.data;
  const sections = ctx.bank.syllabus.sections;
  if (section && !sections.some((s) => s.id === section))
    throw new AppError('not-found', `unknown section "${section}"`);
  if (topic && !sections.some((s) => s.topics.some((t) => t.id === topic)))
    throw new AppError('not-found', `unknown topic "${topic}"`);
  const filter = {
    ...(section ? { sectionId: section } : {}),
    ...(topic ? { topicId: topic } : {}),
    ...(type ? { type } : {}),
    ...(difficulty ? { difficulty } : {}),
  };
  return { questions: composeQuiz({ bank: ctx.bank, filter, n, random: ctx.random }).map(publicQuestion) };
}

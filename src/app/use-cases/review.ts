// Review: the next card from the FSRS queue, and grading + recording an answer to any question.
import { z } from 'zod';
import type { Question } from '../../content/types.js';
import { composeReviewQueue, countIntroducedSince } from '../../engine/composers/review-queue.js';
import { type Answer, gradeAnswer } from '../../engine/grading/grade.js';
import type { Feedback } from '../../engine/grading/types.js';
import type { CardRecord, Rating, ReviewSource } from '../../engine/ports/repository.js';
import { createScheduler } from '../../engine/scheduling/scheduler.js';
import { vocabularyOf } from '../bank-indexes.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { type PublicQuestion, publicQuestion } from '../question-view.js';
import { loadSettings } from '../settings.js';

export function findQuestion(ctx: AppContext, id: string): Question {
  const q = ctx.bank.questions.find((x) => x.id === id);
  if (!q) throw new AppError('not-found', `unknown question id "${id}" (see \`pyprep bank\` for the ids)`);
  return q;
}

export function startOfLocalDay(now: Date): Date {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d;
}

export interface NextCard extends PublicQuestion {
  kind: 'due' | 'new';
  dueCount: number;
  newRemaining: number;
}

export const nextInputSchema = z.strictObject({ exclude: z.array(z.string()).max(10_000).default([]) });

/** The first card of the review queue; `exclude` holds ids skipped in this sitting. */
export async function reviewNext(ctx: AppContext, raw: unknown = {}): Promise<NextCard | null> {
  const parsed = nextInputSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError('bad-input', z.prettifyError(parsed.error), parsed.error.issues);
  const skipped = new Set(parsed.data.exclude);
  const settings = await loadSettings(ctx);
  const now = ctx.clock.now();
  const dayStart = startOfLocalDay(now);
  // Only the bank's cards (retired questions' cards are never shown), today's first reviews and the last log:
  // each read is bounded by the bank or by one day, not by the length of the history.
  const [cards, introduced, [last]] = await Promise.all([
    ctx.repo.listCards(ctx.userId, { questionIds: ctx.bank.questions.map((q) => q.id) }),
    ctx.repo.listReviewLogs(ctx.userId, { since: dayStart, state: 0 }),
    ctx.repo.listReviewLogs(ctx.userId, { since: dayStart, order: 'desc', limit: 1 }),
  ]);
  const queue = composeReviewQueue({
    bank: ctx.bank,
    cards,
    now,
    newPerDay: settings.newPerDay,
    introducedToday: countIntroducedSince(introduced, dayStart),
    random: ctx.random,
    limit: 1,
    include: (q) => !skipped.has(q.id),
    ...(last ? { previousTopic: last.topicId } : {}),
  });
  const first = queue.items[0];
  if (!first) return null;
  return {
    ...publicQuestion(findQuestion(ctx, first.questionId)),
    kind: first.kind,
    dueCount: queue.dueCount,
    newRemaining: queue.newRemaining,
  };
}

export const answerInputSchema = z.strictObject({
  id: z.string().min(1),
  answer: z.union([
    z.strictObject({ choice: z.array(z.number().int().min(0)).min(1, 'pick at least one option') }),
    z.strictObject({ text: z.string().max(200_000, 'answer too long (200,000 characters at most)') }),
  ]),
  rating: z.number().int().min(1).max(4).optional(),
  durationMs: z.number().int().min(0).optional(),
  source: z.enum(['review', 'quiz', 'mock']).default('review'),
});
export type AnswerInput = z.input<typeof answerInputSchema>;

export interface GradeOutcome {
  id: string;
  correct: boolean;
  score: number;
  suggestedRating: Rating;
  feedback: Feedback;
  /** The answer as recorded in the history (choices as a JSON list). */
  answerText: string;
  /** The model answer or explanation, shown after answering. */
  answer: string;
  answerHtml: string;
}

export interface AnswerResult extends Omit<GradeOutcome, 'answerText'> {
  rating: Rating;
  nextDue: string;
}

function parseAnswer(raw: unknown) {
  const parsed = answerInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('bad-input', z.prettifyError(parsed.error), parsed.error.issues);
  return parsed.data;
}

/** Grades without recording anything (the user sees the feedback, then rates). */
export async function reviewGrade(ctx: AppContext, raw: unknown): Promise<GradeOutcome> {
  const input = parseAnswer(raw);
  const q = findQuestion(ctx, input.id);
  const grade = gradeAnswer(q, await toEngineAnswer(ctx, q, input.answer), {
    vocabulary: vocabularyOf(ctx.bank),
  });
  return {
    id: q.id,
    correct: grade.correct,
    score: grade.score,
    suggestedRating: grade.suggestedRating,
    feedback: grade.feedback,
    answerText: 'choice' in input.answer ? JSON.stringify(input.answer.choice) : input.answer.text,
    answer: q.answer,
    answerHtml: q.answerHtml,
  };
}

export const recordInputSchema = z.strictObject({
  id: z.string().min(1),
  rating: z.number().int().min(1).max(4),
  score: z.number().min(0).max(1),
  suggestedRating: z.number().int().min(1).max(4),
  answerText: z.string().max(200_000),
  feedback: z.unknown().optional(),
  durationMs: z.number().int().min(0).optional(),
  source: z.enum(['review', 'quiz', 'mock']).default('review'),
});

/** Schedules the card with the final rating and appends the review log, in one transaction. */
export async function reviewRecord(
  ctx: AppContext,
  raw: unknown,
): Promise<{ id: string; rating: Rating; nextDue: string }> {
  const parsed = recordInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('bad-input', z.prettifyError(parsed.error), parsed.error.issues);
  const input = parsed.data;
  const q = findQuestion(ctx, input.id);
  const rating = input.rating as Rating;
  const settings = await loadSettings(ctx);
  const scheduler = createScheduler({ desiredRetention: settings.desiredRetention });
  const now = ctx.clock.now();
  const existing = await ctx.repo.getCard(ctx.userId, q.id);
  const rated = scheduler.rate(existing ?? scheduler.newCard(now), rating, now);
  const card: CardRecord = {
    ...rated.card,
    userId: ctx.userId,
    questionId: q.id,
    topicId: q.topicId,
    suspended: existing?.suspended ?? false,
  };
  await ctx.repo.recordReview(card, {
    ...rated.log,
    source: input.source as ReviewSource,
    suggestedRating: input.suggestedRating as Rating,
    durationMs: input.durationMs ?? null,
    score: input.score,
    answer: input.answerText,
    feedback: input.feedback ?? null,
  });
  return { id: q.id, rating, nextDue: card.due.toISOString() };
}

/** Grades and records in one step, with the user's rating or the suggested one. */
export async function reviewAnswer(ctx: AppContext, raw: unknown): Promise<AnswerResult> {
  const input = parseAnswer(raw);
  const { answerText, ...graded } = await reviewGrade(ctx, raw);
  const rating = (input.rating ?? graded.suggestedRating) as Rating;
  const recorded = await reviewRecord(ctx, {
    id: graded.id,
    rating,
    score: graded.score,
    suggestedRating: graded.suggestedRating,
    answerText,
    feedback: graded.feedback,
    source: input.source,
    ...(input.durationMs === undefined ? {} : { durationMs: input.durationMs }),
  });
  return { ...graded, rating, nextDue: recorded.nextDue };
}

async function toEngineAnswer(
  ctx: AppContext,
  q: Question,
  given: { choice: number[] } | { text: string },
): Promise<Answer> {
  if (q.type === 'choice') {
    if (!('choice' in given))
      throw new AppError('bad-input', `question "${q.id}" is a choice question: give the option number(s)`);
    const bad = given.choice.find((i) => i >= q.options.length);
    if (bad !== undefined)
      throw new AppError(
        'bad-input',
        `option ${bad + 1} does not exist (the question has ${q.options.length})`,
      );
    return { type: 'choice', selected: given.choice };
  }
  if (!('text' in given))
    throw new AppError(
      'bad-input',
      `question "${q.id}" is a ${q.type} question: give a text answer, not an option`,
    );
  if (q.type === 'predict') return { type: 'predict', output: given.text };
  if (q.type === 'open' || q.type === 'design') return { type: q.type, text: given.text };
  const runner = await ctx.runner();
  const run = await runner.runTests({ solution: given.text, tests: q.tests, timeoutMs: 10_000 });
  return { type: 'code', run };
}

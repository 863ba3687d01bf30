// Mock interviews: start from a blueprint, answer step by step (graded as in review), end with a saved scorecard.
import { z } from 'zod';
import type { Blueprint } from '../../content/types.js';
import type { RubricFeedback } from '../../engine/grading/types.js';
import { computeReadiness } from '../../engine/mastery/mastery.js';
import { type MockRecord, type MockStep, nextMockStep } from '../../engine/mock/compose.js';
import { buildScorecard, type Scorecard, type ScoredAnswer } from '../../engine/mock/scorecard.js';
import type { SessionWithAnswers } from '../../engine/ports/repository.js';
import { createScheduler } from '../../engine/scheduling/scheduler.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { type PublicQuestion, publicQuestion } from '../question-view.js';
import { findQuestion, type GradeOutcome, reviewGrade, reviewRecord } from './review.js';

const RECENT_MOCKS = 3;
export const SCORECARD_KIND = 'mock-scorecard';

interface MockConfig {
  blueprintId: string;
  seed: number;
  mastery: Record<string, number>;
  recent: string[];
}

interface StoredResult extends MockRecord {
  covered: string[];
  missed: string[];
  budgetSeconds: number;
}

export interface MockQuestionView {
  kind: 'main' | 'followup' | 'followup-text';
  stage: { id: string; title: string; index: number; of: number; minutes: number };
  /** The question without answers or difficulty (hidden during a mock); for a follow-up line, its text as prompt. */
  question: Omit<PublicQuestion, 'difficulty'>;
  parentId: string | null;
}

export interface MockView {
  sessionId: string;
  blueprint: { id: string; title: string; minutes: number };
  startedAt: string;
  /** Seconds left overall and in the current stage, at the time of the view. */
  secondsLeft: number;
  stageSecondsLeft: number;
  answered: number;
  step: MockQuestionView | null;
  scorecard: Scorecard | null;
  reportId: string | null;
}

export function listBlueprints(ctx: AppContext) {
  return {
    blueprints: ctx.bank.blueprints.map((b) => ({
      id: b.id,
      title: b.title,
      minutes: b.minutes,
      description: b.description,
      stages: b.stages.map((s) => ({ id: s.id, title: s.title, minutes: s.minutes, questions: s.questions })),
    })),
  };
}

function blueprintOf(ctx: AppContext, id: string): Blueprint {
  const bp = ctx.bank.blueprints.find((b) => b.id === id);
  if (!bp) {
    const known = ctx.bank.blueprints.map((b) => b.id).join(', ');
    throw new AppError('not-found', `unknown blueprint "${id}" (known: ${known})`);
  }
  return bp;
}

export const startMockSchema = z.strictObject({
  blueprint: z.string().min(1).default('backend-mid-45'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .optional(),
});

export async function startMock(ctx: AppContext, raw: unknown): Promise<MockView> {
  const parsed = startMockSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError('bad-input', z.prettifyError(parsed.error), parsed.error.issues);
  const bp = blueprintOf(ctx, parsed.data.blueprint);
  const now = ctx.clock.now();
  const seed = parsed.data.seed ?? Math.floor(ctx.random.next() * 2 ** 31);
  const config: MockConfig = {
    blueprintId: bp.id,
    seed,
    mastery: await masteryNow(ctx, now),
    recent: await recentMockQuestions(ctx),
  };
  const session = await ctx.repo.createSession({ userId: ctx.userId, kind: 'mock', startedAt: now, config });
  return view(ctx, (await ctx.repo.getSession(ctx.userId, session.id))!, now);
}

async function masteryNow(ctx: AppContext, at: Date): Promise<Record<string, number>> {
  const bankIds = ctx.bank.questions.map((q) => q.id);
  const [cards, logs] = await Promise.all([
    ctx.repo.listCards(ctx.userId, { questionIds: bankIds }),
    ctx.repo.listReviewLogs(ctx.userId, { order: 'desc', limit: 2000 }),
  ]);
  const r = computeReadiness({ bank: ctx.bank, cards, logs, at, scheduler: createScheduler() });
  return Object.fromEntries(r.sections.flatMap((s) => s.topics.map((t) => [t.topicId, t.mastery])));
}

async function recentMockQuestions(ctx: AppContext): Promise<string[]> {
  const sessions = await ctx.repo.listSessions(ctx.userId, { kind: 'mock', limit: RECENT_MOCKS });
  const out: string[] = [];
  for (const s of sessions) {
    const full = await ctx.repo.getSession(ctx.userId, s.id);
    for (const a of full?.answers ?? []) out.push(a.questionId);
  }
  return out;
}

async function loadMock(ctx: AppContext, sessionId: string): Promise<SessionWithAnswers> {
  const s = await ctx.repo.getSession(ctx.userId, sessionId);
  if (s?.kind !== 'mock') throw new AppError('not-found', `no mock interview "${sessionId}"`);
  return s;
}

const configOf = (s: SessionWithAnswers): MockConfig => s.config as MockConfig;
const recordsOf = (s: SessionWithAnswers): StoredResult[] => s.answers.map((a) => a.result as StoredResult);

function pendingStep(ctx: AppContext, s: SessionWithAnswers): MockStep {
  const cfg = configOf(s);
  const records = recordsOf(s);
  const at = records.at(-1)?.answeredAt ?? s.startedAt.getTime();
  return nextMockStep({
    bank: ctx.bank,
    blueprint: blueprintOf(ctx, cfg.blueprintId),
    seed: cfg.seed,
    records,
    startedAt: s.startedAt.getTime(),
    at,
    mastery: new Map(Object.entries(cfg.mastery)),
    recent: new Set(cfg.recent),
  });
}

function view(ctx: AppContext, s: SessionWithAnswers, now: Date): MockView {
  const cfg = configOf(s);
  const bp = blueprintOf(ctx, cfg.blueprintId);
  const records = recordsOf(s);
  const finished = s.summary as { scorecard: Scorecard; reportId: string } | null;
  const step = finished ? null : pendingStep(ctx, s);
  const elapsed = (now.getTime() - s.startedAt.getTime()) / 1000;
  const base = {
    sessionId: s.id,
    blueprint: { id: bp.id, title: bp.title, minutes: bp.minutes },
    startedAt: s.startedAt.toISOString(),
    secondsLeft: Math.max(0, Math.round(bp.minutes * 60 - elapsed)),
    answered: records.length,
    scorecard: finished?.scorecard ?? null,
    reportId: finished?.reportId ?? null,
  };
  if (!step || step.kind === 'end') return { ...base, stageSecondsLeft: 0, step: null };
  const index = bp.stages.findIndex((st) => st.id === step.stageId);
  const stage = bp.stages[index]!;
  const stageStart =
    records.find((r) => r.stageId === stage.id)?.askedAt ??
    Math.max(s.startedAt.getTime(), records.at(-1)?.answeredAt ?? 0);
  const stageSecondsLeft = Math.max(0, Math.round(stage.minutes * 60 - (now.getTime() - stageStart) / 1000));
  const q = publicQuestion(findQuestion(ctx, step.questionId));
  const { difficulty: _hidden, ...question } = q;
  return {
    ...base,
    stageSecondsLeft,
    step: {
      kind: step.kind,
      stage: {
        id: stage.id,
        title: stage.title,
        index: index + 1,
        of: bp.stages.length,
        minutes: stage.minutes,
      },
      question:
        step.kind === 'followup-text'
          ? {
              id: question.id,
              topic: question.topic,
              type: 'open',
              prompt: step.text,
              promptHtml: escapeHtml(step.text),
            }
          : question,
      parentId: step.parentId,
    },
  };
}

export async function getMock(ctx: AppContext, raw: unknown): Promise<MockView> {
  const id = z.strictObject({ sessionId: z.string().min(1) }).safeParse(raw);
  if (!id.success) throw new AppError('bad-input', 'a sessionId is required');
  return view(ctx, await loadMock(ctx, id.data.sessionId), ctx.clock.now());
}

export const mockAnswerSchema = z.strictObject({
  sessionId: z.string().min(1),
  id: z.string().min(1),
  answer: z
    .union([
      z.strictObject({ choice: z.array(z.number().int().min(0)).min(1) }),
      z.strictObject({ text: z.string().max(200_000) }),
    ])
    .optional(),
  skip: z.boolean().optional(),
});

export interface MockAnswerResult {
  graded: Omit<GradeOutcome, 'answerText'> | null;
  view: MockView;
}

export async function answerMock(ctx: AppContext, raw: unknown): Promise<MockAnswerResult> {
  const parsed = mockAnswerSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('bad-input', z.prettifyError(parsed.error), parsed.error.issues);
  const input = parsed.data;
  if (!input.skip && !input.answer) throw new AppError('bad-input', 'give an answer, or skip: true');
  const s = await loadMock(ctx, input.sessionId);
  if (s.summary) throw new AppError('conflict', 'this mock interview has ended');
  const step = pendingStep(ctx, s);
  if (step.kind === 'end') return { graded: null, view: await finish(ctx, s, step.reason) };
  if (step.questionId !== input.id) {
    throw new AppError(
      'conflict',
      `the interviewer is waiting for an answer to "${step.questionId}", not "${input.id}"`,
    );
  }
  const now = ctx.clock.now();
  const records = recordsOf(s);
  const bp = blueprintOf(ctx, configOf(s).blueprintId);
  const stage = bp.stages.find((st) => st.id === step.stageId)!;
  const q = findQuestion(ctx, step.questionId);
  const askedAt = records.at(-1)?.answeredAt ?? s.startedAt.getTime();
  let graded: GradeOutcome | null = null;
  if (step.kind !== 'followup-text' && !input.skip && input.answer) {
    graded = await reviewGrade(ctx, { id: q.id, answer: input.answer, source: 'mock' });
  }
  const rubric = graded?.feedback.kind === 'rubric' ? (graded.feedback as RubricFeedback) : null;
  const result: StoredResult = {
    questionId: q.id,
    topicId: q.topicId,
    stageId: stage.id,
    kind: step.kind,
    parentId: step.parentId,
    text: step.kind === 'followup-text' ? step.text : null,
    difficulty: q.difficulty,
    score: step.kind === 'followup-text' ? null : input.skip ? 0 : (graded?.score ?? 0),
    skipped: Boolean(input.skip),
    askedAt,
    answeredAt: Math.max(askedAt, now.getTime()),
    covered: rubric ? rubric.points.filter((p) => p.covered).map((p) => p.text) : [],
    missed: rubric ? rubric.points.filter((p) => !p.covered).map((p) => p.text) : [],
    budgetSeconds: Math.round((stage.minutes * 60) / stage.questions),
  };
  // Every graded answer (and a skip, as a miss) is also an FSRS review, so the mock feeds the schedule.
  if (step.kind !== 'followup-text') {
    await reviewRecord(ctx, {
      id: q.id,
      rating: graded?.suggestedRating ?? 1,
      score: result.score ?? 0,
      suggestedRating: graded?.suggestedRating ?? 1,
      answerText: graded?.answerText ?? '',
      feedback: graded?.feedback ?? null,
      durationMs: result.answeredAt - askedAt,
      source: 'mock',
    });
  }
  const answerText = input.answer
    ? 'text' in input.answer
      ? input.answer.text
      : JSON.stringify(input.answer.choice)
    : null;
  await ctx.repo.appendAnswer(ctx.userId, s.id, {
    questionId: q.id,
    answeredAt: new Date(result.answeredAt),
    answer: answerText,
    score: result.score,
    result,
    seconds: Math.round((result.answeredAt - askedAt) / 1000),
  });
  const after = (await ctx.repo.getSession(ctx.userId, s.id))!;
  const next = pendingStep(ctx, after);
  const v = next.kind === 'end' ? await finish(ctx, after, next.reason) : view(ctx, after, now);
  return { graded: graded ? (({ answerText: _a, ...g }) => g)(graded) : null, view: v };
}

async function finish(
  ctx: AppContext,
  s: SessionWithAnswers,
  reason: 'complete' | 'time',
): Promise<MockView> {
  const cfg = configOf(s);
  const bp = blueprintOf(ctx, cfg.blueprintId);
  const reports = await ctx.repo.listReports(ctx.userId, { kind: SCORECARD_KIND, limit: 50 });
  const previous = reports
    .map((r) => r.data as Scorecard & { at?: string })
    .filter((d) => d.blueprint === bp.id)
    .map((d) => ({ at: d.at ?? '', overall: d.overall }))
    .reverse();
  const answers: ScoredAnswer[] = recordsOf(s);
  const scorecard = buildScorecard({
    bank: ctx.bank,
    blueprint: bp,
    answers,
    endReason: reason,
    mastery: new Map(Object.entries(cfg.mastery)),
    previous,
  });
  const now = ctx.clock.now();
  const report = await ctx.repo.saveReport({
    userId: ctx.userId,
    kind: SCORECARD_KIND,
    createdAt: now,
    data: { ...scorecard, at: now.toISOString(), sessionId: s.id },
  });
  const done = await ctx.repo.finishSession(ctx.userId, s.id, now, { scorecard, reportId: report.id });
  return view(ctx, { ...s, ...done, answers: s.answers }, now);
}

export async function listMockReports(ctx: AppContext) {
  const reports = await ctx.repo.listReports(ctx.userId, { kind: SCORECARD_KIND, limit: 200 });
  return {
    reports: reports.map((r) => {
      const d = r.data as Scorecard;
      return {
        id: r.id,
        createdAt: r.createdAt.toISOString(),
        blueprint: d.blueprint,
        title: d.title,
        overall: d.overall,
        signal: d.signal,
      };
    }),
  };
}

export async function getMockReport(
  ctx: AppContext,
  raw: unknown,
): Promise<{ id: string; createdAt: string; scorecard: Scorecard }> {
  const id = z.strictObject({ id: z.string().min(1) }).safeParse(raw);
  if (!id.success) throw new AppError('bad-input', 'a report id is required');
  const r = await ctx.repo.getReport(ctx.userId, id.data.id);
  if (!r || r.kind !== SCORECARD_KIND) throw new AppError('not-found', `no scorecard "${id.data.id}"`);
  return { id: r.id, createdAt: r.createdAt.toISOString(), scorecard: r.data as Scorecard };
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

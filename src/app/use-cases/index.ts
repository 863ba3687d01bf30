// The one typed map of use-cases both faces call: name → (context, input) → result. Inputs are validated inside.
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { loadSettings, updateSettings } from '../settings.js';
import { exportBackup, importBackup } from './backup.js';
import { nextTopicToStudy, search, startQuiz, studyTopic } from './browse.js';
import { answerMock, getMock, getMockReport, listBlueprints, listMockReports, startMock } from './mock.js';
import { getUserNote, saveUserNote } from './notes.js';
import { makeStudyPlan } from './plan.js';
import { getProgress } from './progress.js';
import { reviewAnswer, reviewGrade, reviewNext, reviewRecord } from './review.js';

const topicOf = (input: unknown): string => {
  const topic = (input as { topic?: unknown } | null)?.topic;
  if (typeof topic !== 'string' || topic === '') throw new AppError('bad-input', 'a topic id is required');
  return topic;
};

export const useCases = {
  'review/next': (ctx: AppContext, input: unknown) => reviewNext(ctx, input),
  'review/answer': (ctx: AppContext, input: unknown) => reviewAnswer(ctx, input),
  'review/grade': (ctx: AppContext, input: unknown) => reviewGrade(ctx, input),
  'review/record': (ctx: AppContext, input: unknown) => reviewRecord(ctx, input),
  'quiz/start': (ctx: AppContext, input: unknown) => startQuiz(ctx, input ?? {}),
  'progress/get': (ctx: AppContext) => getProgress(ctx),
  'plan/make': (ctx: AppContext, input: unknown) => makeStudyPlan(ctx, input ?? {}),
  search: (ctx: AppContext, input: unknown) => search(ctx, input),
  'study/get': (ctx: AppContext, input: unknown) => studyTopic(ctx, topicOf(input)),
  'study/next': (ctx: AppContext) => nextTopicToStudy(ctx),
  'notes/get': (ctx: AppContext, input: unknown) => getUserNote(ctx, topicOf(input)),
  'notes/save': (ctx: AppContext, input: unknown) => saveUserNote(ctx, input),
  'settings/get': (ctx: AppContext) => loadSettings(ctx),
  'settings/update': (ctx: AppContext, input: unknown) => updateSettings(ctx, input),
  'backup/export': (ctx: AppContext) => exportBackup(ctx),
  'backup/import': (ctx: AppContext, input: unknown) => importBackup(ctx, input),
  'mock/list': (ctx: AppContext) => listBlueprints(ctx),
  'mock/start': (ctx: AppContext, input: unknown) => startMock(ctx, input),
  'mock/get': (ctx: AppContext, input: unknown) => getMock(ctx, input),
  'mock/answer': (ctx: AppContext, input: unknown) => answerMock(ctx, input),
  'reports/list': (ctx: AppContext) => listMockReports(ctx),
  'reports/get': (ctx: AppContext, input: unknown) => getMockReport(ctx, input),
} as const;

export type UseCaseName = keyof typeof useCases;
export type UseCaseResult<N extends UseCaseName> = Awaited<ReturnType<(typeof useCases)[N]>>;

export async function invoke<N extends UseCaseName>(
  ctx: AppContext,
  name: N,
  input?: unknown,
): Promise<UseCaseResult<N>> {
  const fn = useCases[name] as (ctx: AppContext, input: unknown) => unknown;
  return (await fn(ctx, input)) as UseCaseResult<N>;
}

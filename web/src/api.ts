// Typed client for the pyprep HTTP API (see the API contract); types come from src/app, type-only.

import type { SyllabusView } from '../../src/app/catalog.js';
import type { PublicQuestion } from '../../src/app/question-view.js';
import type { Settings } from '../../src/app/settings.js';
import type { StudyPage } from '../../src/app/use-cases/browse.js';
import type { MockAnswerResult, MockQuestionView, MockView } from '../../src/app/use-cases/mock.js';
import type { ProgressView } from '../../src/app/use-cases/progress.js';
import type { GradeOutcome, NextCard } from '../../src/app/use-cases/review.js';
import type { SearchResult } from '../../src/content/search.js';
import type { Plan } from '../../src/engine/composers/plan.js';
import type { HiringSignal, Scorecard } from '../../src/engine/mock/scorecard.js';
import type { RunResult } from '../../src/engine/ports/code-runner.js';
import type { ImportCounts } from '../../src/engine/ports/repository.js';

export type {
  GradeOutcome,
  HiringSignal,
  ImportCounts,
  MockAnswerResult,
  MockQuestionView,
  MockView,
  NextCard,
  Plan,
  ProgressView,
  PublicQuestion,
  RunResult,
  Scorecard,
  SearchResult,
  Settings,
  StudyPage,
  SyllabusView,
};

export type Answer = { choice: number[] } | { text: string };
export type ReviewSource = 'review' | 'quiz' | 'mock';

export interface RecordInput {
  id: string;
  rating: number;
  score: number;
  suggestedRating: number;
  answerText: string;
  feedback: unknown;
  durationMs?: number;
  source?: ReviewSource;
}

export interface BlueprintSummary {
  id: string;
  title: string;
  minutes: number;
  description: string;
  stages: { id: string; title: string; minutes: number; questions: number }[];
}

export interface ReportSummary {
  id: string;
  createdAt: string;
  blueprint: string;
  title: string;
  overall: number;
  signal: HiringSignal;
}

export interface QuizFilter {
  section?: string;
  topic?: string;
  type?: string;
  difficulty?: number;
  n?: number;
}

/** An error answer from the server: `{error: {code, message}}` with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.headers = { accept: 'application/json', 'content-type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'http', err?.message ?? `${res.status} ${res.statusText}`);
  }
  return data as T;
}

const enc = encodeURIComponent;
let syllabusOnce: Promise<SyllabusView> | null = null;

export const api = {
  syllabus: (): Promise<SyllabusView> => {
    syllabusOnce ??= request<SyllabusView>('GET', '/api/syllabus').catch((e: unknown) => {
      syllabusOnce = null;
      throw e;
    });
    return syllabusOnce;
  },
  progress: () => request<ProgressView>('GET', '/api/progress'),
  topic: (id: string) => request<StudyPage>('GET', `/api/topics/${enc(id)}`),
  next: (exclude: readonly string[]) =>
    request<NextCard | null>(
      'GET',
      `/api/review/next${exclude.length ? `?exclude=${exclude.map(enc).join(',')}` : ''}`,
    ),
  grade: (id: string, answer: Answer) => request<GradeOutcome>('POST', '/api/review/grade', { id, answer }),
  record: (input: RecordInput) =>
    request<{ id: string; rating: number; nextDue: string }>('POST', '/api/review/record', input),
  quiz: (filter: QuizFilter) => request<{ questions: PublicQuestion[] }>('POST', '/api/quiz', filter),
  plan: (input: { date?: string; minutes?: number }) => request<Plan>('POST', '/api/plan', input),
  search: (q: string, limit = 12) =>
    request<{ results: SearchResult[] }>('GET', `/api/search?q=${enc(q)}&limit=${limit}`),
  note: (topic: string) =>
    request<{ topic: string; body: string; updatedAt: string | null }>('GET', `/api/notes/${enc(topic)}`),
  saveNote: (topic: string, body: string) =>
    request<{ topic: string; body: string; updatedAt: string }>('PUT', `/api/notes/${enc(topic)}`, { body }),
  settings: () => request<Settings>('GET', '/api/settings'),
  updateSettings: (patch: Partial<Settings>) => request<Settings>('PATCH', '/api/settings', patch),
  exportBackup: () => request<unknown>('GET', '/api/backup'),
  importBackup: (bundle: unknown) => request<ImportCounts>('POST', '/api/backup', bundle),
  run: (code: string) => request<RunResult>('POST', '/api/run', { code }),
  blueprints: () => request<{ blueprints: BlueprintSummary[] }>('GET', '/api/mock/blueprints'),
  startMock: (blueprint: string, seed?: number) =>
    request<MockView>('POST', '/api/mock', seed === undefined ? { blueprint } : { blueprint, seed }),
  mock: (sessionId: string) => request<MockView>('GET', `/api/mock/${enc(sessionId)}`),
  answerMock: (sessionId: string, id: string, answer: Answer | null) =>
    request<MockAnswerResult>(
      'POST',
      `/api/mock/${enc(sessionId)}/answer`,
      answer ? { id, answer } : { id, skip: true },
    ),
  reports: () => request<{ reports: ReportSummary[] }>('GET', '/api/reports'),
  report: (id: string) =>
    request<{ id: string; createdAt: string; scorecard: Scorecard }>('GET', `/api/reports/${enc(id)}`),
};

/** The report as a file download (Markdown or self-contained HTML), served with Content-Disposition: attachment. */
export const reportFileHref = (id: string, ext: 'md' | 'html'): string => `/api/reports/${enc(id)}.${ext}`;

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// Sample cards and review logs shared by the contract suite and the child-process writers.
import type { CardRecord, NewReviewLog } from '../engine/ports/repository.js';

export const T0 = Date.UTC(2025, 0, 15, 9, 30, 0, 123);
export const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);

export function card(over: Partial<CardRecord> = {}): CardRecord {
  return {
    userId: 'local',
    questionId: 'py-gil-1',
    topicId: 'gil',
    due: at(60),
    stability: 2.3065,
    difficulty: 6.4133,
    elapsed_days: 0,
    scheduled_days: 1,
    learning_steps: 1,
    reps: 1,
    lapses: 0,
    state: 1,
    last_review: at(0),
    suspended: false,
    ...over,
  };
}

export function log(over: Partial<NewReviewLog> = {}): NewReviewLog {
  return {
    rating: 3,
    state: 0,
    due: at(0),
    stability: 0,
    difficulty: 0,
    elapsed_days: 0,
    last_elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
    review: at(0),
    source: 'review',
    suggestedRating: 2,
    durationMs: 41_250,
    score: 0.75,
    answer: 'The GIL lets one thread run bytecode at a time; I/O releases it.',
    feedback: { covered: ['one thread'], missed: ['C extensions'], nested: { ok: true, n: [1, 2.5] } },
    ...over,
  };
}

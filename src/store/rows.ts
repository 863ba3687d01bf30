// Conversions between port records (Date, boolean, JSON values) and table rows (ms, 0/1, text).
import type {
  CardRecord,
  CardState,
  NoteRecord,
  Rating,
  ReportRecord,
  ReviewLogRecord,
  ReviewSource,
  SessionAnswerRecord,
  SessionKind,
  SessionRecord,
} from '../engine/ports/repository.js';
import { StoreError } from './errors.js';
import type {
  CardsTable,
  NotesTable,
  ReportsTable,
  ReviewLogsTable,
  SessionAnswersTable,
  SessionsTable,
} from './schema.js';

/** A Date as epoch ms; rejects invalid dates instead of storing NaN. */
export function toMs(value: Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new StoreError('invalid', `${field} must be a valid Date`);
  return ms;
}

export function toMsOrNull(value: Date | null | undefined, field: string): number | null {
  return value == null ? null : toMs(value, field);
}

/** Rejects NaN and ±Infinity, which SQLite and PostgreSQL would store differently. */
export function finite(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new StoreError('invalid', `${field} must be a finite number, got ${String(value)}`);
  }
  return value;
}

export const fromMs = (ms: number): Date => new Date(Number(ms));
export const fromMsOrNull = (ms: number | null): Date | null => (ms == null ? null : fromMs(ms));

/** JSON text for a value; undefined becomes SQL NULL. */
export function toJson(value: unknown, field: string): string | null {
  if (value === undefined) return null;
  try {
    const text = JSON.stringify(value);
    return text === undefined ? null : text;
  } catch (error) {
    throw new StoreError('invalid', `${field} is not JSON-serialisable`, { cause: error });
  }
}

export const fromJson = (text: string | null): unknown => (text == null ? null : JSON.parse(text));

export function cardToRow(card: CardRecord): CardsTable {
  return {
    user_id: card.userId,
    question_id: card.questionId,
    topic_id: card.topicId,
    due: toMs(card.due, 'card.due'),
    stability: finite(card.stability, 'card.stability'),
    difficulty: finite(card.difficulty, 'card.difficulty'),
    elapsed_days: finite(card.elapsed_days, 'card.elapsed_days'),
    scheduled_days: finite(card.scheduled_days, 'card.scheduled_days'),
    learning_steps: finite(card.learning_steps, 'card.learning_steps'),
    reps: finite(card.reps, 'card.reps'),
    lapses: finite(card.lapses, 'card.lapses'),
    state: card.state,
    last_review: toMsOrNull(card.last_review, 'card.last_review'),
    suspended: card.suspended ? 1 : 0,
  };
}

export function rowToCard(row: CardsTable): CardRecord {
  return {
    userId: row.user_id,
    questionId: row.question_id,
    topicId: row.topic_id,
    due: fromMs(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsed_days,
    scheduled_days: row.scheduled_days,
    learning_steps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as CardState,
    last_review: fromMsOrNull(row.last_review),
    suspended: row.suspended === 1,
  };
}

export type ReviewLogRow = Omit<ReviewLogsTable, 'id'> & { id: number };

export function rowToLog(row: ReviewLogRow): ReviewLogRecord {
  return {
    id: Number(row.id),
    userId: row.user_id,
    questionId: row.question_id,
    topicId: row.topic_id,
    rating: row.rating as Rating,
    suggestedRating: row.suggested_rating as Rating | null,
    state: row.state as CardState,
    due: fromMs(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsed_days,
    last_elapsed_days: row.last_elapsed_days,
    scheduled_days: row.scheduled_days,
    learning_steps: row.learning_steps,
    review: fromMs(row.review_at),
    durationMs: row.duration_ms,
    score: row.score,
    answer: row.answer,
    feedback: fromJson(row.feedback),
    source: row.source as ReviewSource,
  };
}

export function rowToNote(row: NotesTable): NoteRecord {
  return { userId: row.user_id, topicId: row.topic_id, body: row.body, updatedAt: fromMs(row.updated_at) };
}

export function rowToSession(row: SessionsTable): SessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind as SessionKind,
    startedAt: fromMs(row.started_at),
    endedAt: fromMsOrNull(row.ended_at),
    config: fromJson(row.config),
    summary: fromJson(row.summary),
  };
}

export function rowToAnswer(row: SessionAnswersTable): SessionAnswerRecord {
  return {
    sessionId: row.session_id,
    seq: row.seq,
    questionId: row.question_id,
    answer: row.answer,
    score: row.score,
    result: fromJson(row.result),
    seconds: row.seconds,
    answeredAt: fromMs(row.answered_at),
  };
}

export function rowToReport(row: ReportsTable): ReportRecord {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    createdAt: fromMs(row.created_at),
    data: fromJson(row.data),
  };
}

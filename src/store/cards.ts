// Cards and review logs: the scheduling state and the history it came from.
import { type Kysely, sql } from 'kysely';
import type {
  CardFilter,
  CardRecord,
  DayCount,
  NewReviewLog,
  ReviewLogQuery,
  ReviewLogRecord,
} from '../engine/ports/repository.js';
import { StoreError } from './errors.js';
import { cardToRow, finite, rowToCard, rowToLog, toJson, toMs } from './rows.js';
import type { Database, ReviewLogsTable } from './schema.js';

type Db = Kysely<Database>;
const DAY_MS = 86_400_000;

export async function getCard(db: Db, userId: string, questionId: string): Promise<CardRecord | undefined> {
  const row = await db
    .selectFrom('cards')
    .selectAll()
    .where('user_id', '=', userId)
    .where('question_id', '=', questionId)
    .executeTakeFirst();
  return row ? rowToCard(row) : undefined;
}

export async function listCards(db: Db, userId: string, filter: CardFilter = {}): Promise<CardRecord[]> {
  if (filter.topicIds?.length === 0 || filter.questionIds?.length === 0) return [];
  let q = db.selectFrom('cards').selectAll().where('user_id', '=', userId);
  if (filter.topicIds) q = q.where('topic_id', 'in', [...filter.topicIds]);
  if (filter.questionIds) q = q.where('question_id', 'in', [...filter.questionIds]);
  const rows = await q.orderBy('question_id').execute();
  return rows.map(rowToCard);
}

export async function listDueCards(db: Db, userId: string, now: Date, limit?: number): Promise<CardRecord[]> {
  let q = db
    .selectFrom('cards')
    .selectAll()
    .where('user_id', '=', userId)
    .where('suspended', '=', 0)
    .where('due', '<=', toMs(now, 'now'))
    .orderBy('due')
    .orderBy('question_id');
  if (limit !== undefined) q = q.limit(checkLimit(limit));
  return (await q.execute()).map(rowToCard);
}

export async function countDue(db: Db, userId: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('cards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('suspended', '=', 0)
    .where('due', '<=', toMs(now, 'now'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function upsertCard(db: Db, card: CardRecord): Promise<void> {
  const row = cardToRow(card);
  const { user_id: _u, question_id: _q, ...rest } = row;
  await db
    .insertInto('cards')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'question_id']).doUpdateSet(rest))
    .execute();
}

export async function saveCard(db: Db, card: CardRecord): Promise<void> {
  await db.transaction().execute((trx) => upsertCard(trx, card));
}

export function logToRow(
  card: Pick<CardRecord, 'userId' | 'questionId' | 'topicId'>,
  log: NewReviewLog,
): Omit<ReviewLogsTable, 'id'> {
  if (log.score != null && !(log.score >= 0 && log.score <= 1)) {
    throw new StoreError('invalid', `review score must be between 0 and 1, got ${log.score}`);
  }
  return {
    user_id: card.userId,
    question_id: card.questionId,
    topic_id: card.topicId,
    rating: log.rating,
    suggested_rating: log.suggestedRating ?? null,
    state: log.state,
    due: toMs(log.due, 'log.due'),
    stability: finite(log.stability, 'log.stability'),
    difficulty: finite(log.difficulty, 'log.difficulty'),
    elapsed_days: finite(log.elapsed_days, 'log.elapsed_days'),
    last_elapsed_days: finite(log.last_elapsed_days, 'log.last_elapsed_days'),
    scheduled_days: finite(log.scheduled_days, 'log.scheduled_days'),
    learning_steps: finite(log.learning_steps, 'log.learning_steps'),
    review_at: toMs(log.review, 'log.review'),
    duration_ms: log.durationMs ?? null,
    score: log.score ?? null,
    answer: log.answer ?? null,
    feedback: toJson(log.feedback, 'log.feedback'),
    source: log.source,
  };
}

export async function insertLogs(db: Db, rows: Omit<ReviewLogsTable, 'id'>[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const out = await db.insertInto('review_logs').values(rows).returning('id').execute();
  return out.map((r) => Number(r.id));
}

export async function recordReview(db: Db, card: CardRecord, log: NewReviewLog): Promise<ReviewLogRecord> {
  const row = logToRow(card, log);
  const id = await db.transaction().execute(async (trx) => {
    await upsertCard(trx, card);
    const [newId] = await insertLogs(trx, [row]);
    return newId!;
  });
  return rowToLog({ ...row, id });
}

export async function listReviewLogs(
  db: Db,
  userId: string,
  query: ReviewLogQuery = {},
): Promise<ReviewLogRecord[]> {
  let q = db.selectFrom('review_logs').selectAll().where('user_id', '=', userId);
  if (query.since) q = q.where('review_at', '>=', toMs(query.since, 'since'));
  if (query.until) q = q.where('review_at', '<', toMs(query.until, 'until'));
  if (query.questionId !== undefined) q = q.where('question_id', '=', query.questionId);
  if (query.topicId !== undefined) q = q.where('topic_id', '=', query.topicId);
  const dir = query.order ?? 'asc';
  q = q.orderBy('review_at', dir).orderBy('id', dir);
  if (query.limit !== undefined) q = q.limit(checkLimit(query.limit));
  return (await q.execute()).map(rowToLog);
}

export async function countReviewsByDay(
  db: Db,
  userId: string,
  since: Date,
  utcOffsetMinutes = 0,
): Promise<DayCount[]> {
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 24 * 60) {
    throw new StoreError(
      'invalid',
      `utcOffsetMinutes must be an integer within ±1440, got ${utcOffsetMinutes}`,
    );
  }
  // A validated integer literal, so both dialects see one identical expression in SELECT and GROUP BY.
  const day = sql<number>`(review_at + ${sql.lit(utcOffsetMinutes * 60_000)}) / ${sql.lit(DAY_MS)}`;
  const rows = await db
    .selectFrom('review_logs')
    .select([day.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('user_id', '=', userId)
    .where('review_at', '>=', toMs(since, 'since'))
    .groupBy(day)
    .orderBy(day)
    .execute();
  return rows.map((r) => ({
    day: new Date(Math.floor(Number(r.day)) * DAY_MS).toISOString().slice(0, 10),
    count: Number(r.n),
  }));
}

export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new StoreError('invalid', `limit must be a non-negative integer, got ${limit}`);
  }
  return limit;
}

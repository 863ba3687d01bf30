// Cards and review logs: the scheduling state and the history it came from.
import { type Kysely, sql } from 'kysely';
import type {
  CardFilter,
  CardRecord,
  CardState,
  NewReviewLog,
  Rating,
  RecentReview,
  ReviewLogQuery,
  ReviewLogRecord,
} from '../engine/ports/repository.js';
import { StoreError } from './errors.js';
import { countReview } from './review-counts.js';
import { cardToRow, finite, fromMs, rowToCard, rowToLog, toJson, toMs } from './rows.js';
import type { Database, Dialect, ReviewLogsTable } from './schema.js';

type Db = Kysely<Database>;

export async function getCard(db: Db, userId: string, questionId: string): Promise<CardRecord | undefined> {
  const row = await db
    .selectFrom('cards')
    .selectAll()
    .where('user_id', '=', userId)
    .where('question_id', '=', questionId)
    .executeTakeFirst();
  return row ? rowToCard(row) : undefined;
}

export async function listCards(
  db: Db,
  dialect: Dialect,
  userId: string,
  filter: CardFilter = {},
): Promise<CardRecord[]> {
  if (filter.topicIds?.length === 0 || filter.questionIds?.length === 0) return [];
  let q = db.selectFrom('cards').selectAll().where('user_id', '=', userId);
  if (filter.topicIds) q = q.where('topic_id', 'in', [...filter.topicIds]);
  if (filter.questionIds) {
    // One bound array, not one parameter per id: a whole bank's ids cost one short statement to prepare.
    const ids = [...filter.questionIds];
    q = q.where(
      dialect === 'postgres'
        ? sql<boolean>`question_id = any(${ids}::text[])`
        : sql<boolean>`question_id in (select value from json_each(${JSON.stringify(ids)}))`,
    );
  }
  const rows = await q.orderBy('question_id').execute();
  return rows.map(rowToCard);
}

export async function countCards(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('cards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
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
    await countReview(trx, row.user_id, row.review_at);
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
  if (query.state !== undefined) q = q.where('state', '=', query.state);
  const dir = query.order ?? 'asc';
  q = q.orderBy('review_at', dir).orderBy('id', dir);
  if (query.limit !== undefined) q = q.limit(checkLimit(query.limit));
  return (await q.execute()).map(rowToLog);
}

interface RecentRow {
  id: number;
  question_id: string;
  review_at: number;
  rating: number;
  score: number | null;
  state: number;
}

/** The latest `perQuestion` reviews of each question, newest first: O(questions × perQuestion) index entries. */
export async function listRecentReviews(
  db: Db,
  dialect: Dialect,
  userId: string,
  questionIds: readonly string[],
  perQuestion: number,
): Promise<RecentReview[]> {
  const limit = checkLimit(perQuestion);
  const ids = [...new Set(questionIds)];
  if (limit === 0 || ids.length === 0) return [];
  // One short statement whatever the number of questions; every read stays on review_logs_recent_idx.
  const query =
    dialect === 'postgres'
      ? sql<RecentRow>`select r.id, r.question_id, r.review_at, r.rating, r.score, r.state
          from unnest(${ids}::text[]) as q(question_id)
          cross join lateral (
            select id, question_id, review_at, rating, score, state from review_logs
            where user_id = ${userId} and question_id = q.question_id
            order by review_at desc, id desc limit ${limit}) as r`
      : // SQLite has no LATERAL: per question, the rows at or after its limit-th latest review time (CROSS
        // JOIN keeps the id list as the outer loop). Ties at that time may add rows; they are trimmed below.
        sql<RecentRow>`select r.id, r.question_id, r.review_at, r.rating, r.score, r.state
          from json_each(${JSON.stringify(ids)}) as q cross join review_logs as r
          where r.user_id = ${userId} and r.question_id = q.value
            and r.review_at >= coalesce((select x.review_at from review_logs as x
              where x.user_id = ${userId} and x.question_id = q.value
              order by x.review_at desc, x.id desc limit 1 offset ${limit - 1}), ${Number.MIN_SAFE_INTEGER})`;
  const { rows } = await query.execute(db);
  const sorted = rows
    .map(
      (r): RecentReview => ({
        id: Number(r.id),
        questionId: r.question_id,
        review: fromMs(r.review_at),
        rating: r.rating as Rating,
        score: r.score,
        state: r.state as CardState,
      }),
    )
    .sort((a, b) => b.review.getTime() - a.review.getTime() || b.id - a.id);
  const taken = new Map<string, number>();
  return sorted.filter((r) => {
    const n = taken.get(r.questionId) ?? 0;
    taken.set(r.questionId, n + 1);
    return n < limit;
  });
}

export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new StoreError('invalid', `limit must be a non-negative integer, got ${limit}`);
  }
  return limit;
}

// Reviews per 15-minute slot: a rollup of review_logs kept in the same transactions, so a year's heatmap
// reads ≤ 35,040 small rows instead of every log. Every real UTC offset is a whole number of slots.
import { type Kysely, sql } from 'kysely';
import type { DayCount } from '../engine/ports/repository.js';
import { StoreError } from './errors.js';
import { toMs } from './rows.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;
const DAY_MS = 86_400_000;
export const SLOT_MS = 15 * 60_000;

/** floor(review_at / SLOT_MS) in SQL, identical in both dialects (integer division truncates towards zero). */
export const slotSql = sql<number>`((review_at - (((review_at % ${sql.lit(SLOT_MS)}) + ${sql.lit(SLOT_MS)}) % ${sql.lit(SLOT_MS)})) / ${sql.lit(SLOT_MS)})`;

export const slotOf = (ms: number): number => Math.floor(ms / SLOT_MS);

/** Adds one review to its slot; call inside the transaction that inserts the log. */
export async function countReview(db: Db, userId: string, reviewAt: number): Promise<void> {
  await db
    .insertInto('review_counts')
    .values({ user_id: userId, slot: slotOf(reviewAt), reviews: 1 })
    .onConflict((oc) =>
      oc.columns(['user_id', 'slot']).doUpdateSet((eb) => ({ reviews: eb('review_counts.reviews', '+', 1) })),
    )
    .execute();
}

/** Rebuilds one user's slots from their logs (after an import); call inside the importing transaction. */
export async function rebuildCounts(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('review_counts').where('user_id', '=', userId).execute();
  await db
    .insertInto('review_counts')
    .columns(['user_id', 'slot', 'reviews'])
    .expression(
      db
        .selectFrom('review_logs')
        .select([
          'user_id',
          slotSql.as('slot'),
          (eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('reviews'),
        ])
        .where('user_id', '=', userId)
        .groupBy(['user_id', slotSql]),
    )
    .execute();
}

export function checkOffset(utcOffsetMinutes: number): void {
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 24 * 60) {
    throw new StoreError(
      'invalid',
      `utcOffsetMinutes must be an integer within ±1440, got ${utcOffsetMinutes}`,
    );
  }
}

const label = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Per-day counts straight from the logs in [since, until): exact for any offset, slow over long spans. */
async function daysFromLogs(
  db: Db,
  userId: string,
  since: number,
  until: number | null,
  offsetMs: number,
): Promise<Map<number, number>> {
  // A validated integer literal, so both dialects see one identical expression in SELECT and GROUP BY.
  const day = sql<number>`(review_at + ${sql.lit(offsetMs)}) / ${sql.lit(DAY_MS)}`;
  let q = db
    .selectFrom('review_logs')
    .select([day.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('user_id', '=', userId)
    .where('review_at', '>=', since);
  if (until !== null) q = q.where('review_at', '<', until);
  const rows = await q.groupBy(day).execute();
  return new Map(rows.map((r) => [Math.floor(Number(r.day)), Number(r.n)]));
}

/** Per-day sums of whole slots from `fromSlot` on. */
async function daysFromSlots(
  db: Db,
  userId: string,
  fromSlot: number,
  offsetMs: number,
): Promise<Map<number, number>> {
  const day = sql<number>`(slot * ${sql.lit(SLOT_MS)} + ${sql.lit(offsetMs)}) / ${sql.lit(DAY_MS)}`;
  const rows = await db
    .selectFrom('review_counts')
    .select([day.as('day'), (eb) => eb.fn.sum<number>('reviews').as('n')])
    .where('user_id', '=', userId)
    .where('slot', '>=', fromSlot)
    .groupBy(day)
    .execute();
  return new Map(rows.map((r) => [Math.floor(Number(r.day)), Number(r.n)]));
}

export async function countReviewsByDay(
  db: Db,
  userId: string,
  sinceDate: Date,
  utcOffsetMinutes = 0,
): Promise<DayCount[]> {
  checkOffset(utcOffsetMinutes);
  const since = toMs(sinceDate, 'since');
  const offsetMs = utcOffsetMinutes * 60_000;
  let days: Map<number, number>;
  if (offsetMs % SLOT_MS !== 0) {
    days = await daysFromLogs(db, userId, since, null, offsetMs);
  } else {
    // Whole slots from the rollup; the part of the first slot before `since` is left out by reading it raw.
    const firstWhole = Math.ceil(since / SLOT_MS);
    const [head, body] = await Promise.all([
      daysFromLogs(db, userId, since, firstWhole * SLOT_MS, offsetMs),
      daysFromSlots(db, userId, firstWhole, offsetMs),
    ]);
    days = body;
    for (const [d, n] of head) days.set(d, (days.get(d) ?? 0) + n);
  }
  return [...days.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([d, n]) => ({ day: label(d), count: n }));
}

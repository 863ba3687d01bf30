// Lossless export of one user's state, and an all-or-nothing import that replaces it.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ExportBundle, ImportCounts } from '../engine/ports/repository.js';
import { insertLogs, logToRow } from './cards.js';
import { StoreError } from './errors.js';
import { rebuildCounts } from './review-counts.js';
import { cardToRow, rowToAnswer, rowToCard, rowToLog, rowToNote, rowToReport, rowToSession } from './rows.js';
import type { Database, Dialect } from './schema.js';

type Db = Kysely<Database>;

const iso = z.iso.datetime();
const isoOrNull = iso.nullable();
const num = z.number().finite();
const int = z.number().int();
const score = z.number().min(0).max(1).nullable();
const rating = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const state = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
const id = z.string().min(1);
const kind = z.enum(['review', 'quiz', 'mock']);

const cardSchema = z.object({
  questionId: id,
  topicId: z.string(),
  due: iso,
  stability: num,
  difficulty: num,
  elapsed_days: num,
  scheduled_days: num,
  learning_steps: int,
  reps: int,
  lapses: int,
  state,
  last_review: isoOrNull,
  suspended: z.boolean(),
});

const logSchema = z.object({
  questionId: id,
  topicId: z.string(),
  rating,
  suggestedRating: rating.nullable(),
  state,
  due: iso,
  stability: num,
  difficulty: num,
  elapsed_days: num,
  last_elapsed_days: num,
  scheduled_days: num,
  learning_steps: int,
  review: iso,
  source: kind,
  durationMs: num.nullable(),
  score,
  answer: z.string().nullable(),
  feedback: z.unknown(),
});

const answerSchema = z.object({
  seq: int.positive(),
  questionId: id,
  answer: z.string().nullable(),
  score,
  result: z.unknown(),
  seconds: num.nullable(),
  answeredAt: iso,
});

const bundleSchema = z.object({
  format: z.literal('pyprep-export'),
  version: z.literal(1),
  exportedAt: iso,
  userId: z.string(),
  cards: z.array(cardSchema),
  reviewLogs: z.array(logSchema),
  sessions: z.array(
    z.object({
      id,
      kind,
      startedAt: iso,
      endedAt: isoOrNull,
      config: z.unknown(),
      summary: z.unknown(),
      answers: z.array(answerSchema),
    }),
  ),
  notes: z.array(z.object({ topicId: id, body: z.string(), updatedAt: iso })),
  settings: z.array(z.object({ key: z.string(), value: z.unknown() })),
  reports: z.array(z.object({ id, kind: z.string(), createdAt: iso, data: z.unknown() })),
});

const isoOf = (d: Date): string => d.toISOString();
const isoOrNullOf = (d: Date | null): string | null => (d ? d.toISOString() : null);
const ms = (s: string): number => Date.parse(s);
const msOrNull = (s: string | null): number | null => (s == null ? null : Date.parse(s));
const json = (v: unknown): string => JSON.stringify(v ?? null);
const jsonOrNull = (v: unknown): string | null => (v == null ? null : JSON.stringify(v));

export async function exportAll(db: Db, dialect: Dialect, userId: string, now: Date): Promise<ExportBundle> {
  // One snapshot: a repeatable-read transaction on PostgreSQL, the write lock on SQLite.
  const tx =
    dialect === 'postgres' ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
  return tx.execute(async (trx) => {
    const cards = (
      await trx.selectFrom('cards').selectAll().where('user_id', '=', userId).orderBy('question_id').execute()
    ).map(rowToCard);
    const logs = (
      await trx
        .selectFrom('review_logs')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('review_at')
        .orderBy('id')
        .execute()
    ).map(rowToLog);
    const sessions = (
      await trx
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('started_at')
        .orderBy('id')
        .execute()
    ).map(rowToSession);
    const answers = (
      await trx
        .selectFrom('session_answers')
        .innerJoin('sessions', 'sessions.id', 'session_answers.session_id')
        .selectAll('session_answers')
        .where('sessions.user_id', '=', userId)
        .orderBy('session_answers.session_id')
        .orderBy('session_answers.seq')
        .execute()
    ).map(rowToAnswer);
    const notes = (
      await trx.selectFrom('notes').selectAll().where('user_id', '=', userId).orderBy('topic_id').execute()
    ).map(rowToNote);
    const settings = await trx
      .selectFrom('settings')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('key')
      .execute();
    const reports = (
      await trx
        .selectFrom('reports')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).map(rowToReport);

    return {
      format: 'pyprep-export',
      version: 1,
      exportedAt: isoOf(now),
      userId,
      cards: cards.map(({ userId: _u, due, last_review, ...c }) => ({
        ...c,
        due: isoOf(due),
        last_review: isoOrNullOf(last_review),
      })),
      reviewLogs: logs.map(({ id: _id, userId: _u, due, review, ...l }) => ({
        ...l,
        due: isoOf(due),
        review: isoOf(review),
      })),
      sessions: sessions.map(({ userId: _u, startedAt, endedAt, ...s }) => ({
        ...s,
        startedAt: isoOf(startedAt),
        endedAt: isoOrNullOf(endedAt),
        answers: answers
          .filter((a) => a.sessionId === s.id)
          .map(({ answeredAt, ...a }) => ({ ...a, answeredAt: isoOf(answeredAt) })),
      })),
      notes: notes.map(({ userId: _u, updatedAt, ...n }) => ({ ...n, updatedAt: isoOf(updatedAt) })),
      settings: settings.map((s) => ({ key: s.key, value: JSON.parse(s.value) as unknown })),
      reports: reports.map(({ userId: _u, createdAt, ...r }) => ({ ...r, createdAt: isoOf(createdAt) })),
    };
  });
}

/** Inserts in slices so no statement exceeds either engine's bound-parameter limit. */
async function insertSliced<T>(
  rows: T[],
  size: number,
  insert: (slice: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function importAll(db: Db, userId: string, data: unknown): Promise<ImportCounts> {
  const parsed = bundleSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown problem';
    throw new StoreError('invalid', `Not a valid pyprep export (${where}); nothing was imported.`);
  }
  const b = parsed.data;
  const cards = b.cards.map((c) =>
    cardToRow({
      ...c,
      userId,
      due: new Date(ms(c.due)),
      last_review: c.last_review ? new Date(ms(c.last_review)) : null,
    }),
  );
  const logs = b.reviewLogs.map((l) =>
    logToRow(
      { userId, questionId: l.questionId, topicId: l.topicId },
      { ...l, due: new Date(ms(l.due)), review: new Date(ms(l.review)) },
    ),
  );
  const sessions = b.sessions.map((s) => ({
    id: s.id,
    user_id: userId,
    kind: s.kind,
    started_at: ms(s.startedAt),
    ended_at: msOrNull(s.endedAt),
    config: json(s.config),
    summary: jsonOrNull(s.summary),
  }));
  const answers = b.sessions.flatMap((s) =>
    s.answers.map((a) => ({
      session_id: s.id,
      seq: a.seq,
      question_id: a.questionId,
      answer: a.answer,
      score: a.score,
      result: jsonOrNull(a.result),
      seconds: a.seconds,
      answered_at: ms(a.answeredAt),
    })),
  );
  const notes = b.notes.map((n) => ({
    user_id: userId,
    topic_id: n.topicId,
    body: n.body,
    updated_at: ms(n.updatedAt),
  }));
  const settings = b.settings.map((s) => ({ user_id: userId, key: s.key, value: json(s.value) }));
  const reports = b.reports.map((r) => ({
    id: r.id,
    user_id: userId,
    kind: r.kind,
    created_at: ms(r.createdAt),
    data: json(r.data),
  }));

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({ id: userId, name: null, created_at: Date.now() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const owned = trx.selectFrom('sessions').select('id').where('user_id', '=', userId);
    await trx.deleteFrom('session_answers').where('session_id', 'in', owned).execute();
    for (const t of ['sessions', 'cards', 'review_logs', 'notes', 'settings', 'reports'] as const) {
      await trx.deleteFrom(t).where('user_id', '=', userId).execute();
    }
    await insertSliced(cards, 500, (s) => trx.insertInto('cards').values(s).execute());
    await insertSliced(logs, 500, (s) => insertLogs(trx, s));
    await rebuildCounts(trx, userId);
    await insertSliced(sessions, 500, (s) => trx.insertInto('sessions').values(s).execute());
    await insertSliced(answers, 500, (s) => trx.insertInto('session_answers').values(s).execute());
    await insertSliced(notes, 500, (s) => trx.insertInto('notes').values(s).execute());
    await insertSliced(settings, 500, (s) => trx.insertInto('settings').values(s).execute());
    await insertSliced(reports, 500, (s) => trx.insertInto('reports').values(s).execute());
  });
  return {
    cards: cards.length,
    reviewLogs: logs.length,
    sessions: sessions.length,
    notes: notes.length,
    settings: settings.length,
    reports: reports.length,
  };
}

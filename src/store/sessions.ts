// Sessions (review, quiz, mock) with their answers, and the reports made from them.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  NewReport,
  NewSession,
  NewSessionAnswer,
  ReportRecord,
  SessionAnswerRecord,
  SessionKind,
  SessionRecord,
  SessionWithAnswers,
} from '../engine/ports/repository.js';
import { checkLimit } from './cards.js';
import { StoreError } from './errors.js';
import { rowToAnswer, rowToReport, rowToSession, toJson, toMs } from './rows.js';
import type { Database, Dialect } from './schema.js';

type Db = Kysely<Database>;

function checkScore(score: number | null | undefined): void {
  if (score != null && !(score >= 0 && score <= 1)) {
    throw new StoreError('invalid', `score must be between 0 and 1, got ${score}`);
  }
}

export async function createSession(db: Db, s: NewSession): Promise<SessionRecord> {
  const row = {
    id: s.id ?? randomUUID(),
    user_id: s.userId,
    kind: s.kind,
    started_at: toMs(s.startedAt, 'startedAt'),
    ended_at: null,
    config: toJson(s.config ?? null, 'config') ?? 'null',
    summary: null,
  };
  await db.transaction().execute((trx) => trx.insertInto('sessions').values(row).execute());
  return rowToSession(row);
}

function missingSession(sessionId: string): StoreError {
  return new StoreError('not-found', `No session ${sessionId} for this user`);
}

export async function appendAnswer(
  db: Db,
  dialect: Dialect,
  userId: string,
  sessionId: string,
  a: NewSessionAnswer,
): Promise<SessionAnswerRecord> {
  checkScore(a.score);
  const answeredAt = toMs(a.answeredAt, 'answeredAt');
  const result = toJson(a.result, 'result');
  return db.transaction().execute(async (trx) => {
    let owner = trx
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', sessionId)
      .where('user_id', '=', userId);
    // SQLite write transactions are already exclusive; PostgreSQL needs the row lock to number answers.
    if (dialect === 'postgres') owner = owner.forUpdate();
    if (!(await owner.executeTakeFirst())) throw missingSession(sessionId);
    const last = await trx
      .selectFrom('session_answers')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    const row = {
      session_id: sessionId,
      seq: Number(last?.seq ?? 0) + 1,
      question_id: a.questionId,
      answer: a.answer ?? null,
      score: a.score ?? null,
      result,
      seconds: a.seconds ?? null,
      answered_at: answeredAt,
    };
    await trx.insertInto('session_answers').values(row).execute();
    return rowToAnswer(row);
  });
}

export async function finishSession(
  db: Db,
  userId: string,
  sessionId: string,
  endedAt: Date,
  summary: unknown,
): Promise<SessionRecord> {
  const ended = toMs(endedAt, 'endedAt');
  const text = toJson(summary ?? null, 'summary');
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('sessions')
      .set({ ended_at: ended, summary: text })
      .where('id', '=', sessionId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw missingSession(sessionId);
    const row = await trx
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    return rowToSession(row);
  });
}

export async function getSession(
  db: Db,
  userId: string,
  sessionId: string,
): Promise<SessionWithAnswers | undefined> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return undefined;
  const answers = await db
    .selectFrom('session_answers')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('seq')
    .execute();
  return { ...rowToSession(row), answers: answers.map(rowToAnswer) };
}

export async function listSessions(
  db: Db,
  userId: string,
  query: { kind?: SessionKind; limit?: number } = {},
): Promise<SessionRecord[]> {
  let q = db.selectFrom('sessions').selectAll().where('user_id', '=', userId);
  if (query.kind) q = q.where('kind', '=', query.kind);
  q = q.orderBy('started_at', 'desc').orderBy('id', 'desc');
  if (query.limit !== undefined) q = q.limit(checkLimit(query.limit));
  return (await q.execute()).map(rowToSession);
}

export async function saveReport(db: Db, r: NewReport): Promise<ReportRecord> {
  const row = {
    id: r.id ?? randomUUID(),
    user_id: r.userId,
    kind: r.kind,
    created_at: toMs(r.createdAt, 'createdAt'),
    data: toJson(r.data ?? null, 'data') ?? 'null',
  };
  await db.transaction().execute((trx) => trx.insertInto('reports').values(row).execute());
  return rowToReport(row);
}

export async function getReport(db: Db, userId: string, reportId: string): Promise<ReportRecord | undefined> {
  const row = await db
    .selectFrom('reports')
    .selectAll()
    .where('id', '=', reportId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? rowToReport(row) : undefined;
}

export async function listReports(
  db: Db,
  userId: string,
  query: { kind?: string; limit?: number } = {},
): Promise<ReportRecord[]> {
  let q = db.selectFrom('reports').selectAll().where('user_id', '=', userId);
  if (query.kind !== undefined) q = q.where('kind', '=', query.kind);
  q = q.orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (query.limit !== undefined) q = q.limit(checkLimit(query.limit));
  return (await q.execute()).map(rowToReport);
}

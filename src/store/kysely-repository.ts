// The Repository port over Kysely; dialect differences stay in the openers and in a few marked queries.
import type { Kysely } from 'kysely';
import type {
  CardFilter,
  CardRecord,
  DayCount,
  ExportBundle,
  ImportCounts,
  NewReport,
  NewReviewLog,
  NewSession,
  NewSessionAnswer,
  NoteRecord,
  RecentReview,
  ReportRecord,
  Repository,
  ReviewLogQuery,
  ReviewLogRecord,
  SessionAnswerRecord,
  SessionKind,
  SessionRecord,
  SessionWithAnswers,
} from '../engine/ports/repository.js';
import * as backup from './backup.js';
import * as cards from './cards.js';
import * as reviewCounts from './review-counts.js';
import type { Database, Dialect } from './schema.js';
import * as sessions from './sessions.js';
import * as userData from './user-data.js';

export interface Store extends Repository {
  readonly dialect: Dialect;
  /** The file path, or the URL with its password hidden. */
  readonly location: string;
}

export interface StoreDriver {
  db: Kysely<Database>;
  dialect: Dialect;
  location: string;
  /** Turns a driver error into a StoreError that names the database and what to do. */
  mapError(error: unknown): unknown;
}

export class KyselyStore implements Store {
  readonly dialect: Dialect;
  readonly location: string;
  readonly #db: Kysely<Database>;
  readonly #mapError: (error: unknown) => unknown;
  #closed: Promise<void> | undefined;

  constructor(driver: StoreDriver) {
    this.#db = driver.db;
    this.dialect = driver.dialect;
    this.location = driver.location;
    this.#mapError = driver.mapError;
  }

  async #run<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    try {
      return await fn(this.#db);
    } catch (error) {
      throw this.#mapError(error);
    }
  }

  ensureUser(userId: string, name?: string): Promise<void> {
    return this.#run((db) => userData.ensureUser(db, userId, name));
  }
  getCard(userId: string, questionId: string): Promise<CardRecord | undefined> {
    return this.#run((db) => cards.getCard(db, userId, questionId));
  }
  listCards(userId: string, filter?: CardFilter): Promise<CardRecord[]> {
    return this.#run((db) => cards.listCards(db, this.dialect, userId, filter));
  }
  listDueCards(userId: string, now: Date, limit?: number): Promise<CardRecord[]> {
    return this.#run((db) => cards.listDueCards(db, userId, now, limit));
  }
  countDue(userId: string, now: Date): Promise<number> {
    return this.#run((db) => cards.countDue(db, userId, now));
  }
  countCards(userId: string): Promise<number> {
    return this.#run((db) => cards.countCards(db, userId));
  }
  saveCard(card: CardRecord): Promise<void> {
    return this.#run((db) => cards.saveCard(db, card));
  }
  recordReview(card: CardRecord, log: NewReviewLog): Promise<ReviewLogRecord> {
    return this.#run((db) => cards.recordReview(db, card, log));
  }
  listReviewLogs(userId: string, query?: ReviewLogQuery): Promise<ReviewLogRecord[]> {
    return this.#run((db) => cards.listReviewLogs(db, userId, query));
  }
  listRecentReviews(
    userId: string,
    questionIds: readonly string[],
    perQuestion: number,
  ): Promise<RecentReview[]> {
    return this.#run((db) => cards.listRecentReviews(db, this.dialect, userId, questionIds, perQuestion));
  }
  countReviewsByDay(userId: string, since: Date, utcOffsetMinutes?: number): Promise<DayCount[]> {
    return this.#run((db) => reviewCounts.countReviewsByDay(db, userId, since, utcOffsetMinutes));
  }

  getNote(userId: string, topicId: string): Promise<NoteRecord | undefined> {
    return this.#run((db) => userData.getNote(db, userId, topicId));
  }
  saveNote(note: NoteRecord): Promise<void> {
    return this.#run((db) => userData.saveNote(db, note));
  }
  listNotes(userId: string): Promise<NoteRecord[]> {
    return this.#run((db) => userData.listNotes(db, userId));
  }
  deleteNote(userId: string, topicId: string): Promise<void> {
    return this.#run((db) => userData.deleteNote(db, userId, topicId));
  }

  getSetting(userId: string, key: string): Promise<unknown> {
    return this.#run((db) => userData.getSetting(db, userId, key));
  }
  setSetting(userId: string, key: string, value: unknown): Promise<void> {
    return this.#run((db) => userData.setSetting(db, userId, key, value));
  }
  deleteSetting(userId: string, key: string): Promise<void> {
    return this.#run((db) => userData.deleteSetting(db, userId, key));
  }
  allSettings(userId: string): Promise<Record<string, unknown>> {
    return this.#run((db) => userData.allSettings(db, userId));
  }

  createSession(session: NewSession): Promise<SessionRecord> {
    return this.#run((db) => sessions.createSession(db, session));
  }
  appendAnswer(userId: string, sessionId: string, answer: NewSessionAnswer): Promise<SessionAnswerRecord> {
    return this.#run((db) => sessions.appendAnswer(db, this.dialect, userId, sessionId, answer));
  }
  finishSession(userId: string, sessionId: string, endedAt: Date, summary: unknown): Promise<SessionRecord> {
    return this.#run((db) => sessions.finishSession(db, userId, sessionId, endedAt, summary));
  }
  getSession(userId: string, sessionId: string): Promise<SessionWithAnswers | undefined> {
    return this.#run((db) => sessions.getSession(db, userId, sessionId));
  }
  listSessions(userId: string, query?: { kind?: SessionKind; limit?: number }): Promise<SessionRecord[]> {
    return this.#run((db) => sessions.listSessions(db, userId, query));
  }

  saveReport(report: NewReport): Promise<ReportRecord> {
    return this.#run((db) => sessions.saveReport(db, report));
  }
  getReport(userId: string, reportId: string): Promise<ReportRecord | undefined> {
    return this.#run((db) => sessions.getReport(db, userId, reportId));
  }
  listReports(userId: string, query?: { kind?: string; limit?: number }): Promise<ReportRecord[]> {
    return this.#run((db) => sessions.listReports(db, userId, query));
  }

  exportAll(userId: string, now: Date = new Date()): Promise<ExportBundle> {
    return this.#run((db) => backup.exportAll(db, this.dialect, userId, now));
  }
  importAll(userId: string, data: unknown): Promise<ImportCounts> {
    return this.#run((db) => backup.importAll(db, userId, data));
  }

  /** Idempotent: a second call waits for the first. */
  close(): Promise<void> {
    this.#closed ??= this.#db.destroy();
    return this.#closed;
  }
}

// The storage port: the user's state as the engine and use-cases see it. Types only; src/store implements it.

/** FSRS card state, numbered as ts-fsrs's `State`: New, Learning, Review, Relearning. */
export type CardState = 0 | 1 | 2 | 3;
/** FSRS grade, numbered as ts-fsrs's `Rating`: Again, Hard, Good, Easy. */
export type Rating = 1 | 2 | 3 | 4;
export type ReviewSource = 'review' | 'quiz' | 'mock';
export type SessionKind = 'review' | 'quiz' | 'mock';

/** The scheduling fields of a card, named exactly as ts-fsrs's `Card` (last_review is null, never absent). */
export interface FsrsCardFields {
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: CardState;
  last_review: Date | null;
}

/** One question's schedule for one user. Question and topic ids are opaque strings, never checked. */
export interface CardRecord extends FsrsCardFields {
  userId: string;
  questionId: string;
  topicId: string;
  suspended: boolean;
}

/** The review itself, named as ts-fsrs's `ReviewLog` for the FSRS fields; extra fields are ours. */
export interface NewReviewLog {
  rating: Rating;
  state: CardState;
  due: Date;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  last_elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  review: Date;
  source: ReviewSource;
  /** The rating the grader proposed before the user's override. */
  suggestedRating?: Rating | null;
  durationMs?: number | null;
  /** 0..1 */
  score?: number | null;
  answer?: string | null;
  /** Any JSON-serialisable grading feedback. */
  feedback?: unknown;
}

/** A stored review log: kept forever, it is the user's history. */
export interface ReviewLogRecord extends Required<NewReviewLog> {
  id: number;
  userId: string;
  questionId: string;
  topicId: string;
}

export interface CardFilter {
  topicIds?: readonly string[];
  questionIds?: readonly string[];
}

export interface ReviewLogQuery {
  /** Inclusive lower bound on review time. */
  since?: Date;
  /** Exclusive upper bound on review time. */
  until?: Date;
  questionId?: string;
  topicId?: string;
  /** Only logs written in this card state (e.g. 0: first reviews of new cards). */
  state?: CardState;
  /** Oldest first by default; with `limit`, 'desc' gives the latest N. */
  order?: 'asc' | 'desc';
  limit?: number;
}

/** The fields of a review log that mastery reads (no answer text or feedback). */
export type RecentReview = Pick<
  ReviewLogRecord,
  'id' | 'questionId' | 'review' | 'rating' | 'score' | 'state'
>;

export interface DayCount {
  /** Calendar day, YYYY-MM-DD, in the offset the caller gave. */
  day: string;
  count: number;
}

export interface NoteRecord {
  userId: string;
  topicId: string;
  body: string;
  updatedAt: Date;
}

export interface NewSession {
  /** Optional: the store makes a random UUID when absent. */
  id?: string;
  userId: string;
  kind: SessionKind;
  startedAt: Date;
  config: unknown;
}

export interface SessionRecord {
  id: string;
  userId: string;
  kind: SessionKind;
  startedAt: Date;
  endedAt: Date | null;
  config: unknown;
  /** null until the session is finished. */
  summary: unknown;
}

export interface NewSessionAnswer {
  questionId: string;
  answeredAt: Date;
  answer?: string | null;
  /** 0..1 */
  score?: number | null;
  result?: unknown;
  seconds?: number | null;
}

export interface SessionAnswerRecord extends Required<NewSessionAnswer> {
  sessionId: string;
  /** 1, 2, 3… in order of appending. */
  seq: number;
}

export interface SessionWithAnswers extends SessionRecord {
  answers: SessionAnswerRecord[];
}

export interface NewReport {
  id?: string;
  userId: string;
  kind: string;
  createdAt: Date;
  data: unknown;
}

export interface ReportRecord {
  id: string;
  userId: string;
  kind: string;
  createdAt: Date;
  data: unknown;
}

/** Record types as they travel in a backup file: dates as ISO strings, no user ids (the importer chooses). */
export type Exported<T> = {
  [K in keyof T as K extends 'userId' ? never : K]: T[K] extends Date
    ? string
    : T[K] extends Date | null
      ? string | null
      : T[K];
};

/** A lossless, JSON-safe backup of one user's state. */
export interface ExportBundle {
  format: 'pyprep-export';
  version: 1;
  exportedAt: string;
  userId: string;
  cards: Exported<CardRecord>[];
  /** Oldest first; ids are not kept (the importing database assigns its own). */
  reviewLogs: Exported<Omit<ReviewLogRecord, 'id'>>[];
  sessions: (Exported<SessionRecord> & { answers: Exported<SessionAnswerRecord>[] })[];
  notes: Exported<NoteRecord>[];
  settings: { key: string; value: unknown }[];
  reports: Exported<ReportRecord>[];
}

export interface ImportCounts {
  cards: number;
  reviewLogs: number;
  sessions: number;
  notes: number;
  settings: number;
  reports: number;
}

/**
 * Persistent user state. Every method is async; a returned promise resolves only after the write committed.
 * Unknown ids reject with the store's error (never a silent no-op) where a write needs an existing row.
 */
export interface Repository {
  /** Creates the user when absent (the user `local` always exists). */
  ensureUser(userId: string, name?: string): Promise<void>;

  getCard(userId: string, questionId: string): Promise<CardRecord | undefined>;
  listCards(userId: string, filter?: CardFilter): Promise<CardRecord[]>;
  /** Unsuspended cards with due <= now, earliest due first. */
  listDueCards(userId: string, now: Date, limit?: number): Promise<CardRecord[]>;
  countDue(userId: string, now: Date): Promise<number>;
  /** Every card of the user, including those of questions no longer in the bank. */
  countCards(userId: string): Promise<number>;
  /** Inserts or replaces a card without a review (e.g. to suspend it). */
  saveCard(card: CardRecord): Promise<void>;
  /** Stores the card's new state and appends the log in one transaction. */
  recordReview(card: CardRecord, log: NewReviewLog): Promise<ReviewLogRecord>;
  listReviewLogs(userId: string, query?: ReviewLogQuery): Promise<ReviewLogRecord[]>;
  /** The latest `perQuestion` reviews of each question, newest first; reads O(questions × perQuestion) rows. */
  listRecentReviews(
    userId: string,
    questionIds: readonly string[],
    perQuestion: number,
  ): Promise<RecentReview[]>;
  /** Reviews per calendar day since `since`, oldest day first; `utcOffsetMinutes` shifts day boundaries. */
  countReviewsByDay(userId: string, since: Date, utcOffsetMinutes?: number): Promise<DayCount[]>;

  getNote(userId: string, topicId: string): Promise<NoteRecord | undefined>;
  saveNote(note: NoteRecord): Promise<void>;
  listNotes(userId: string): Promise<NoteRecord[]>;
  deleteNote(userId: string, topicId: string): Promise<void>;

  getSetting(userId: string, key: string): Promise<unknown>;
  setSetting(userId: string, key: string, value: unknown): Promise<void>;
  deleteSetting(userId: string, key: string): Promise<void>;
  allSettings(userId: string): Promise<Record<string, unknown>>;

  createSession(session: NewSession): Promise<SessionRecord>;
  appendAnswer(userId: string, sessionId: string, answer: NewSessionAnswer): Promise<SessionAnswerRecord>;
  finishSession(userId: string, sessionId: string, endedAt: Date, summary: unknown): Promise<SessionRecord>;
  getSession(userId: string, sessionId: string): Promise<SessionWithAnswers | undefined>;
  /** Newest first. */
  listSessions(userId: string, query?: { kind?: SessionKind; limit?: number }): Promise<SessionRecord[]>;

  saveReport(report: NewReport): Promise<ReportRecord>;
  getReport(userId: string, reportId: string): Promise<ReportRecord | undefined>;
  /** Newest first. */
  listReports(userId: string, query?: { kind?: string; limit?: number }): Promise<ReportRecord[]>;

  exportAll(userId: string, now?: Date): Promise<ExportBundle>;
  /** Validates, then replaces the user's whole state in one transaction; malformed data changes nothing. */
  importAll(userId: string, data: unknown): Promise<ImportCounts>;

  close(): Promise<void>;
}

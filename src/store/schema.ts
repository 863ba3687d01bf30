// Table shapes for Kysely: times are integer epoch milliseconds, JSON is text, booleans are 0/1.
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  name: string | null;
  created_at: number;
}

export interface CardsTable {
  user_id: string;
  question_id: string;
  topic_id: string;
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: number | null;
  suspended: number;
}

export interface ReviewLogsTable {
  id: Generated<number>;
  user_id: string;
  question_id: string;
  topic_id: string;
  rating: number;
  suggested_rating: number | null;
  state: number;
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  last_elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  review_at: number;
  duration_ms: number | null;
  score: number | null;
  answer: string | null;
  feedback: string | null;
  source: string;
}

/** Reviews per user per 15-minute slot (slot = floor(review_at / 900000)): a rollup of review_logs. */
export interface ReviewCountsTable {
  user_id: string;
  slot: number;
  reviews: number;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  kind: string;
  started_at: number;
  ended_at: number | null;
  config: string;
  summary: string | null;
}

export interface SessionAnswersTable {
  session_id: string;
  seq: number;
  question_id: string;
  answer: string | null;
  score: number | null;
  result: string | null;
  seconds: number | null;
  answered_at: number;
}

export interface NotesTable {
  user_id: string;
  topic_id: string;
  body: string;
  updated_at: number;
}

export interface SettingsTable {
  user_id: string;
  key: string;
  value: string;
}

export interface ReportsTable {
  id: string;
  user_id: string;
  kind: string;
  created_at: number;
  data: string;
}

export interface Database {
  users: UsersTable;
  cards: CardsTable;
  review_logs: ReviewLogsTable;
  review_counts: ReviewCountsTable;
  sessions: SessionsTable;
  session_answers: SessionAnswersTable;
  notes: NotesTable;
  settings: SettingsTable;
  reports: ReportsTable;
}

export type Dialect = 'sqlite' | 'postgres';

export const DEFAULT_USER_ID = 'local';

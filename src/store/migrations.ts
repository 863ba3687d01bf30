// Migrations live in code (the CLI is one esbuild bundle); one set serves SQLite and PostgreSQL.
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { StoreError } from './errors.js';
import { slotSql } from './review-counts.js';
import { DEFAULT_USER_ID, type Dialect } from './schema.js';

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists.
type AnyDb = Kysely<any>;

function initial(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('cards')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('topic_id', 'text', (c) => c.notNull())
        .addColumn('due', 'bigint', (c) => c.notNull())
        .addColumn('stability', 'double precision', (c) => c.notNull())
        .addColumn('difficulty', 'double precision', (c) => c.notNull())
        .addColumn('elapsed_days', 'double precision', (c) => c.notNull())
        .addColumn('scheduled_days', 'double precision', (c) => c.notNull())
        .addColumn('learning_steps', 'integer', (c) => c.notNull())
        .addColumn('reps', 'integer', (c) => c.notNull())
        .addColumn('lapses', 'integer', (c) => c.notNull())
        .addColumn('state', 'integer', (c) => c.notNull())
        .addColumn('last_review', 'bigint')
        .addColumn('suspended', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('cards_pk', ['user_id', 'question_id'])
        .addCheckConstraint('cards_state_ck', sql`state between 0 and 3`)
        .addCheckConstraint('cards_suspended_ck', sql`suspended in (0, 1)`)
        .execute();
      await db.schema.createIndex('cards_due_idx').on('cards').columns(['user_id', 'due']).execute();
      await db.schema.createIndex('cards_topic_idx').on('cards').columns(['user_id', 'topic_id']).execute();

      await db.schema
        .createTable('review_logs')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('topic_id', 'text', (c) => c.notNull())
        .addColumn('rating', 'integer', (c) => c.notNull())
        .addColumn('suggested_rating', 'integer')
        .addColumn('state', 'integer', (c) => c.notNull())
        .addColumn('due', 'bigint', (c) => c.notNull())
        .addColumn('stability', 'double precision', (c) => c.notNull())
        .addColumn('difficulty', 'double precision', (c) => c.notNull())
        .addColumn('elapsed_days', 'double precision', (c) => c.notNull())
        .addColumn('last_elapsed_days', 'double precision', (c) => c.notNull())
        .addColumn('scheduled_days', 'double precision', (c) => c.notNull())
        .addColumn('learning_steps', 'integer', (c) => c.notNull())
        .addColumn('review_at', 'bigint', (c) => c.notNull())
        .addColumn('duration_ms', 'bigint')
        .addColumn('score', 'double precision')
        .addColumn('answer', 'text')
        .addColumn('feedback', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addCheckConstraint('review_logs_rating_ck', sql`rating between 1 and 4`)
        .addCheckConstraint(
          'review_logs_suggested_ck',
          sql`suggested_rating is null or suggested_rating between 1 and 4`,
        )
        .addCheckConstraint('review_logs_state_ck', sql`state between 0 and 3`)
        .addCheckConstraint('review_logs_score_ck', sql`score is null or (score >= 0 and score <= 1)`)
        .addCheckConstraint('review_logs_source_ck', sql`source in ('review', 'quiz', 'mock')`)
        .execute();
      await db.schema
        .createIndex('review_logs_time_idx')
        .on('review_logs')
        .columns(['user_id', 'review_at'])
        .execute();
      await db.schema
        .createIndex('review_logs_question_idx')
        .on('review_logs')
        .columns(['user_id', 'question_id', 'review_at'])
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('summary', 'text')
        .addCheckConstraint('sessions_kind_ck', sql`kind in ('review', 'quiz', 'mock')`)
        .execute();
      await db.schema
        .createIndex('sessions_user_idx')
        .on('sessions')
        .columns(['user_id', 'started_at'])
        .execute();

      await db.schema
        .createTable('session_answers')
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('question_id', 'text', (c) => c.notNull())
        .addColumn('answer', 'text')
        .addColumn('score', 'double precision')
        .addColumn('result', 'text')
        .addColumn('seconds', 'double precision')
        .addColumn('answered_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('session_answers_pk', ['session_id', 'seq'])
        .addCheckConstraint('session_answers_score_ck', sql`score is null or (score >= 0 and score <= 1)`)
        .execute();

      await db.schema
        .createTable('notes')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('topic_id', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('notes_pk', ['user_id', 'topic_id'])
        .execute();

      await db.schema
        .createTable('settings')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('settings_pk', ['user_id', 'key'])
        .execute();

      await db.schema
        .createTable('reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('reports_user_idx')
        .on('reports')
        .columns(['user_id', 'created_at'])
        .execute();

      await db.insertInto('users').values({ id: DEFAULT_USER_ID, name: null, created_at: 0 }).execute();
    },
  };
}

/**
 * Reads for progress on a long history. The per-question index now carries what mastery reads, so the latest
 * reviews of every question come from index pages alone; and a rollup of reviews per 15-minute slot, backfilled
 * from the logs, feeds the heatmap instead of every log.
 */
function progressReads(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createIndex('review_logs_recent_idx')
        .on('review_logs')
        .columns(['user_id', 'question_id', 'review_at', 'id', 'rating', 'score', 'state'])
        .execute();
      await db.schema.dropIndex('review_logs_question_idx').execute();
      let table = db.schema
        .createTable('review_counts')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('slot', 'bigint', (c) => c.notNull())
        .addColumn('reviews', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('review_counts_pk', ['user_id', 'slot']);
      // Clustered on its key in SQLite, so a range of slots is one contiguous read.
      if (dialect === 'sqlite') table = table.modifyEnd(sql`without rowid`);
      await table.execute();
      await db
        .insertInto('review_counts')
        .columns(['user_id', 'slot', 'reviews'])
        .expression(
          db
            .selectFrom('review_logs')
            .select(['user_id', slotSql.as('slot'), sql<number>`cast(count(*) as integer)`.as('reviews')])
            .groupBy(['user_id', slotSql]),
        )
        .execute();
    },
  };
}

/** Every migration, in order; names are recorded in kysely_migration and must never change. */
export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return { '0001_initial': initial(dialect), '0002_progress_reads': progressReads(dialect) };
}

/** True when every known migration is recorded: a plain read, so an up-to-date open takes no write lock. */
async function upToDate(db: AnyDb, dialect: Dialect): Promise<boolean> {
  const names = Object.keys(migrationsFor(dialect));
  try {
    const rows = (await db.selectFrom('kysely_migration').select('name').execute()) as { name: string }[];
    const done = new Set(rows.map((r) => r.name));
    return names.every((n) => done.has(n)) && done.size === names.length;
  } catch {
    // No migration table yet (a new database): the migrator creates it.
    return false;
  }
}

/** Applies pending migrations; safe to run on every open and from two processes at once. */
export async function migrate(
  db: AnyDb,
  dialect: Dialect,
  where: string,
  mapError: (error: unknown) => unknown,
): Promise<string[]> {
  if (await upToDate(db, dialect)) return [];
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const mapped = mapError(error);
    if (mapped instanceof StoreError) throw mapped;
    throw new StoreError(
      'migration',
      `Could not migrate the database at ${where}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

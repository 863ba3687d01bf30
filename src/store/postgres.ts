// Opens the PostgreSQL store: a pool whose int8 values parse to numbers (for this pool only), then migrations.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { redactUrl, StoreError } from './errors.js';
import { KyselyStore, type Store } from './kysely-repository.js';
import { migrate } from './migrations.js';
import type { Database } from './schema.js';

const INT8_OID = 20;

function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n))
    throw new StoreError('invalid', `int8 value ${text} does not fit a JS number`);
  return n;
}

// Per-pool parsers: pg.types.setTypeParser would change every other pg user in the process.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? parseInt8
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

function code(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

export function pgErrorMapper(where: string): (error: unknown) => unknown {
  return (error) => {
    if (error instanceof StoreError) return error;
    const c = code(error);
    const msg = error instanceof Error ? error.message : String(error);
    if (c === '23503') {
      return new StoreError('not-found', `A referenced row (user or session) does not exist: ${msg}`, {
        cause: error,
      });
    }
    if (c === '23505') return new StoreError('conflict', `Duplicate key: ${msg}`, { cause: error });
    if (c === '23514' || c === '23502' || c === '22003' || c === '22P02') {
      return new StoreError('invalid', `A value was out of range: ${msg}`, { cause: error });
    }
    if (c === '40001' || c === '40P01' || c === '55P03') {
      return new StoreError('busy', `PostgreSQL at ${where} could not serialise a write: ${msg}`, {
        cause: error,
      });
    }
    const unreachable =
      [
        'ECONNREFUSED',
        'ENOTFOUND',
        'ETIMEDOUT',
        'ECONNRESET',
        'EHOSTUNREACH',
        '28P01',
        '28000',
        '3D000',
      ].includes(c) ||
      c.startsWith('08') ||
      c.startsWith('57P');
    if (unreachable) {
      return new StoreError(
        'unavailable',
        `Cannot use PostgreSQL at ${where} (${c}: ${msg}). Check DATABASE_URL, that the server runs and the ` +
          'database exists.',
        { cause: error },
      );
    }
    return error;
  };
}

export async function openPostgres(url: string): Promise<Store> {
  const where = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, types, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client dropped by the server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const mapError = pgErrorMapper(where);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db, 'postgres', where, mapError);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore({ db, dialect: 'postgres', location: where, mapError });
}

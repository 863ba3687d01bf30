// Opens the embedded SQLite store: checks the file before touching it, then WAL, FULL sync, migrations.
import { accessSync, closeSync, constants, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { StoreError } from './errors.js';
import { KyselyStore, type Store } from './kysely-repository.js';
import { migrate } from './migrations.js';
import type { Database } from './schema.js';
import { ImmediateSqliteDialect } from './sqlite-dialect.js';

const HEADER = 'SQLite format 3\0';
const BUSY_TIMEOUT_MS = 15_000;

/** `$XDG_DATA_HOME/pyprep/pyprep.db`, else `~/.local/share/pyprep/pyprep.db`. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'pyprep', 'pyprep.db');
}

function code(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function corrupt(path: string, detail: string, cause?: unknown): StoreError {
  return new StoreError(
    'corrupt',
    `The database file ${path} is damaged or is not a pyprep database (${detail}). It was left untouched. ` +
      `Move it aside (mv "${path}" "${path}.broken") to start afresh, or restore a backup with \`pyprep import\`.`,
    { cause },
  );
}

function prepareDirectory(path: string): void {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new StoreError(
      'io',
      `Cannot create the data directory ${dir} (${code(error) || String(error)}). ` +
        'Create it with write permission, or set PYPREP_DB to a file in a writable directory.',
      { cause: error },
    );
  }
  try {
    accessSync(dir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new StoreError(
      'io',
      `The data directory ${dir} is not readable and writable (${code(error)}); SQLite needs both for its ` +
        'journal files. Fix its permissions, or set PYPREP_DB to a file in a writable directory.',
      { cause: error },
    );
  }
}

/** Refuses files that are not SQLite databases without opening (and so without changing) them. */
function checkExistingFile(path: string): void {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile())
      throw new StoreError('io', `${path} exists but is not a regular file; set PYPREP_DB elsewhere.`);
    size = st.size;
  } catch (error) {
    if (code(error) === 'ENOENT') return;
    throw error;
  }
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw new StoreError(
      'io',
      `The database file ${path} is not readable and writable (${code(error)}). Fix its permissions.`,
      { cause: error },
    );
  }
  if (size === 0) return;
  const buf = Buffer.alloc(HEADER.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 512 || buf.toString('latin1') !== HEADER) throw corrupt(path, 'no SQLite header');
}

/** Maps better-sqlite3 errors to StoreErrors that name the file. */
export function sqliteErrorMapper(path: string): (error: unknown) => unknown {
  return (error) => {
    if (error instanceof StoreError) return error;
    const c = code(error);
    const msg = error instanceof Error ? error.message : String(error);
    if (c === 'SQLITE_CORRUPT' || c === 'SQLITE_NOTADB' || c.startsWith('SQLITE_CORRUPT_')) {
      return corrupt(path, msg, error);
    }
    if (c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED')) {
      return new StoreError('busy', `The database ${path} stayed locked by another process: ${msg}`, {
        cause: error,
      });
    }
    if (c.startsWith('SQLITE_READONLY') || c.startsWith('SQLITE_CANTOPEN') || c.startsWith('SQLITE_IOERR')) {
      return new StoreError('io', `Cannot write the database ${path} (${c}): ${msg}. Check permissions.`, {
        cause: error,
      });
    }
    if (c === 'SQLITE_FULL') {
      return new StoreError('io', `The disk holding ${path} is full. Free some space and retry.`, {
        cause: error,
      });
    }
    if (c === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      return new StoreError('not-found', `A referenced row (user or session) does not exist: ${msg}`, {
        cause: error,
      });
    }
    if (c === 'SQLITE_CONSTRAINT_PRIMARYKEY' || c === 'SQLITE_CONSTRAINT_UNIQUE') {
      return new StoreError('conflict', `Duplicate key: ${msg}`, { cause: error });
    }
    if (c.startsWith('SQLITE_CONSTRAINT')) {
      return new StoreError('invalid', `A value was out of range: ${msg}`, { cause: error });
    }
    return error;
  };
}

const FULL_CHECK_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Reads the schema, then the first and the last row of every table: catches a garbage file, a smashed root page
 * and a smashed right edge (where new rows are appended) without reading the whole file.
 */
function shallowCheck(raw: BetterSqlite3.Database): string {
  const tables = raw
    .prepare("select name, wr from pragma_table_list where schema = 'main' and type = 'table'")
    .all() as { name: string; wr: number }[];
  for (const { name, wr } of tables) {
    const t = `"${name.replaceAll('"', '""')}"`;
    raw.prepare(`select * from ${t} limit 1`).all();
    if (!wr) raw.prepare(`select * from ${t} order by rowid desc limit 1`).all();
  }
  return 'ok';
}

export async function openSqlite(file: string): Promise<Store> {
  const path = resolve(file);
  prepareDirectory(path);
  checkExistingFile(path);
  const mapError = sqliteErrorMapper(path);
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(path);
  } catch (error) {
    throw mapError(error);
  }
  try {
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // A full check reads every page: affordable on a small file, too slow on a years-long history at every start.
    // Large files get a cheaper check of the schema and the tables' first pages; later damage maps to 'corrupt'.
    const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    const check =
      size <= FULL_CHECK_MAX_BYTES ? raw.pragma('quick_check(1)', { simple: true }) : shallowCheck(raw);
    if (check !== 'ok') throw corrupt(path, String(check));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
  } catch (error) {
    raw.close();
    throw mapError(error);
  }
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
  try {
    await migrate(db, 'sqlite', path, mapError);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore({ db, dialect: 'sqlite', location: path, mapError });
}

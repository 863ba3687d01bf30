// Picks the dialect: a postgres:// URL means PostgreSQL, anything else is a SQLite file.
import { StoreError } from './errors.js';
import type { Store } from './kysely-repository.js';
import { defaultDbPath, openSqlite } from './sqlite.js';

export interface OpenStoreOptions {
  /** postgres:// or postgresql:// URL, or file: URL / sqlite: path for SQLite. */
  url?: string;
  /** A SQLite file path. */
  path?: string;
  /** Where PYPREP_DB, DATABASE_URL and XDG_DATA_HOME are read from; process.env by default. */
  env?: NodeJS.ProcessEnv;
}

export type StoreTarget = { dialect: 'postgres'; url: string } | { dialect: 'sqlite'; path: string };

const isPostgresUrl = (s: string): boolean => /^postgres(ql)?:\/\//i.test(s);
const looksLikeUrl = (s: string): boolean => /^([a-z][a-z0-9+.-]*:\/\/|file:|sqlite:)/i.test(s);

function fromUrl(url: string): StoreTarget {
  if (isPostgresUrl(url)) return { dialect: 'postgres', url };
  if (url.startsWith('file:')) return { dialect: 'sqlite', path: new URL(url).pathname };
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', path: url.slice('sqlite:'.length) };
  throw new StoreError(
    'invalid',
    `Unsupported database URL "${url.split(':')[0]}:…": use postgres://… for PostgreSQL or a file path for SQLite.`,
  );
}

/** Explicit options first, then PYPREP_DB (path or URL), then a postgres DATABASE_URL, then the default file. */
export function resolveStoreTarget(options: OpenStoreOptions = {}): StoreTarget {
  const env = options.env ?? process.env;
  if (options.url) return fromUrl(options.url);
  if (options.path) return { dialect: 'sqlite', path: options.path };
  const pyprepDb = env.PYPREP_DB;
  if (pyprepDb) return looksLikeUrl(pyprepDb) ? fromUrl(pyprepDb) : { dialect: 'sqlite', path: pyprepDb };
  const dbUrl = env.DATABASE_URL;
  if (dbUrl && isPostgresUrl(dbUrl)) return { dialect: 'postgres', url: dbUrl };
  return { dialect: 'sqlite', path: defaultDbPath(env) };
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const target = resolveStoreTarget(options);
  // pg and its driver load only for a PostgreSQL target: most users never pay for them.
  if (target.dialect === 'postgres') return import('./postgres.js').then((m) => m.openPostgres(target.url));
  return openSqlite(target.path);
}

// The composition root: the one place that picks the store and the runner (the edge) for both faces.
import type { Bank } from '../content/types.js';
import type { Clock } from '../engine/ports/clock.js';
import type { CodeRunner } from '../engine/ports/code-runner.js';
import type { Random } from '../engine/ports/random.js';
import type { Repository } from '../engine/ports/repository.js';
import { seededRandom } from '../engine/random/seeded.js';
import { getBank } from './bank-source.js';

export interface AppContext {
  bank: Bank;
  repo: Repository;
  userId: string;
  clock: Clock;
  random: Random;
  /** The code runner, started on first use (most commands never run code). */
  runner(): Promise<CodeRunner>;
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** A SQLite path or a postgres:// URL; defaults to PYPREP_DB, DATABASE_URL, then the user's data dir. */
  db?: string;
  /** A ready repository (tests); takes precedence over `db`. */
  repo?: Repository;
  /** A ready runner (tests), else CPython when an interpreter exists, else Pyodide. */
  runner?: CodeRunner;
  bank?: Bank;
  /** Load the bank with its rendered HTML (the web app shows it; the terminal does not need it). */
  html?: boolean;
  clock?: Clock;
  seed?: number;
  userId?: string;
}

const systemClock: Clock = { now: () => new Date() };

export async function openApp(options: OpenAppOptions = {}): Promise<AppContext> {
  const bank = options.bank ?? (await getBank({ html: options.html ?? false }));
  const repo = options.repo ?? (await openRepository(options.db));
  const clock = options.clock ?? systemClock;
  const userId = options.userId ?? 'local';
  await repo.ensureUser(userId);
  let runner: Promise<CodeRunner> | undefined = options.runner ? Promise.resolve(options.runner) : undefined;
  return {
    bank,
    repo,
    userId,
    clock,
    random: seededRandom(options.seed ?? clock.now().getTime()),
    runner: () => {
      runner ??= import('./runner-choice.js').then((m) => m.createDefaultRunner());
      return runner;
    },
    async close() {
      if (runner && !options.runner) await (await runner).close();
      if (!options.repo) await repo.close();
    },
  };
}

async function openRepository(db: string | undefined): Promise<Repository> {
  const { openStore } = await import('../store/open.js');
  if (db === undefined) return openStore();
  return /^[a-z]+:\/\//i.test(db) || db.startsWith('file:')
    ? openStore({ url: db })
    : openStore({ path: db });
}

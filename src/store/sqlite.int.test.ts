// The contract on a real SQLite file, plus what only a file can get wrong: crashes, two writers, damage.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { expectDaysMatchLogs, historyReadsContract } from './history-reads.contract.js';
import { migrationsFor } from './migrations.js';
import { openStore, resolveStoreTarget } from './open.js';
import { repositoryContract, type StoreFactory } from './repository.contract.js';
import { defaultDbPath } from './sqlite.js';
import { card, log } from './test-fixtures.js';

const root = mkdtempSync(join(tmpdir(), 'pyprep-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshPath = (): string => join(root, `db-${++n}`, 'pyprep.db');
const here = resolve(import.meta.dirname);
const cwd = resolve(here, '../..');

const factory: StoreFactory = async () => {
  const path = freshPath();
  let store = await openStore({ path });
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      store = await openStore({ path });
      return store;
    },
    async cleanup() {
      await store.close();
      rmSync(join(path, '..'), { recursive: true, force: true });
    },
  };
};
repositoryContract('sqlite', factory);
historyReadsContract('sqlite', factory);

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function childWriter(path: string, tag: string, count: number): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', 'tsx', join(here, 'review-writer.fixture.ts'), path, tag, String(count)],
    {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

function collect(child: ChildProcess): {
  acks: string[];
  stderr: () => string;
  done: Promise<number | null>;
} {
  const acks: string[] = [];
  let buffer = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    acks.push(...lines.filter(Boolean));
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const done = new Promise<number | null>((ok) => child.on('close', (code) => ok(code)));
  return { acks, stderr: () => err, done };
}

async function storedAnswers(path: string): Promise<Set<string>> {
  const store = await openStore({ path });
  try {
    return new Set((await store.listReviewLogs('local')).map((l) => l.answer ?? ''));
  } finally {
    await store.close();
  }
}

function integrity(path: string): string {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** The rollup table beside a GROUP BY over the logs, both as 'user slot count' lines. */
function rollupVsLogs(path: string): { rollup: string[]; logs: string[] } {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const lines = (sql: string) => (db.prepare(sql).raw(true).all() as unknown[][]).map((r) => r.join(' '));
    return {
      rollup: lines('select user_id, slot, reviews from review_counts order by user_id, slot'),
      logs: lines(
        'select user_id, review_at / 900000, count(*) from review_logs group by 1, 2 order by 1, 2',
      ),
    };
  } finally {
    db.close();
  }
}

describe('sqlite file handling', () => {
  it('resolves the database location from options, PYPREP_DB, DATABASE_URL and XDG_DATA_HOME', () => {
    expect(resolveStoreTarget({ path: '/x/a.db', env: { PYPREP_DB: '/y/b.db' } })).toEqual({
      dialect: 'sqlite',
      path: '/x/a.db',
    });
    expect(resolveStoreTarget({ env: { PYPREP_DB: '/y/b.db', DATABASE_URL: 'postgres://h/db' } })).toEqual({
      dialect: 'sqlite',
      path: '/y/b.db',
    });
    expect(resolveStoreTarget({ env: { DATABASE_URL: 'postgresql://h/db' } })).toEqual({
      dialect: 'postgres',
      url: 'postgresql://h/db',
    });
    expect(resolveStoreTarget({ env: { DATABASE_URL: 'mysql://h/db', XDG_DATA_HOME: '/d' } })).toEqual({
      dialect: 'sqlite',
      path: '/d/pyprep/pyprep.db',
    });
    expect(defaultDbPath({ HOME: '/home/u' })).toBe('/home/u/.local/share/pyprep/pyprep.db');
    expect(defaultDbPath({ HOME: '/home/u', XDG_DATA_HOME: 'relative' })).toBe(
      '/home/u/.local/share/pyprep/pyprep.db',
    );
    expect(() => resolveStoreTarget({ url: 'mysql://h/db' })).toThrow(StoreError);
  });

  it('creates the data directory, uses WAL, and records migrations once', async () => {
    const xdg = join(root, 'xdg');
    const store = await openStore({ env: { XDG_DATA_HOME: xdg } });
    expect(store.location).toBe(join(xdg, 'pyprep', 'pyprep.db'));
    await store.close();
    await (await openStore({ env: { XDG_DATA_HOME: xdg } })).close();
    const db = new BetterSqlite3(store.location, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const names = db.prepare('select name from kysely_migration order by name').all() as { name: string }[];
      expect(names.map((r) => r.name)).toEqual(['0001_initial', '0002_progress_reads']);
      expect(db.prepare("select id from users where id = 'local'").get()).toEqual({ id: 'local' });
    } finally {
      db.close();
    }
  });

  it('refuses a file of garbage with a clear StoreError and leaves it byte-for-byte unchanged', async () => {
    const path = freshPath();
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, randomBytes(8192));
    const before = sha(path);
    const error = await openStore({ path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('corrupt');
    expect((error as StoreError).message).toContain(path);
    expect((error as StoreError).message).toContain('.broken');
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a database whose pages were overwritten, without changing it', async () => {
    const path = freshPath();
    const store = await openStore({ path });
    for (let i = 0; i < 50; i++)
      await store.recordReview(card({ questionId: `q${i}` }), log({ answer: 'x'.repeat(500) }));
    await store.close();
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(8192);
    // Keep page 1 (header and schema) intact; smash everything after it.
    randomBytes(bytes.length - 4096).copy(bytes, 4096);
    writeFileSync(path, bytes);
    const before = sha(path);
    const error = await openStore({ path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('corrupt');
    expect((error as StoreError).message).toContain(path);
    expect(sha(path)).toBe(before);
  });

  it('refuses a large database (shallow check) whose root page or right edge was smashed, without changing it', async () => {
    const path = freshPath();
    await (await openStore({ path })).close();
    const raw = new BetterSqlite3(path);
    const insert = raw.prepare(
      `insert into review_logs (user_id, question_id, topic_id, rating, state, due, stability, difficulty,
        elapsed_days, last_elapsed_days, scheduled_days, learning_steps, review_at, source, answer)
       values ('local', ?, 't', 3, 2, 0, 1, 1, 0, 0, 0, 0, ?, 'review', ?)`,
    );
    raw.transaction(() => {
      for (let i = 0; i < 9000; i++) insert.run(`q${i % 50}`, i, 'x'.repeat(2000));
    })();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    // Where the table starts (its root) and where the next row would go (its rightmost leaf).
    const pageSize = Number(raw.pragma('page_size', { simple: true }));
    const leaves = raw
      .prepare(
        "select pageno, path from dbstat where name = 'review_logs' and pagetype = 'leaf' order by path",
      )
      .all() as { pageno: number }[];
    const root = Number(
      raw.prepare("select rootpage from sqlite_master where name = 'review_logs'").pluck().get(),
    );
    raw.close();
    expect(statSync(path).size).toBeGreaterThan(16 * 1024 * 1024);
    const pristine = readFileSync(path);
    for (const page of [root, leaves.at(-1)!.pageno]) {
      const bytes = Buffer.from(pristine);
      randomBytes(pageSize).copy(bytes, (page - 1) * pageSize);
      writeFileSync(path, bytes);
      const before = sha(path);
      const error = await openStore({ path }).catch((e: unknown) => e);
      expect(error, `page ${page}`).toBeInstanceOf(StoreError);
      expect((error as StoreError).code).toBe('corrupt');
      expect(sha(path)).toBe(before);
    }
    writeFileSync(path, pristine);
    const store = await openStore({ path });
    expect(await store.listRecentReviews('local', ['q1'], 2)).toHaveLength(2);
    await store.close();
  }, 60_000);

  it('reports a data directory that cannot be created', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const error = await openStore({ path: join(blocker, 'sub', 'pyprep.db') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('io');
    expect((error as StoreError).message).toContain(join(blocker, 'sub'));
    expect((error as StoreError).message).toContain('PYPREP_DB');
    expect(readFileSync(blocker, 'utf8')).toBe('not a directory');
  });

  it('reports a data directory it may not write (checked as an unprivileged user)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyprep-ro-'));
    try {
      const data = join(dir, 'data');
      mkdirSync(data);
      chmodSync(dir, 0o755);
      chmodSync(data, 0o555);
      const probe = [
        process.execPath,
        '--import',
        'tsx',
        join(here, 'open-probe.fixture.ts'),
        join(data, 'p.db'),
      ];
      // Root ignores permission bits, so as root the probe runs as `nobody`.
      const [cmd, ...args] = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--', ...probe] : probe;
      const out = execFileSync(cmd!, args, { cwd, encoding: 'utf8', env: { ...process.env, HOME: dir } });
      const result = JSON.parse(out.trim().split('\n').pop()!) as {
        ok: boolean;
        name: string;
        code: string;
        message: string;
      };
      expect(result).toMatchObject({ ok: false, name: 'StoreError', code: 'io' });
      expect(result.message).toContain(data);
      expect(result.message).toContain('writable');
      expect(existsSync(join(data, 'p.db'))).toBe(false);
    } finally {
      chmodSync(join(dir, 'data'), 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every acknowledged review when the writer is killed with SIGKILL', async () => {
    const path = freshPath();
    const child = childWriter(path, 'crash', 0);
    const out = collect(child);
    await new Promise<void>((ok, fail) => {
      const timer = setInterval(() => {
        if (out.acks.length >= 60) {
          clearInterval(timer);
          child.kill('SIGKILL');
          ok();
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          fail(new Error(`writer exited early: ${out.stderr()}`));
        }
      }, 5);
    });
    expect(await out.done).toBeNull();
    const acked = [...out.acks];
    expect(acked.length).toBeGreaterThanOrEqual(60);
    expect(integrity(path)).toBe('ok');
    const stored = await storedAnswers(path);
    for (const id of acked) expect(stored.has(id), `acked ${id} missing`).toBe(true);
    expect(stored.size).toBeGreaterThanOrEqual(acked.length);
    expect(integrity(path)).toBe('ok');
  }, 180_000);

  it('lets two processes write the same file at once: no SQLITE_BUSY, no review lost', async () => {
    const path = freshPath();
    const per = 300;
    const writers = ['one', 'two'].map((tag) => collect(childWriter(path, tag, per)));
    const codes = await Promise.all(writers.map((w) => w.done));
    for (const w of writers) expect(w.stderr()).not.toMatch(/BUSY|locked|ERROR/);
    expect(codes).toEqual([0, 0]);
    expect(writers.map((w) => w.acks.length)).toEqual([per, per]);
    const stored = await storedAnswers(path);
    expect(stored.size).toBe(2 * per);
    for (const w of writers) for (const id of w.acks) expect(stored.has(id)).toBe(true);
    const store = await openStore({ path });
    try {
      for (const tag of ['one', 'two']) {
        const answers = (await store.getSession('local', `writer-${tag}`))?.answers ?? [];
        expect(answers.map((a) => a.seq)).toEqual(Array.from({ length: per }, (_, i) => i + 1));
      }
    } finally {
      await store.close();
    }
    expect(integrity(path)).toBe('ok');
    const { rollup, logs } = rollupVsLogs(path);
    expect(rollup.length).toBeGreaterThan(0);
    expect(rollup).toEqual(logs);
  }, 120_000);

  it('backfills the review rollup when migrating a file made before it existed', async () => {
    const path = freshPath();
    mkdirSync(join(path, '..'), { recursive: true });
    const raw = new BetterSqlite3(path);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    const only = { '0001_initial': migrationsFor('sqlite')['0001_initial']! };
    await new Migrator({ db, provider: { getMigrations: async () => only } }).migrateToLatest();
    const insert = raw.prepare(
      `insert into review_logs (user_id, question_id, topic_id, rating, state, due, stability, difficulty,
        elapsed_days, last_elapsed_days, scheduled_days, learning_steps, review_at, source)
       values ('local', ?, 't', 3, 2, 0, 1, 1, 0, 0, 0, 0, ?, 'review')`,
    );
    for (let i = 0; i < 500; i++) insert.run(`q${i % 7}`, Date.UTC(2025, 0, 1) + i * 7 * 60_000);
    await db.destroy();
    const store = await openStore({ path });
    try {
      const { rollup, logs } = rollupVsLogs(path);
      expect(rollup.length).toBeGreaterThan(100);
      expect(rollup).toEqual(logs);
      await expectDaysMatchLogs(store, 'local');
      expect(await store.listRecentReviews('local', ['q0'], 3)).toHaveLength(3);
    } finally {
      await store.close();
    }
  });

  it('opens an up-to-date file without taking the write lock', async () => {
    const path = freshPath();
    await (await openStore({ path })).close();
    const holder = new BetterSqlite3(path);
    holder.exec('begin immediate');
    try {
      const started = Date.now();
      const store = await openStore({ path });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await store.countCards('local')).toBe(0);
      await store.close();
    } finally {
      holder.exec('rollback');
      holder.close();
    }
  });
});

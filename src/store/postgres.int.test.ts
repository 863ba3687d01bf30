// The contract on a real PostgreSQL (the private cluster from vitest.global-setup.ts), one database per test.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from './errors.js';
import { expectDaysMatchLogs, historyReadsContract } from './history-reads.contract.js';
import { openStore } from './open.js';
import { repositoryContract, type StoreFactory } from './repository.contract.js';
import { card, log } from './test-fixtures.js';

const adminUrl = process.env.PYPREP_TEST_PG_URL;
if (!adminUrl)
  throw new Error(
    'PYPREP_TEST_PG_URL is not set: run the tests through vitest (its global setup starts PostgreSQL).',
  );

const admin = new pg.Pool({ connectionString: adminUrl, max: 2 });
afterAll(() => admin.end());
let n = 0;

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pyprep_t_${process.pid}_${++n}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => void (await admin.query(`drop database ${name} with (force)`)),
  };
}

const factory: StoreFactory = async () => {
  const { url, drop } = await freshDatabase();
  let store = await openStore({ url });
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      store = await openStore({ url });
      return store;
    },
    async cleanup() {
      await store.close();
      await drop();
    },
  };
};
repositoryContract('postgres', factory);
historyReadsContract('postgres', factory);

describe('postgres specifics', () => {
  it('parses int8 as numbers for its own pool only, leaving pg global parsers alone', async () => {
    const { url, drop } = await freshDatabase();
    const store = await openStore({ url });
    try {
      const saved = await store.recordReview(card(), log());
      const [read] = await store.listReviewLogs('local');
      expect(typeof read?.id).toBe('number');
      expect(read?.id).toBe(saved.id);
      expect(read?.review).toEqual(log().review);
      expect(await store.countDue('local', new Date(8.64e15))).toBe(1);
      expect(pg.types.getTypeParser(20, 'text')('9007199254740993')).toBe('9007199254740993');
      const plain = await admin.query<{ big: unknown }>('select 5::int8 as big');
      expect(plain.rows[0]?.big).toBe('5');
    } finally {
      await store.close();
      await drop();
    }
  });

  it('serves two pools writing the same database at once without losing reviews', async () => {
    const { url, drop } = await freshDatabase();
    const [a, b] = await Promise.all([openStore({ url }), openStore({ url })]);
    try {
      await Promise.all(
        [a, b].flatMap((s, w) =>
          Array.from({ length: 50 }, (_, i) =>
            s!.recordReview(card({ questionId: `shared-${i % 3}` }), log({ answer: `${w}-${i}` })),
          ),
        ),
      );
      expect(new Set((await a!.listReviewLogs('local')).map((l) => l.answer)).size).toBe(100);
      // All 100 land in one 15-minute slot: the rollup row took every concurrent increment.
      expect(await b!.countReviewsByDay('local', new Date(0))).toEqual([{ day: '2025-01-15', count: 100 }]);
      await expectDaysMatchLogs(a!, 'local');
    } finally {
      await Promise.all([a!.close(), b!.close()]);
      await drop();
    }
  });

  it('reports an unreachable server as StoreError without leaking the password', async () => {
    const error = await openStore({ url: 'postgres://me:s3cret@127.0.0.1:1/nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('unavailable');
    expect((error as StoreError).message).toContain('127.0.0.1:1');
    expect((error as StoreError).message).not.toContain('s3cret');
  });
});

// One behaviour contract for every Repository engine; each *.int.test.ts calls it with its own factory.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewReviewLog, Repository } from '../engine/ports/repository.js';
import { StoreError } from './errors.js';
import { at, card, log, T0 } from './test-fixtures.js';

export interface StoreHandle {
  store: Repository;
  /** Closes the current store and opens the same database again. */
  reopen(): Promise<Repository>;
  /** Closes whatever is open and deletes the database. */
  cleanup(): Promise<void>;
}

export type StoreFactory = () => Promise<StoreHandle>;

async function rejectsWith(promise: Promise<unknown>, code: StoreError['code']): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  return error as StoreError;
}

export function repositoryContract(engine: string, factory: StoreFactory): void {
  describe(`Repository contract: ${engine}`, () => {
    let h: StoreHandle;
    let repo: Repository;
    beforeEach(async () => {
      h = await factory();
      repo = h.store;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('has the default user after migration, and enforces users through foreign keys', async () => {
      await repo.recordReview(card(), log());
      await rejectsWith(repo.recordReview(card({ userId: 'nobody' }), log()), 'not-found');
      await repo.ensureUser('alice');
      await repo.ensureUser('alice');
      await repo.recordReview(card({ userId: 'alice' }), log());
      expect(await repo.listReviewLogs('alice')).toHaveLength(1);
    });

    it('keeps data across reopen, and re-running migrations is harmless', async () => {
      await repo.recordReview(card(), log());
      await repo.setSetting('local', 'interviewDate', '2025-03-01');
      repo = await h.reopen();
      repo = await h.reopen();
      expect(await repo.getCard('local', 'py-gil-1')).toEqual(card());
      expect(await repo.getSetting('local', 'interviewDate')).toBe('2025-03-01');
      expect(await repo.listReviewLogs('local')).toHaveLength(1);
    });

    it('recordReview stores the card and appends a log, and both read back exactly', async () => {
      expect(await repo.getCard('local', 'py-gil-1')).toBeUndefined();
      const first = await repo.recordReview(card(), log());
      expect(first.id).toEqual(expect.any(Number));
      expect(first).toMatchObject({ userId: 'local', questionId: 'py-gil-1', topicId: 'gil', rating: 3 });
      expect(await repo.getCard('local', 'py-gil-1')).toEqual(card());

      const next = card({ due: at(60 * 24 * 3), stability: 8.5, reps: 2, state: 2, last_review: at(60) });
      const second = await repo.recordReview(
        next,
        log({ review: at(60), rating: 4, suggestedRating: null, feedback: null, answer: null, score: null }),
      );
      expect(second.id).toBeGreaterThan(first.id);
      expect(await repo.getCard('local', 'py-gil-1')).toEqual(next);
      const logs = await repo.listReviewLogs('local');
      expect(logs).toEqual([first, second]);
      expect(logs[0]?.feedback).toEqual(log().feedback);
      expect(logs[0]?.review.getTime()).toBe(T0);
      expect(logs[1]).toMatchObject({ suggestedRating: null, feedback: null, answer: null, score: null });
    });

    it('recordReview is one transaction: a rejected log leaves the card unchanged', async () => {
      await repo.recordReview(card(), log());
      const bad = { ...log(), rating: 7 } as unknown as NewReviewLog;
      await rejectsWith(repo.recordReview(card({ reps: 99, stability: 1000 }), bad), 'invalid');
      expect(await repo.getCard('local', 'py-gil-1')).toEqual(card());
      expect(await repo.listReviewLogs('local')).toHaveLength(1);
      await rejectsWith(repo.recordReview(card({ reps: 98 }), log({ score: 1.5 })), 'invalid');
      expect((await repo.getCard('local', 'py-gil-1'))?.reps).toBe(1);
    });

    it('rejects invalid dates and non-finite numbers instead of storing NaN', async () => {
      await rejectsWith(repo.recordReview(card({ due: new Date(Number.NaN) }), log()), 'invalid');
      await rejectsWith(repo.recordReview(card({ stability: Number.NaN }), log()), 'invalid');
      await rejectsWith(repo.recordReview(card(), log({ difficulty: Number.POSITIVE_INFINITY })), 'invalid');
      expect(await repo.getCard('local', 'py-gil-1')).toBeUndefined();
    });

    it('lists and filters cards; due cards skip suspended ones and honour the boundary and limit', async () => {
      await repo.recordReview(card({ questionId: 'a', topicId: 't1', due: at(10) }), log());
      await repo.recordReview(card({ questionId: 'b', topicId: 't1', due: at(5) }), log());
      await repo.recordReview(card({ questionId: 'c', topicId: 't2', due: at(20) }), log());
      await repo.saveCard(card({ questionId: 'd', topicId: 't2', due: at(1), suspended: true }));
      await repo.saveCard(card({ questionId: 'unknown-in-bank', topicId: 'gone', due: at(30) }));

      expect((await repo.listCards('local')).map((c) => c.questionId)).toEqual([
        'a',
        'b',
        'c',
        'd',
        'unknown-in-bank',
      ]);
      expect((await repo.listCards('local', { topicIds: ['t2'] })).map((c) => c.questionId)).toEqual([
        'c',
        'd',
      ]);
      expect((await repo.listCards('local', { questionIds: ['b', 'zzz'] })).map((c) => c.questionId)).toEqual(
        ['b'],
      );
      expect(await repo.listCards('local', { topicIds: [] })).toEqual([]);
      expect((await repo.listCards('local', { questionIds: ['d'] }))[0]?.suspended).toBe(true);

      const due = await repo.listDueCards('local', at(10));
      expect(due.map((c) => c.questionId)).toEqual(['b', 'a']);
      expect((await repo.listDueCards('local', at(100), 2)).map((c) => c.questionId)).toEqual(['b', 'a']);
      expect(await repo.countDue('local', at(10))).toBe(2);
      expect(await repo.countDue('local', at(100))).toBe(4);
      expect(await repo.countDue('local', at(0))).toBe(0);
      expect(await repo.countDue('alice', at(100))).toBe(0);
    });

    it('queries review logs by time, question, order and limit', async () => {
      for (let i = 0; i < 5; i++) {
        const q = i % 2 === 0 ? 'even' : 'odd';
        await repo.recordReview(
          card({ questionId: q, topicId: `t-${q}` }),
          log({ review: at(i), rating: 1 }),
        );
      }
      const all = await repo.listReviewLogs('local');
      expect(all.map((l) => l.review.getTime())).toEqual([0, 1, 2, 3, 4].map((i) => at(i).getTime()));
      expect((await repo.listReviewLogs('local', { since: at(3) })).length).toBe(2);
      expect((await repo.listReviewLogs('local', { since: at(1), until: at(3) })).length).toBe(2);
      expect((await repo.listReviewLogs('local', { questionId: 'odd' })).map((l) => l.questionId)).toEqual([
        'odd',
        'odd',
      ]);
      expect((await repo.listReviewLogs('local', { topicId: 't-even' })).length).toBe(3);
      const latest = await repo.listReviewLogs('local', { order: 'desc', limit: 2 });
      expect(latest.map((l) => l.review.getTime())).toEqual([at(4).getTime(), at(3).getTime()]);
      await rejectsWith(repo.listReviewLogs('local', { limit: -1 }), 'invalid');
    });

    it('counts reviews per calendar day, shifted by a UTC offset', async () => {
      const day = (d: number, h: number) => new Date(Date.UTC(2025, 2, d, h));
      for (const d of [day(1, 10), day(1, 23), day(2, 1), day(4, 12), day(4, 13), day(4, 14)]) {
        await repo.recordReview(card(), log({ review: d }));
      }
      expect(await repo.countReviewsByDay('local', day(1, 0))).toEqual([
        { day: '2025-03-01', count: 2 },
        { day: '2025-03-02', count: 1 },
        { day: '2025-03-04', count: 3 },
      ]);
      // At UTC+2, 23:00 on the 1st is already the 2nd.
      expect(await repo.countReviewsByDay('local', day(1, 0), 120)).toEqual([
        { day: '2025-03-01', count: 1 },
        { day: '2025-03-02', count: 2 },
        { day: '2025-03-04', count: 3 },
      ]);
      expect(await repo.countReviewsByDay('local', day(3, 0))).toEqual([{ day: '2025-03-04', count: 3 }]);
    });

    it('saves, updates, lists and deletes notes', async () => {
      expect(await repo.getNote('local', 'gil')).toBeUndefined();
      await repo.saveNote({ userId: 'local', topicId: 'gil', body: '# GIL\n\n- one', updatedAt: at(0) });
      await repo.saveNote({ userId: 'local', topicId: 'asyncio', body: 'loop', updatedAt: at(1) });
      await repo.saveNote({ userId: 'local', topicId: 'gil', body: '# GIL\n\n- two ✓', updatedAt: at(2) });
      expect(await repo.getNote('local', 'gil')).toEqual({
        userId: 'local',
        topicId: 'gil',
        body: '# GIL\n\n- two ✓',
        updatedAt: at(2),
      });
      expect((await repo.listNotes('local')).map((n) => n.topicId)).toEqual(['asyncio', 'gil']);
      await repo.deleteNote('local', 'asyncio');
      expect((await repo.listNotes('local')).map((n) => n.topicId)).toEqual(['gil']);
    });

    it('stores settings as JSON values, distinguishing null from absent', async () => {
      expect(await repo.getSetting('local', 'theme')).toBeUndefined();
      await repo.setSetting('local', 'theme', 'dark');
      await repo.setSetting('local', 'llm', { provider: 'none', maxTokens: 512, tags: ['a', 'b'] });
      await repo.setSetting('local', 'cleared', null);
      await repo.setSetting('local', 'theme', 'light');
      await repo.setSetting('local', '__proto__', 1);
      expect(await repo.getSetting('local', 'theme')).toBe('light');
      expect(await repo.getSetting('local', 'cleared')).toBeNull();
      const all = await repo.allSettings('local');
      expect(Object.keys(all).sort()).toEqual(['__proto__', 'cleared', 'llm', 'theme']);
      expect(all.llm).toEqual({ provider: 'none', maxTokens: 512, tags: ['a', 'b'] });
      expect(Object.getPrototypeOf(all)).toBe(Object.prototype);
      await repo.deleteSetting('local', 'theme');
      expect(await repo.getSetting('local', 'theme')).toBeUndefined();
    });

    it('runs sessions: create, append numbered answers, finish, get and list', async () => {
      const s = await repo.createSession({
        userId: 'local',
        kind: 'mock',
        startedAt: at(0),
        config: { minutes: 45, stages: ['warmup', 'core'] },
      });
      expect(s.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(s).toMatchObject({ endedAt: null, summary: null, config: { minutes: 45 } });
      const a1 = await repo.appendAnswer('local', s.id, {
        questionId: 'q1',
        answeredAt: at(1),
        answer: 'x',
        score: 1,
        result: { passed: 3 },
        seconds: 12.5,
      });
      const a2 = await repo.appendAnswer('local', s.id, { questionId: 'q2', answeredAt: at(2) });
      expect([a1.seq, a2.seq]).toEqual([1, 2]);
      expect(a2).toEqual({
        sessionId: s.id,
        seq: 2,
        questionId: 'q2',
        answeredAt: at(2),
        answer: null,
        score: null,
        result: null,
        seconds: null,
      });
      const done = await repo.finishSession('local', s.id, at(45), { score: 0.5 });
      expect(done).toMatchObject({ id: s.id, endedAt: at(45), summary: { score: 0.5 } });
      const got = await repo.getSession('local', s.id);
      expect(got?.answers).toEqual([a1, a2]);
      expect(got?.endedAt).toEqual(at(45));

      await repo.createSession({
        id: 'quiz-1',
        userId: 'local',
        kind: 'quiz',
        startedAt: at(100),
        config: {},
      });
      expect((await repo.listSessions('local')).map((x) => x.id)).toEqual(['quiz-1', s.id]);
      expect((await repo.listSessions('local', { kind: 'mock' })).map((x) => x.id)).toEqual([s.id]);
      expect(await repo.listSessions('local', { limit: 1 })).toHaveLength(1);

      await rejectsWith(
        repo.appendAnswer('local', 'missing', { questionId: 'q', answeredAt: at(0) }),
        'not-found',
      );
      await rejectsWith(repo.finishSession('local', 'missing', at(0), null), 'not-found');
      await rejectsWith(
        repo.createSession({ id: 'quiz-1', userId: 'local', kind: 'quiz', startedAt: at(0), config: {} }),
        'conflict',
      );
    });

    it('numbers answers without gaps or duplicates when appended concurrently', async () => {
      const s = await repo.createSession({ userId: 'local', kind: 'quiz', startedAt: at(0), config: null });
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          repo.appendAnswer('local', s.id, { questionId: `q${i}`, answeredAt: at(i) }),
        ),
      );
      expect(results.map((r) => r.seq).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      expect((await repo.getSession('local', s.id))?.answers).toHaveLength(20);
    });

    it('keeps concurrent reviews: none lost', async () => {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          repo.recordReview(card({ questionId: `q${i % 8}` }), log({ review: at(i), answer: `a${i}` })),
        ),
      );
      const logs = await repo.listReviewLogs('local');
      expect(new Set(logs.map((l) => l.answer)).size).toBe(40);
      expect(await repo.listCards('local')).toHaveLength(8);
    });

    it('saves, gets and lists reports newest first', async () => {
      const r1 = await repo.saveReport({
        userId: 'local',
        kind: 'mock-scorecard',
        createdAt: at(1),
        data: { overall: 0.7, stages: [{ name: 'core', score: 0.6 }] },
      });
      await repo.saveReport({ id: 'r2', userId: 'local', kind: 'readiness', createdAt: at(2), data: [1, 2] });
      expect(await repo.getReport('local', r1.id)).toEqual(r1);
      expect(await repo.getReport('alice', r1.id)).toBeUndefined();
      expect((await repo.listReports('local')).map((r) => r.id)).toEqual(['r2', r1.id]);
      expect((await repo.listReports('local', { kind: 'mock-scorecard' }))[0]?.data).toEqual({
        overall: 0.7,
        stages: [{ name: 'core', score: 0.6 }],
      });
    });

    it("keeps one user's state invisible to another", async () => {
      await repo.ensureUser('alice');
      await repo.recordReview(card({ userId: 'alice' }), log());
      await repo.saveNote({ userId: 'alice', topicId: 'gil', body: 'mine', updatedAt: at(0) });
      const s = await repo.createSession({ userId: 'alice', kind: 'review', startedAt: at(0), config: {} });
      expect(await repo.getCard('local', 'py-gil-1')).toBeUndefined();
      expect(await repo.listReviewLogs('local')).toEqual([]);
      expect(await repo.getNote('local', 'gil')).toBeUndefined();
      expect(await repo.getSession('local', s.id)).toBeUndefined();
      await rejectsWith(
        repo.appendAnswer('local', s.id, { questionId: 'q', answeredAt: at(0) }),
        'not-found',
      );
    });

    async function populate(r: Repository, userId: string): Promise<void> {
      await r.ensureUser(userId);
      await r.recordReview(card({ userId }), log());
      await r.recordReview(card({ userId, state: 2, reps: 2 }), log({ review: at(5), feedback: undefined }));
      await r.recordReview(
        card({ userId, questionId: 'q-gone', topicId: 'gone', last_review: null, suspended: true }),
        log({ review: at(6), source: 'mock', rating: 1, suggestedRating: null, answer: '', score: 0 }),
      );
      const s = await r.createSession({
        userId,
        kind: 'mock',
        startedAt: at(7),
        config: { a: [1, { b: null }] },
      });
      await r.appendAnswer(userId, s.id, {
        questionId: 'q1',
        answeredAt: at(8),
        result: { ok: false },
        score: 0,
      });
      await r.appendAnswer(userId, s.id, { questionId: 'q2', answeredAt: at(9), seconds: 1.25 });
      await r.finishSession(userId, s.id, at(10), { grade: 'B' });
      await r.createSession({ userId, kind: 'quiz', startedAt: at(11), config: 'x' });
      await r.saveNote({ userId, topicId: 'gil', body: 'línea\n```py\nprint(1)\n```', updatedAt: at(12) });
      await r.setSetting(userId, 'daily', { newCards: 10 });
      await r.setSetting(userId, 'none', null);
      await r.saveReport({ userId, kind: 'mock-scorecard', createdAt: at(13), data: { s: s.id } });
    }

    it('exports losslessly: JSON round trip into a fresh store deep-equals the original', async () => {
      await populate(repo, 'local');
      const exported = await repo.exportAll('local', at(99));
      expect(exported.cards).toHaveLength(2);
      expect(exported.reviewLogs).toHaveLength(3);
      expect(exported.sessions[0]?.answers).toHaveLength(2);

      const other = await factory();
      try {
        const counts = await other.store.importAll('local', JSON.parse(JSON.stringify(exported)));
        expect(counts).toEqual({ cards: 2, reviewLogs: 3, sessions: 2, notes: 1, settings: 2, reports: 1 });
        expect(await other.store.exportAll('local', at(99))).toEqual(exported);
        expect(await other.store.listReviewLogs('local')).toEqual(
          (await repo.listReviewLogs('local')).map(({ id: _id, ...l }) => expect.objectContaining(l)),
        );
      } finally {
        await other.cleanup();
      }
    });

    it('import replaces the user state, and malformed data changes nothing', async () => {
      await populate(repo, 'local');
      const before = await repo.exportAll('local', at(99));

      await rejectsWith(repo.importAll('local', { format: 'something-else' }), 'invalid');
      const badRating = structuredClone(before) as unknown as { reviewLogs: { rating: number }[] };
      badRating.reviewLogs[1]!.rating = 9;
      await rejectsWith(repo.importAll('local', badRating), 'invalid');
      // Passes the schema but violates a key: the whole import rolls back.
      const dupCards = structuredClone(before);
      dupCards.cards.push(dupCards.cards[0]!);
      await rejectsWith(repo.importAll('local', dupCards), 'conflict');
      expect(await repo.exportAll('local', at(99))).toEqual(before);

      const smaller = structuredClone(before);
      smaller.cards = smaller.cards.slice(0, 1);
      smaller.reviewLogs = [];
      smaller.sessions = [];
      await repo.importAll('local', smaller);
      const after = await repo.exportAll('local', at(99));
      expect(after.cards).toHaveLength(1);
      expect(after.reviewLogs).toEqual([]);
      expect(after.sessions).toEqual([]);
      expect(after.notes).toEqual(before.notes);
    });

    it('import into another user leaves the first user alone', async () => {
      await populate(repo, 'local');
      const exported = await repo.exportAll('local', at(99));
      exported.sessions = [];
      exported.reports = [];
      await repo.importAll('bob', exported);
      expect((await repo.listReviewLogs('bob')).length).toBe(3);
      expect((await repo.listReviewLogs('local')).length).toBe(3);
      expect((await repo.exportAll('bob', at(99))).cards).toEqual(exported.cards);
    });
  });
}

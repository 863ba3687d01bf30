// Contract for the reads that stay fast on a long history: bank-sized card lists, recent reviews per question,
// and the per-day counts served from the 15-minute rollup, which must always equal a GROUP BY over the logs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DayCount, Repository } from '../engine/ports/repository.js';
import { StoreError } from './errors.js';
import type { StoreFactory, StoreHandle } from './repository.contract.js';
import { card, log } from './test-fixtures.js';

const DAY = 86_400_000;
const MIN = 60_000;
const T = Date.UTC(2025, 5, 10, 12, 0, 0);
/** Offsets in minutes: whole slots (UTC, CET, New York, India, Nepal, Chatham) and odd ones (the slow path). */
const OFFSETS = [0, 60, -300, 330, 345, 765, -1440, 1440, 7, -601];

/** The reference: per-day counts straight from every log, as a plain GROUP BY would give them. */
export async function daysFromAllLogs(
  repo: Repository,
  userId: string,
  since: Date,
  offsetMinutes: number,
): Promise<DayCount[]> {
  const counts = new Map<number, number>();
  for (const l of await repo.listReviewLogs(userId, { since })) {
    const day = Math.floor((l.review.getTime() + offsetMinutes * MIN) / DAY);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([d, n]) => ({ day: new Date(d * DAY).toISOString().slice(0, 10), count: n }));
}

/** Asserts countReviewsByDay equals the reference for many offsets and for `since` on and off slot edges. */
export async function expectDaysMatchLogs(repo: Repository, userId: string): Promise<void> {
  const sinces = [new Date(0), new Date(T - 3 * DAY), new Date(T - 2 * DAY + 7 * MIN + 123), new Date(T + 5)];
  for (const since of sinces) {
    for (const offset of OFFSETS) {
      expect(
        await repo.countReviewsByDay(userId, since, offset),
        `since ${since.toISOString()} offset ${offset}`,
      ).toEqual(await daysFromAllLogs(repo, userId, since, offset));
    }
  }
}

export function historyReadsContract(engine: string, factory: StoreFactory): void {
  describe(`Repository history reads: ${engine}`, () => {
    let h: StoreHandle;
    let repo: Repository;
    beforeEach(async () => {
      h = await factory();
      repo = h.store;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    /** Reviews spread over days and 15-minute slots, several in one slot, some across day edges. */
    async function spread(userId = 'local'): Promise<void> {
      const times = [
        T - 2 * DAY - 3 * MIN,
        T - 2 * DAY + 7 * MIN,
        T - 2 * DAY + 7 * MIN + 123,
        T - 2 * DAY + 14 * MIN,
        T - DAY - 12 * 60 * MIN,
        T - 30 * MIN,
        T - 1,
        T,
        T,
        T + 5 * 60 * MIN + 44 * MIN,
        T + 11 * 60 * MIN + 59 * MIN,
      ];
      for (const [i, t] of times.entries()) {
        await repo.recordReview(
          card({ userId, questionId: `q${i % 4}`, topicId: `t${i % 2}` }),
          log({ review: new Date(t), rating: ((i % 4) + 1) as 1, score: i % 3 === 0 ? null : 0.5 }),
        );
      }
    }

    it('lists only the cards of the given questions, however many ids are given', async () => {
      for (const q of ['a', 'b', 'c']) await repo.saveCard(card({ questionId: q }));
      await repo.saveCard(card({ questionId: 'retired' }));
      const many = Array.from({ length: 40_000 }, (_, i) => `bank-${i}`);
      const got = await repo.listCards('local', { questionIds: [...many, 'c', 'a', "it's", 'a'] });
      expect(got.map((c) => c.questionId)).toEqual(['a', 'c']);
      expect(await repo.listCards('local', { questionIds: ['b'], topicIds: ['gil'] })).toHaveLength(1);
      expect(await repo.listCards('local', { questionIds: ['b'], topicIds: ['other'] })).toEqual([]);
      expect(await repo.countCards('local')).toBe(4);
      expect(await repo.countCards('nobody')).toBe(0);
    });

    it('filters review logs by the state they were written in', async () => {
      await repo.recordReview(card({ questionId: 'a' }), log({ state: 0, review: new Date(T) }));
      await repo.recordReview(card({ questionId: 'a' }), log({ state: 1, review: new Date(T + 1) }));
      await repo.recordReview(card({ questionId: 'b' }), log({ state: 0, review: new Date(T + 2) }));
      const firsts = await repo.listReviewLogs('local', { state: 0 });
      expect(firsts.map((l) => l.questionId)).toEqual(['a', 'b']);
      expect(await repo.listReviewLogs('local', { state: 2 })).toEqual([]);
    });

    it('returns the latest reviews of each question, newest first, ties included at most once', async () => {
      await spread();
      await repo.ensureUser('alice');
      await repo.recordReview(
        card({ userId: 'alice', questionId: 'q0' }),
        log({ review: new Date(T + DAY) }),
      );
      const all = await repo.listReviewLogs('local', { order: 'desc' });
      const recent = await repo.listRecentReviews('local', ['q0', 'q1', 'q2', 'q3', 'missing', 'q0'], 2);
      const expected = ['q0', 'q1', 'q2', 'q3'].flatMap((q) =>
        all.filter((l) => l.questionId === q).slice(0, 2),
      );
      expected.sort((a, b) => b.review.getTime() - a.review.getTime() || b.id - a.id);
      expect(recent).toEqual(
        expected.map((l) => ({
          id: l.id,
          questionId: l.questionId,
          review: l.review,
          rating: l.rating,
          score: l.score,
          state: l.state,
        })),
      );
      // Two reviews at one instant: with a limit of 1, exactly one comes back (the later id).
      await repo.recordReview(card({ questionId: 'tie' }), log({ review: new Date(T) }));
      const later = await repo.recordReview(card({ questionId: 'tie' }), log({ review: new Date(T) }));
      expect((await repo.listRecentReviews('local', ['tie'], 1)).map((r) => r.id)).toEqual([later.id]);
      expect(await repo.listRecentReviews('local', ['tie'], 5)).toHaveLength(2);
      expect(await repo.listRecentReviews('local', ['q0'], 1)).toHaveLength(1);
      expect(await repo.listRecentReviews('local', ['q0'], 0)).toEqual([]);
      expect(await repo.listRecentReviews('local', [], 5)).toEqual([]);
      expect((await repo.listRecentReviews('alice', ['q0', 'q1'], 5)).map((r) => r.questionId)).toEqual([
        'q0',
      ]);
      const error = await repo.listRecentReviews('local', ['q0'], -1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
    });

    it('counts reviews per day from the rollup exactly as a GROUP BY over the logs would', async () => {
      expect(await repo.countReviewsByDay('local', new Date(0), 60)).toEqual([]);
      await spread();
      await expectDaysMatchLogs(repo, 'local');
      const error = await repo.countReviewsByDay('local', new Date(0), 1441).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
    });

    it('keeps the rollup equal to the logs after imports, into the same user and another', async () => {
      await spread();
      const exported = await repo.exportAll('local');
      await repo.importAll('bob', exported);
      await expectDaysMatchLogs(repo, 'bob');
      // Replacing a user's history replaces its counts: nothing of the old history lingers.
      const fewer = structuredClone(exported);
      fewer.reviewLogs = fewer.reviewLogs.slice(0, 3);
      await repo.importAll('local', fewer);
      await expectDaysMatchLogs(repo, 'local');
      expect((await repo.countReviewsByDay('local', new Date(0))).reduce((n, d) => n + d.count, 0)).toBe(3);
      await expectDaysMatchLogs(repo, 'bob');
      // A failed import changes nothing, counts included.
      const bad = structuredClone(exported);
      bad.cards.push(bad.cards[0]!);
      await repo.importAll('local', bad).catch(() => undefined);
      await expectDaysMatchLogs(repo, 'local');
      expect((await repo.countReviewsByDay('local', new Date(0))).reduce((n, d) => n + d.count, 0)).toBe(3);
      await repo.recordReview(card(), log({ review: new Date(T + 3) }));
      await expectDaysMatchLogs(repo, 'local');
    });

    it('keeps the rollup equal to the logs under concurrent reviews', async () => {
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          repo.recordReview(
            card({ questionId: `c${i % 3}` }),
            log({ review: new Date(T + (i % 4) * 7 * MIN) }),
          ),
        ),
      );
      await expectDaysMatchLogs(repo, 'local');
    });
  });
}

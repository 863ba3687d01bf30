import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seeded.js';
import { makeBank } from '../testing/bank.js';
import { sameTopicNeighbours } from './interleave.js';
import { composeReviewQueue, countIntroducedSince, type QueueCard } from './review-queue.js';

const now = new Date('2025-03-10T08:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const review = (questionId: string, due: Date): QueueCard => ({ questionId, due, state: 2, reps: 3 });

const bank = makeBank([
  { id: 'light', weight: 1, questions: 4 },
  { id: 'heavy-a', weight: 3, questions: 4 },
  { id: 'mid', weight: 2, questions: 4 },
  { id: 'heavy-b', weight: 3, questions: 4 },
]);

describe('composeReviewQueue', () => {
  it('puts due cards first, most overdue first, and skips cards not yet due', () => {
    const cards = [
      review('mid-q0', hoursAgo(1)),
      review('light-q0', hoursAgo(48)),
      review('heavy-a-q0', hoursAgo(5)),
      review('heavy-b-q0', new Date(now.getTime() + 3_600_000)),
    ];
    const q = composeReviewQueue({
      bank,
      cards,
      now,
      newPerDay: 0,
      introducedToday: 0,
      random: seededRandom(1),
    });
    expect(q.items.map((i) => i.questionId)).toEqual(['light-q0', 'heavy-a-q0', 'mid-q0']);
    expect(q.dueCount).toBe(3);
    expect(q.items.every((i) => i.kind === 'due')).toBe(true);
  });

  it('adds new cards by topic weight then syllabus order, up to the daily limit left', () => {
    const q = composeReviewQueue({
      bank,
      cards: [],
      now,
      newPerDay: 8,
      introducedToday: 2,
      random: seededRandom(1),
    });
    expect(q.newRemaining).toBe(6);
    expect(q.items).toHaveLength(6);
    const topics = q.items.map((i) => i.topicId);
    expect(topics.filter((t) => t === 'heavy-a')).toHaveLength(4);
    expect(topics.filter((t) => t === 'heavy-b')).toHaveLength(2);
    expect(sameTopicNeighbours(q.items, (i) => i.topicId)).toBeLessThanOrEqual(1);
  });

  it('gives no new cards once the day is used up', () => {
    const q = composeReviewQueue({
      bank,
      cards: [],
      now,
      newPerDay: 5,
      introducedToday: 7,
      random: seededRandom(1),
    });
    expect(q.items).toEqual([]);
    expect(q.newRemaining).toBe(0);
  });

  it('interleaves due cards across topics', () => {
    const cards = ['heavy-a', 'heavy-a', 'heavy-a', 'mid', 'mid', 'light'].map((t, i) =>
      review(`${t}-q${i % 3}`, hoursAgo(10 - i)),
    );
    const q = composeReviewQueue({
      bank,
      cards,
      now,
      newPerDay: 0,
      introducedToday: 0,
      random: seededRandom(3),
    });
    expect(q.items).toHaveLength(6);
    expect(q.items[0]!.questionId).toBe('heavy-a-q0');
    expect(sameTopicNeighbours(q.items, (i) => i.topicId)).toBe(0);
  });

  it('is deterministic for a seed and varies with it', () => {
    const many = makeBank([{ id: 't', weight: 3, questions: 12, types: ['open'] }]);
    const run = (seed: number) =>
      composeReviewQueue({
        bank: many,
        cards: [],
        now,
        newPerDay: 12,
        introducedToday: 0,
        random: seededRandom(seed),
      }).items.map((i) => i.questionId);
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  it('skips suspended cards, filtered questions and cards of vanished questions, reporting the latter', () => {
    const cards = [
      { ...review('mid-q0', hoursAgo(2)), suspended: true },
      review('gone-q9', hoursAgo(2)),
      review('light-q1', hoursAgo(2)),
    ];
    const q = composeReviewQueue({
      bank,
      cards,
      now,
      newPerDay: 0,
      introducedToday: 0,
      random: seededRandom(1),
      include: (qq) => qq.id !== 'light-q1',
    });
    expect(q.items).toEqual([]);
    expect(q.unknownCards).toEqual(['gone-q9']);
  });

  it('treats a created-but-never-reviewed card as new, and honours the limit', () => {
    const cards: QueueCard[] = [{ questionId: 'light-q0', due: hoursAgo(100), state: 0, reps: 0 }];
    const q = composeReviewQueue({
      bank,
      cards,
      now,
      newPerDay: 20,
      introducedToday: 0,
      random: seededRandom(1),
      limit: 3,
    });
    expect(q.items).toHaveLength(3);
    expect(q.dueCount).toBe(0);
    expect(q.items.every((i) => i.kind === 'new')).toBe(true);
  });
});

describe('countIntroducedSince', () => {
  it('counts first reviews of distinct questions since the cut-off', () => {
    const logs = [
      { questionId: 'a', state: 0 as const, review: hoursAgo(1) },
      { questionId: 'a', state: 1 as const, review: hoursAgo(0.5) },
      { questionId: 'b', state: 0 as const, review: hoursAgo(30) },
      { questionId: 'c', state: 0 as const, review: hoursAgo(2) },
    ];
    expect(countIntroducedSince(logs, hoursAgo(8))).toBe(2);
  });
});

describe('recomputed after each answer', () => {
  it('alternates topics when told the previous topic', () => {
    const seen: string[] = [];
    let previousTopic: string | undefined;
    const answered = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const q = composeReviewQueue({
        bank,
        cards: [],
        now,
        newPerDay: 10 - i,
        introducedToday: 0,
        random: seededRandom(1),
        limit: 1,
        include: (x) => !answered.has(x.id),
        ...(previousTopic ? { previousTopic } : {}),
      }).items[0];
      if (!q) break;
      answered.add(q.questionId);
      seen.push(q.topicId);
      previousTopic = q.topicId;
    }
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).not.toBe(seen[i - 1]);
  });
});

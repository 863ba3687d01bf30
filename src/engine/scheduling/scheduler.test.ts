import { describe, expect, it } from 'vitest';
import { createScheduler } from './scheduler.js';

const t0 = new Date('2025-03-01T09:00:00Z');
const days = (n: number) => new Date(t0.getTime() + n * 86_400_000);

describe('createScheduler', () => {
  it('creates a new card due now with no memory', () => {
    const s = createScheduler();
    const card = s.newCard(t0);
    expect(card.due.getTime()).toBe(t0.getTime());
    expect(card.reps).toBe(0);
    expect(s.retrievability(card, days(3))).toBe(0);
  });

  it('moves the due date further for better ratings and records a log', () => {
    const s = createScheduler({ shortTermSteps: false });
    const card = s.newCard(t0);
    const again = s.rate(card, 1, t0).card.due.getTime();
    const good = s.rate(card, 3, t0).card.due.getTime();
    const easy = s.rate(card, 4, t0).card.due.getTime();
    expect(again).toBeLessThan(good);
    expect(good).toBeLessThan(easy);
    expect(s.rate(card, 3, t0).log.rating).toBe(3);
  });

  it('decays retrievability with time after a review', () => {
    const s = createScheduler();
    const { card } = s.rate(s.newCard(t0), 3, t0);
    const r1 = s.retrievability(card, days(1));
    const r30 = s.retrievability(card, days(30));
    expect(r1).toBeGreaterThan(r30);
    expect(r1).toBeLessThanOrEqual(1);
    expect(r30).toBeGreaterThan(0);
  });

  it('gives shorter intervals for a higher desired retention', () => {
    const lo = createScheduler({ desiredRetention: 0.8, shortTermSteps: false });
    const hi = createScheduler({ desiredRetention: 0.97, shortTermSteps: false });
    let a = lo.rate(lo.newCard(t0), 3, t0).card;
    let b = hi.rate(hi.newCard(t0), 3, t0).card;
    a = lo.rate(a, 3, a.due).card;
    b = hi.rate(b, 3, b.due).card;
    expect(a.scheduled_days).toBeGreaterThan(b.scheduled_days);
  });

  it('caps intervals at the maximum', () => {
    const s = createScheduler({ maximumIntervalDays: 5, shortTermSteps: false });
    let card = s.newCard(t0);
    for (let i = 0; i < 6; i++) card = s.rate(card, 4, card.due).card;
    expect(card.scheduled_days).toBeLessThanOrEqual(5);
  });

  it('previews one due date per rating', () => {
    const s = createScheduler();
    const p = s.preview(s.newCard(t0), t0);
    expect(p[1].getTime()).toBeLessThanOrEqual(p[3].getTime());
    expect(p[3].getTime()).toBeLessThanOrEqual(p[4].getTime());
  });

  it('rejects nonsense settings and ratings', () => {
    expect(() => createScheduler({ desiredRetention: 1.5 })).toThrow(/retention/);
    expect(() => createScheduler({ maximumIntervalDays: 0 })).toThrow(/maximum interval/);
    const s = createScheduler();
    expect(() => s.rate(s.newCard(t0), 0 as 1, t0)).toThrow(/rating/);
  });
});

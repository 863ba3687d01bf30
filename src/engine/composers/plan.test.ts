import { describe, expect, it } from 'vitest';
import { createScheduler } from '../scheduling/scheduler.js';
import { makeBank } from '../testing/bank.js';
import { parseDay } from '../time.js';
import { makePlan } from './plan.js';
import { DEFAULT_PLAN_COSTS } from './plan-costs.js';

// 6 topics x 4 questions (open, choice, predict, open): 10 + 4 + 1.5 + 2 + 4 = 21.5 minutes each to introduce.
const bank = makeBank([
  { id: 'w1-a', weight: 1, questions: 4 },
  { id: 'w3-a', weight: 3, questions: 4 },
  { id: 'w2-a', weight: 2, questions: 4 },
  { id: 'w3-b', weight: 3, questions: 4 },
  { id: 'w1-b', weight: 1, questions: 4 },
  { id: 'w2-b', weight: 2, questions: 4 },
]);
const order = (plan: ReturnType<typeof makePlan>) =>
  plan.days.flatMap((d) => d.newTopics.map((t) => t.topicId));

describe('makePlan', () => {
  it('introduces every topic in time, heaviest first, in syllabus order within a weight', () => {
    const plan = makePlan({ bank, today: '2025-05-01', interviewDate: '2025-05-21', minutesPerDay: 45 });
    expect(plan.fits).toBe(true);
    expect(plan.dropped).toEqual([]);
    expect(order(plan)).toEqual(['w3-a', 'w3-b', 'w2-a', 'w2-b', 'w1-a', 'w1-b']);
    expect(plan.days).toHaveLength(20);
    expect(plan.days[0]!.date).toBe('2025-05-01');
    expect(plan.days.at(-1)!.date).toBe('2025-05-20');
    expect(plan.totalNewCards).toBe(24);
    expect(plan.message).toMatch(/All 6 topics fit/);
  });

  it('stays within the daily minutes and counts the FSRS reviews the new cards create', () => {
    const plan = makePlan({ bank, today: '2025-05-01', interviewDate: '2025-05-21', minutesPerDay: 45 });
    for (const d of plan.days) expect(d.totalMinutes).toBeLessThanOrEqual(45);
    expect(plan.totalReviews).toBeGreaterThan(plan.totalNewCards);
    // A card learned on day 0 and rated Good comes back after the first FSRS interval.
    const s = createScheduler({ shortTermSteps: false });
    const firstDue = s.rate(s.newCard(parseDay('2025-05-01')), 3, new Date('2025-05-01T12:00:00Z')).card.due;
    const firstReviewDay = plan.days.find((d) => d.reviews > 0)!.date;
    expect(firstReviewDay).toBe(firstDue.toISOString().slice(0, 10));
    const day = plan.days.find((d) => d.reviews > 0)!;
    expect(day.reviewMinutes).toBeGreaterThanOrEqual(day.reviews * DEFAULT_PLAN_COSTS.review.choice);
  });

  it('keeps the day before the interview for reviews only', () => {
    const plan = makePlan({ bank, today: '2025-05-01', interviewDate: '2025-05-05', minutesPerDay: 600 });
    expect(plan.days.at(-1)!.newCards).toBe(0);
    expect(plan.fits).toBe(true);
  });

  it('says plainly when the date is too close and drops the lightest topics', () => {
    const plan = makePlan({ bank, today: '2025-05-01', interviewDate: '2025-05-04', minutesPerDay: 30 });
    expect(plan.fits).toBe(false);
    expect(plan.dropped.map((t) => t.topicId)).toEqual(['w2-a', 'w2-b', 'w1-a', 'w1-b']);
    expect(plan.message).toMatch(/too close/);
    expect(plan.message).toMatch(/w1-a/);
    expect(plan.minutesNeeded).not.toBeNull();
    const enough = makePlan({
      bank,
      today: '2025-05-01',
      interviewDate: '2025-05-04',
      minutesPerDay: plan.minutesNeeded!,
    });
    expect(enough.fits).toBe(true);
  });

  it('handles a date in the past', () => {
    const plan = makePlan({ bank, today: '2025-05-01', interviewDate: '2025-04-30', minutesPerDay: 60 });
    expect(plan.days).toEqual([]);
    expect(plan.fits).toBe(false);
    expect(plan.message).toMatch(/past/);
  });

  it('skips questions already studied and plans their reviews', () => {
    const s = createScheduler({ shortTermSteps: false });
    const t = new Date('2025-04-28T12:00:00Z');
    const cards = bank.questions
      .filter((q) => q.topicId.startsWith('w3'))
      .map((q) => ({ ...s.rate(s.newCard(t), 3, t).card, questionId: q.id }));
    const plan = makePlan({
      bank,
      today: '2025-05-01',
      interviewDate: '2025-05-21',
      minutesPerDay: 45,
      cards,
    });
    expect(order(plan)).toEqual(['w2-a', 'w2-b', 'w1-a', 'w1-b']);
    expect(plan.totalNewCards).toBe(16);
    expect(plan.days[0]!.reviews).toBe(8);
  });

  it('rejects unworkable minutes', () => {
    expect(() =>
      makePlan({ bank, today: '2025-05-01', interviewDate: '2025-05-21', minutesPerDay: 5 }),
    ).toThrow(/minutes/);
  });
});

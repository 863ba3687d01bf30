import { describe, expect, it } from 'vitest';
import { createScheduler } from '../scheduling/scheduler.js';
import { makeBank } from '../testing/bank.js';
import { addDays } from '../time.js';
import {
  computeReadiness,
  forecastReadiness,
  type MasteryCard,
  type MasteryLog,
  QUALITY_FLOOR,
  weakestTopics,
} from './mastery.js';

const t0 = new Date('2025-04-01T10:00:00Z');
const scheduler = createScheduler({ shortTermSteps: false });
const bank = makeBank([
  { id: 'a', section: 'core', weight: 3, questions: 2 },
  { id: 'b', section: 'core', weight: 1, questions: 2 },
  { id: 'c', section: 'web', weight: 2, questions: 2 },
]);
bank.syllabus.sections[1]!.topics.push({
  id: 'empty',
  sectionId: 'web',
  title: 'E',
  seed: 'E',
  weight: 3,
  related: [],
  aliases: [],
});

function studied(questionId: string, rating: 1 | 2 | 3 | 4, at = t0): { card: MasteryCard; log: MasteryLog } {
  const r = scheduler.rate(scheduler.newCard(at), rating, at);
  return { card: { ...r.card, questionId }, log: { questionId, review: at, rating } };
}

describe('computeReadiness', () => {
  it('is zero when nothing was studied and leaves out topics without questions', () => {
    const r = computeReadiness({ bank, cards: [], logs: [], at: t0, scheduler });
    expect(r.overall).toBe(0);
    expect(r.unassessable).toEqual(['empty']);
    expect(r.sections.map((s) => s.readiness)).toEqual([0, 0]);
  });

  it('follows the documented formula', () => {
    const x = studied('a-q0', 3);
    const at = addDays(t0, 1);
    const r = computeReadiness({ bank, cards: [x.card], logs: [x.log], at, scheduler });
    const a = r.sections[0]!.topics.find((t) => t.topicId === 'a')!;
    const R = scheduler.retrievability(x.card, at);
    expect(a.studied).toBe(1);
    expect(a.memory).toBeCloseTo(R / 2, 10);
    expect(a.quality).toBeCloseTo(0.85, 10);
    expect(a.mastery).toBeCloseTo((R / 2) * (QUALITY_FLOOR + (1 - QUALITY_FLOOR) * 0.85), 10);
    // Section core: weights a=3, b=1 (b never studied counts 0).
    expect(r.sections[0]!.readiness).toBeCloseTo((3 * a.mastery) / 4, 10);
    // Overall: weights 3 + 1 + 2 (empty is left out).
    expect(r.overall).toBeCloseTo((3 * a.mastery) / 6, 10);
  });

  it('uses stored scores over ratings and only the latest reviews', () => {
    const x = studied('c-q0', 3);
    const old: MasteryLog[] = Array.from({ length: 10 }, (_, i) => ({
      questionId: 'c-q1',
      review: addDays(t0, -30 - i),
      rating: 4 as const,
      score: 1,
    }));
    const fresh: MasteryLog[] = Array.from({ length: 5 }, (_, i) => ({
      questionId: 'c-q0',
      review: addDays(t0, -i),
      rating: 3 as const,
      score: 0.2,
    }));
    const r = computeReadiness({ bank, cards: [x.card], logs: [...old, ...fresh], at: t0, scheduler });
    expect(r.sections[1]!.topics.find((t) => t.topicId === 'c')!.quality).toBeCloseTo(0.2, 10);
  });

  it('ranks a topic answered well above one answered badly', () => {
    const good = [studied('a-q0', 4), studied('a-q1', 4)];
    const bad = [studied('c-q0', 1), studied('c-q1', 2)];
    const all = [...good, ...bad];
    const r = computeReadiness({
      bank,
      cards: all.map((x) => x.card),
      logs: all.map((x) => x.log),
      at: addDays(t0, 2),
      scheduler,
    });
    const m = (id: string) => r.sections.flatMap((s) => s.topics).find((t) => t.topicId === id)!.mastery;
    expect(m('a')).toBeGreaterThan(m('c'));
    expect(weakestTopics(r, 1)[0]!.topicId).toBe('c');
  });
});

describe('forecastReadiness', () => {
  it('decays toward the interview date when no more reviews happen', () => {
    const xs = [studied('a-q0', 3), studied('b-q0', 3), studied('c-q0', 3)];
    const input = { bank, cards: xs.map((x) => x.card), logs: xs.map((x) => x.log), scheduler };
    const now = computeReadiness({ ...input, at: addDays(t0, 1) }).overall;
    const soon = forecastReadiness(input, addDays(t0, 7)).overall;
    const late = forecastReadiness(input, addDays(t0, 60)).overall;
    expect(now).toBeGreaterThan(soon);
    expect(soon).toBeGreaterThan(late);
    expect(late).toBeGreaterThan(0);
  });
});

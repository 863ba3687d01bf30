// A day-by-day study plan to the interview date: new topics by weight, plus the FSRS reviews they create.
/*
 * Model: each day has `minutesPerDay`. Reviews due that day are paid first (review cost by type); what is left
 * introduces new material in priority order (weight 3 first, syllabus order within a weight): a topic's note,
 * then its questions, easiest first; a topic may spill over into the next day. Every review is assumed to be
 * rated Good, and the next due date comes from ts-fsrs (no same-day learning steps, no fuzz), so the review load
 * is an estimate. With 3+ days left, the day before the interview is kept for reviews only. Topics never reached
 * are dropped (the lightest, latest ones), and the plan says so.
 */
import type { Bank, Question } from '../../content/types.js';
import type { FsrsCardFields } from '../ports/repository.js';
import { createScheduler } from '../scheduling/scheduler.js';
import { addDays, DAY_MS, dayKey, daysBetween, parseDay } from '../time.js';
import { mergeCosts, type PlanCosts } from './plan-costs.js';
import { byPriority, syllabusTopics } from './syllabus-order.js';

export interface PlanInput {
  bank: Bank;
  /** YYYY-MM-DD */
  today: string;
  /** YYYY-MM-DD; the plan covers today up to the day before. */
  interviewDate: string;
  minutesPerDay: number;
  /** The user's existing cards: reviewed questions are not introduced again, and their reviews are planned. */
  cards?: readonly (FsrsCardFields & { questionId: string })[];
  costs?: Partial<PlanCosts>;
  desiredRetention?: number;
  include?: (question: Question) => boolean;
}

export interface PlanTopic {
  topicId: string;
  title: string;
  weight: 1 | 2 | 3;
}

export interface PlanDay {
  date: string;
  /** Topics whose note is read today. */
  newTopics: PlanTopic[];
  newCards: number;
  reviews: number;
  reviewMinutes: number;
  newMinutes: number;
  totalMinutes: number;
}

export interface Plan {
  days: PlanDay[];
  fits: boolean;
  /** Topics never reached before the interview. */
  dropped: PlanTopic[];
  /** Topics started but with questions left over. */
  partial: PlanTopic[];
  totalNewCards: number;
  totalReviews: number;
  /** The smallest minutes per day (to 5 min, up to 600) that fits everything, when the plan does not fit. */
  minutesNeeded: number | null;
  message: string;
}

const MIN_MINUTES = 15;
const MAX_MINUTES = 600;
const MIDDAY_MS = DAY_MS / 2;

interface Item {
  kind: 'note' | 'question';
  topic: PlanTopic;
  question?: Question;
  cost: number;
}

interface Sim {
  days: PlanDay[];
  reached: Set<string>;
  finished: Set<string>;
  newCards: number;
  reviews: number;
}

function simulate(input: PlanInput, minutesPerDay: number, costs: PlanCosts): Sim {
  const start = parseDay(input.today);
  const span = daysBetween(start, parseDay(input.interviewDate));
  const lastNewDay = span >= 3 ? span - 2 : span - 1;
  const scheduler = createScheduler({
    desiredRetention: input.desiredRetention ?? 0.9,
    shortTermSteps: false,
    enableFuzz: false,
  });
  const include = input.include ?? (() => true);
  const typeOf = new Map(input.bank.questions.map((q) => [q.id, q.type]));

  // Cards waiting for review, bucketed by day index.
  const buckets: { questionId: string; card: FsrsCardFields }[][] = Array.from(
    { length: Math.max(span, 0) },
    () => [],
  );
  const schedule = (questionId: string, card: FsrsCardFields) => {
    const d = Math.max(0, daysBetween(start, card.due));
    if (d < span) buckets[d]!.push({ questionId, card });
  };
  const known = new Set<string>();
  for (const c of input.cards ?? []) {
    if (c.reps === 0 || !typeOf.has(c.questionId)) continue;
    known.add(c.questionId);
    schedule(c.questionId, c);
  }

  const items: Item[] = [];
  const byTopic = new Map<string, Question[]>();
  for (const q of input.bank.questions) {
    if (known.has(q.id) || !include(q)) continue;
    const list = byTopic.get(q.topicId);
    if (list) list.push(q);
    else byTopic.set(q.topicId, [q]);
  }
  for (const { topic } of syllabusTopics(input.bank).sort(byPriority)) {
    const qs = (byTopic.get(topic.id) ?? []).slice().sort((a, b) => a.difficulty - b.difficulty);
    if (qs.length === 0) continue;
    const t: PlanTopic = { topicId: topic.id, title: topic.title, weight: topic.weight };
    const anyKnown = input.bank.questions.some((q) => q.topicId === topic.id && known.has(q.id));
    if (!anyKnown) items.push({ kind: 'note', topic: t, cost: costs.note });
    for (const q of qs) items.push({ kind: 'question', topic: t, question: q, cost: costs.learn[q.type] });
  }

  const sim: Sim = { days: [], reached: new Set(), finished: new Set(), newCards: 0, reviews: 0 };
  const remainingOf = new Map<string, number>();
  for (const it of items)
    if (it.kind === 'question')
      remainingOf.set(it.topic.topicId, (remainingOf.get(it.topic.topicId) ?? 0) + 1);
  let next = 0;
  for (let d = 0; d < span; d++) {
    const noon = new Date(addDays(start, d).getTime() + MIDDAY_MS);
    const day: PlanDay = {
      date: dayKey(noon),
      newTopics: [],
      newCards: 0,
      reviews: 0,
      reviewMinutes: 0,
      newMinutes: 0,
      totalMinutes: 0,
    };
    for (const { questionId, card } of buckets[d]!) {
      day.reviews++;
      day.reviewMinutes += costs.review[typeOf.get(questionId) ?? 'open'];
      schedule(questionId, scheduler.rate(card, 3, noon).card);
    }
    let left = minutesPerDay - day.reviewMinutes;
    while (d <= lastNewDay && next < items.length && items[next]!.cost <= left) {
      const it = items[next++]!;
      left -= it.cost;
      day.newMinutes += it.cost;
      if (it.kind === 'note') {
        day.newTopics.push(it.topic);
        sim.reached.add(it.topic.topicId);
        continue;
      }
      sim.reached.add(it.topic.topicId);
      day.newCards++;
      schedule(it.question!.id, scheduler.rate(scheduler.newCard(noon), 3, noon).card);
      const rest = remainingOf.get(it.topic.topicId)! - 1;
      remainingOf.set(it.topic.topicId, rest);
      if (rest === 0) sim.finished.add(it.topic.topicId);
    }
    day.totalMinutes = day.reviewMinutes + day.newMinutes;
    sim.newCards += day.newCards;
    sim.reviews += day.reviews;
    sim.days.push(day);
  }
  // Topics with nothing left to introduce count as finished.
  for (const it of items) if (!remainingOf.get(it.topic.topicId)) sim.finished.add(it.topic.topicId);
  return sim;
}

function plannedTopics(input: PlanInput): PlanTopic[] {
  const include = input.include ?? (() => true);
  const withQuestions = new Set(input.bank.questions.filter(include).map((q) => q.topicId));
  return syllabusTopics(input.bank)
    .sort(byPriority)
    .filter(({ topic }) => withQuestions.has(topic.id))
    .map(({ topic }) => ({ topicId: topic.id, title: topic.title, weight: topic.weight }));
}

export function makePlan(input: PlanInput): Plan {
  if (!(input.minutesPerDay >= MIN_MINUTES && input.minutesPerDay <= MAX_MINUTES)) {
    throw new RangeError(
      `minutes per day must be between ${MIN_MINUTES} and ${MAX_MINUTES}, got ${input.minutesPerDay}`,
    );
  }
  const costs = mergeCosts(input.costs);
  const span = daysBetween(parseDay(input.today), parseDay(input.interviewDate));
  const sim = simulate(input, input.minutesPerDay, costs);
  const topics = plannedTopics(input);
  const known = new Set((input.cards ?? []).filter((c) => c.reps > 0).map((c) => c.questionId));
  const needed = topics.filter((t) =>
    input.bank.questions.some(
      (q) => q.topicId === t.topicId && !known.has(q.id) && (input.include ?? (() => true))(q),
    ),
  );
  const dropped = needed.filter((t) => !sim.reached.has(t.topicId));
  const partial = needed.filter((t) => sim.reached.has(t.topicId) && !sim.finished.has(t.topicId));
  const fits = dropped.length === 0 && partial.length === 0;

  let minutesNeeded: number | null = null;
  if (!fits && span > 0) {
    let lo = input.minutesPerDay;
    let hi = MAX_MINUTES;
    const ok = (m: number) => {
      const s = simulate(input, m, costs);
      return needed.every((t) => s.finished.has(t.topicId));
    };
    if (ok(hi)) {
      while (hi - lo > 5) {
        const mid = Math.round((lo + hi) / 2);
        if (ok(mid)) hi = mid;
        else lo = mid;
      }
      minutesNeeded = Math.ceil(hi / 5) * 5;
    }
  }
  return {
    days: sim.days,
    fits,
    dropped,
    partial,
    totalNewCards: sim.newCards,
    totalReviews: sim.reviews,
    minutesNeeded,
    message: describe(span, needed.length, sim, dropped, partial, minutesNeeded, input.minutesPerDay),
  };
}

function describe(
  span: number,
  needed: number,
  sim: Sim,
  dropped: PlanTopic[],
  partial: PlanTopic[],
  minutesNeeded: number | null,
  minutes: number,
): string {
  if (span <= 0) return 'The interview date is today or already past: there is no day left to plan.';
  if (needed === 0)
    return `Every topic is already introduced: ${span} day(s) of reviews, ${sim.reviews} in all.`;
  if (dropped.length === 0 && partial.length === 0) {
    const last = [...sim.days].reverse().find((d) => d.newCards > 0 || d.newTopics.length > 0);
    return `All ${needed} topics fit in ${span} day(s) at ${minutes} min/day; the last new material is on ${last?.date ?? 'day 1'}, then reviews.`;
  }
  const names = dropped.slice(0, 8).map((t) => t.title);
  const more = dropped.length > 8 ? ` and ${dropped.length - 8} more` : '';
  const parts = [
    `The date is too close for the whole syllabus at ${minutes} min/day: ${dropped.length} of ${needed} topics do not fit` +
      (dropped.length ? ` (the lightest, last: ${names.join(', ')}${more})` : '') +
      (partial.length ? `; ${partial.length} topic(s) only partly` : '') +
      '.',
  ];
  parts.push(
    minutesNeeded !== null
      ? `About ${minutesNeeded} min/day would fit everything, or move the date.`
      : 'Even 600 min/day would not fit everything: move the date.',
  );
  return parts.join(' ');
}

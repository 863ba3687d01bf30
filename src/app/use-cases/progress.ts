// Progress: readiness per section, due counts, streak, weakest topics and the forecast to the interview date.
import {
  computeReadiness,
  forecastReadiness,
  RECENT_REVIEWS,
  type Readiness,
  weakestTopics,
} from '../../engine/mastery/mastery.js';
import { createScheduler } from '../../engine/scheduling/scheduler.js';
import { dayKey, parseDay } from '../../engine/time.js';
import type { AppContext } from '../context.js';
import { loadSettings } from '../settings.js';

const HEATMAP_DAYS = 365;

export interface ProgressView {
  at: string;
  overall: number;
  sections: { id: string; title: string; readiness: number; studied: number; topics: number }[];
  /** Every syllabus topic with questions: mastery 0..1 and how many of its questions were reviewed. */
  topics: { id: string; section: string; mastery: number; studied: number; questions: number }[];
  dueNow: number;
  reviewsToday: number;
  streakDays: number;
  weakest: { id: string; title: string; section: string; mastery: number }[];
  interviewDate: string | null;
  forecast: number | null;
  heatmap: { day: string; count: number }[];
  totals: { cards: number; reviews: number };
}

export async function getProgress(ctx: AppContext): Promise<ProgressView> {
  const now = ctx.clock.now();
  const offset = -now.getTimezoneOffset();
  const settings = await loadSettings(ctx);
  const scheduler = createScheduler({ desiredRetention: settings.desiredRetention });
  // Reads bounded by the bank (its cards, a topic's latest reviews are among its questions' latest few each)
  // and by a year of 15-minute tallies, however long the history is.
  const questionIds = ctx.bank.questions.map((q) => q.id);
  const [cards, logs, dueNow, cardCount, days] = await Promise.all([
    ctx.repo.listCards(ctx.userId, { questionIds }),
    ctx.repo.listRecentReviews(ctx.userId, questionIds, RECENT_REVIEWS),
    ctx.repo.countDue(ctx.userId, now),
    ctx.repo.countCards(ctx.userId),
    ctx.repo.countReviewsByDay(ctx.userId, new Date(now.getTime() - HEATMAP_DAYS * 86_400_000), offset),
  ]);
  const input = { bank: ctx.bank, cards, logs, scheduler };
  const readiness = computeReadiness({ ...input, at: now });
  const forecast = settings.interviewDate
    ? forecastReadiness(input, parseDay(settings.interviewDate, offset))
    : null;
  const today = dayKey(now, offset);
  return {
    at: now.toISOString(),
    overall: readiness.overall,
    sections: sectionRows(readiness),
    topics: readiness.sections.flatMap((sec) =>
      sec.topics.map((t) => ({
        id: t.topicId,
        section: sec.sectionId,
        mastery: t.mastery,
        studied: t.studied,
        questions: t.questions,
      })),
    ),
    dueNow,
    reviewsToday: days.find((d) => d.day === today)?.count ?? 0,
    streakDays: streak(days, today),
    weakest: weakestTopics(readiness, 5).map((t) => ({
      id: t.topicId,
      title: t.title,
      section: t.sectionId,
      mastery: t.mastery,
    })),
    interviewDate: settings.interviewDate,
    forecast: forecast?.overall ?? null,
    heatmap: days,
    totals: { cards: cardCount, reviews: days.reduce((n, d) => n + d.count, 0) },
  };
}

function sectionRows(r: Readiness): ProgressView['sections'] {
  return r.sections.map((s) => ({
    id: s.sectionId,
    title: s.title,
    readiness: s.readiness,
    studied: s.topics.filter((t) => t.studied > 0).length,
    topics: s.topics.length,
  }));
}

/** Consecutive days with at least one review, ending today (or yesterday, when today has none yet). */
export function streak(days: readonly { day: string; count: number }[], today: string): number {
  const active = new Set(days.filter((d) => d.count > 0).map((d) => d.day));
  const step = (day: string): string =>
    new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  let day = active.has(today) ? today : step(today);
  let n = 0;
  while (active.has(day)) {
    n++;
    day = step(day);
  }
  return n;
}

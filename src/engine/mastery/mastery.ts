// Mastery per topic and readiness per section and overall, from retrievability and recent grades.
/*
 * Formulas (all values 0..1):
 *   R(q, t)      FSRS retrievability of question q's card at time t; 0 for a question never reviewed.
 *   memory(T)    = mean of R(q, t) over ALL questions of topic T in the bank (unseen questions count 0,
 *                  so a topic is mastered only when its whole question set is remembered).
 *   quality(T)   = mean quality of T's last RECENT_REVIEWS reviews, quality = the grader's score when stored,
 *                  else by rating: Again 0, Hard 0.5, Good 0.85, Easy 1.
 *   mastery(T)   = memory(T) × (QUALITY_FLOOR + (1 − QUALITY_FLOOR) × quality(T))
 *                  memory says "will you recall it", quality says "were your recent answers complete".
 *   readiness(S) = Σ weight(T)·mastery(T) / Σ weight(T) over the topics of S that have questions;
 *                  topics never studied count 0. Overall readiness is the same sum over every section.
 *   forecast     = the same formulas with t = the interview date, assuming no more reviews before it
 *                  (retrievability only decays; quality stays as it is today). Reviewing raises it.
 */
import type { Bank, Topic } from '../../content/types.js';
import type { CardState, FsrsCardFields, Rating } from '../ports/repository.js';
import type { Scheduler } from '../scheduling/scheduler.js';

export const RECENT_REVIEWS = 5;
export const QUALITY_FLOOR = 0.6;
const RATING_QUALITY: Record<Rating, number> = { 1: 0, 2: 0.5, 3: 0.85, 4: 1 };

export interface MasteryCard extends FsrsCardFields {
  questionId: string;
}

export interface MasteryLog {
  questionId: string;
  review: Date;
  rating: Rating;
  score?: number | null;
  state?: CardState;
}

export interface TopicMastery {
  topicId: string;
  sectionId: string;
  title: string;
  weight: 1 | 2 | 3;
  questions: number;
  /** Questions reviewed at least once. */
  studied: number;
  memory: number;
  /** null when the topic has no reviews yet. */
  quality: number | null;
  mastery: number;
}

export interface SectionReadiness {
  sectionId: string;
  title: string;
  readiness: number;
  topics: TopicMastery[];
}

export interface Readiness {
  at: Date;
  overall: number;
  sections: SectionReadiness[];
  /** Syllabus topics without any question in the bank: left out of every average. */
  unassessable: string[];
}

export interface ReadinessInput {
  bank: Bank;
  cards: readonly MasteryCard[];
  /** Recent review logs, any order; only the latest RECENT_REVIEWS per topic are read. */
  logs: readonly MasteryLog[];
  at: Date;
  scheduler: Pick<Scheduler, 'retrievability'>;
}

export function logQuality(log: MasteryLog): number {
  const s = log.score;
  return typeof s === 'number' && Number.isFinite(s)
    ? Math.min(1, Math.max(0, s))
    : RATING_QUALITY[log.rating];
}

/** Latest RECENT_REVIEWS logs per topic, in one pass. */
function recentByTopic(logs: readonly MasteryLog[], topicOf: Map<string, string>): Map<string, MasteryLog[]> {
  const out = new Map<string, MasteryLog[]>();
  for (const log of logs) {
    const t = topicOf.get(log.questionId);
    if (t === undefined) continue;
    let list = out.get(t);
    if (!list) {
      list = [];
      out.set(t, list);
    }
    if (list.length < RECENT_REVIEWS) {
      list.push(log);
      list.sort((a, b) => b.review.getTime() - a.review.getTime());
    } else if (log.review.getTime() > list[list.length - 1]!.review.getTime()) {
      list[list.length - 1] = log;
      list.sort((a, b) => b.review.getTime() - a.review.getTime());
    }
  }
  return out;
}

export function topicMastery(
  topic: Topic,
  questionIds: readonly string[],
  cards: ReadonlyMap<string, MasteryCard>,
  recent: readonly MasteryLog[],
  at: Date,
  scheduler: Pick<Scheduler, 'retrievability'>,
): TopicMastery {
  let sum = 0;
  let studied = 0;
  for (const id of questionIds) {
    const card = cards.get(id);
    if (!card || card.reps === 0) continue;
    studied++;
    sum += scheduler.retrievability(card, at);
  }
  const memory = questionIds.length ? sum / questionIds.length : 0;
  const quality = recent.length ? recent.reduce((acc, l) => acc + logQuality(l), 0) / recent.length : null;
  const mastery = memory * (QUALITY_FLOOR + (1 - QUALITY_FLOOR) * (quality ?? 0));
  return {
    topicId: topic.id,
    sectionId: topic.sectionId,
    title: topic.title,
    weight: topic.weight,
    questions: questionIds.length,
    studied,
    memory,
    quality,
    mastery,
  };
}

function weighted(topics: readonly TopicMastery[]): number {
  const w = topics.reduce((acc, t) => acc + t.weight, 0);
  return w ? topics.reduce((acc, t) => acc + t.weight * t.mastery, 0) / w : 0;
}

export function computeReadiness(input: ReadinessInput): Readiness {
  const { bank, at, scheduler } = input;
  const topicOf = new Map(bank.questions.map((q) => [q.id, q.topicId]));
  const questionsOf = new Map<string, string[]>();
  for (const q of bank.questions) {
    const list = questionsOf.get(q.topicId);
    if (list) list.push(q.id);
    else questionsOf.set(q.topicId, [q.id]);
  }
  const cards = new Map(input.cards.map((c) => [c.questionId, c]));
  const recent = recentByTopic(input.logs, topicOf);
  const unassessable: string[] = [];
  const sections: SectionReadiness[] = bank.syllabus.sections.map((s) => {
    const topics: TopicMastery[] = [];
    for (const t of s.topics) {
      const ids = questionsOf.get(t.id);
      if (!ids) {
        unassessable.push(t.id);
        continue;
      }
      topics.push(topicMastery(t, ids, cards, recent.get(t.id) ?? [], at, scheduler));
    }
    return { sectionId: s.id, title: s.title, readiness: weighted(topics), topics };
  });
  return { at, overall: weighted(sections.flatMap((s) => s.topics)), sections, unassessable };
}

/** Readiness on the interview date if no more reviews happen before it. */
export function forecastReadiness(input: Omit<ReadinessInput, 'at'>, interviewDate: Date): Readiness {
  return computeReadiness({ ...input, at: interviewDate });
}

/** Studied topics with the lowest mastery, heaviest first among equals. */
export function weakestTopics(readiness: Readiness, n: number): TopicMastery[] {
  return readiness.sections
    .flatMap((s) => s.topics)
    .filter((t) => t.studied > 0)
    .sort((a, b) => a.mastery - b.mastery || b.weight - a.weight)
    .slice(0, n);
}

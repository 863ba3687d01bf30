// The review queue: due cards first (most overdue first), then new cards within the daily limit, interleaved.
import type { Bank, Question } from '../../content/types.js';
import type { Random } from '../ports/random.js';
import type { CardState } from '../ports/repository.js';
import { shuffle } from '../random/seeded.js';
import { interleaveInOrder, interleaveSpread } from './interleave.js';
import { byPriority, syllabusTopics } from './syllabus-order.js';

/** The fields of a stored card the queue needs (a Repository CardRecord fits). */
export interface QueueCard {
  questionId: string;
  due: Date;
  state: CardState;
  reps: number;
  suspended?: boolean;
}

export interface ReviewQueueInput {
  bank: Bank;
  cards: readonly QueueCard[];
  now: Date;
  /** Daily limit of new cards. */
  newPerDay: number;
  /** New cards already introduced today (see countIntroducedSince). */
  introducedToday: number;
  random: Random;
  /** Longest queue returned (default: everything due plus today's new cards). */
  limit?: number;
  /** Questions the caller can present (e.g. only those whose `requires` the runner can meet). */
  include?: (question: Question) => boolean;
  /** Topic of the card reviewed just before, so a queue recomputed after each answer still alternates topics. */
  previousTopic?: string;
}

export interface QueueItem {
  questionId: string;
  topicId: string;
  kind: 'due' | 'new';
  /** null for a question without a card yet. */
  due: Date | null;
}

export interface ReviewQueue {
  items: QueueItem[];
  dueCount: number;
  /** New cards still allowed today. */
  newRemaining: number;
  /** Card ids whose question is no longer in the bank: kept, reported, never shown. */
  unknownCards: string[];
}

const isNew = (c: QueueCard) => c.state === 0 && c.reps === 0;

export function composeReviewQueue(input: ReviewQueueInput): ReviewQueue {
  const { bank, now, random } = input;
  const include = input.include ?? (() => true);
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const cardById = new Map(input.cards.map((c) => [c.questionId, c]));
  const unknownCards = input.cards.filter((c) => !byId.has(c.questionId)).map((c) => c.questionId);

  // Due: seeded tie-break first, then a stable sort by due date keeps ties in that random order.
  const due = shuffle(
    input.cards.filter((c) => !c.suspended && !isNew(c) && c.due.getTime() <= now.getTime()),
    random,
  )
    .flatMap((c) => {
      const q = byId.get(c.questionId);
      return q && include(q)
        ? [{ questionId: q.id, topicId: q.topicId, kind: 'due' as const, due: c.due }]
        : [];
    })
    .sort((a, b) => a.due.getTime() - b.due.getTime());

  const newRemaining = Math.max(0, Math.floor(input.newPerDay) - Math.max(0, input.introducedToday));
  const fresh: QueueItem[] = [];
  if (newRemaining > 0) {
    const questionsByTopic = new Map<string, Question[]>();
    for (const q of bank.questions) {
      const card = cardById.get(q.id);
      if ((card && (!isNew(card) || card.suspended)) || !include(q)) continue;
      const list = questionsByTopic.get(q.topicId);
      if (list) list.push(q);
      else questionsByTopic.set(q.topicId, [q]);
    }
    for (const { topic } of syllabusTopics(bank).sort(byPriority)) {
      // Within a topic: easier first, seeded order among equals.
      const qs = shuffle(questionsByTopic.get(topic.id) ?? [], random).sort(
        (a, b) => a.difficulty - b.difficulty,
      );
      for (const q of qs) {
        if (fresh.length >= newRemaining) break;
        fresh.push({
          questionId: q.id,
          topicId: q.topicId,
          kind: 'new',
          due: cardById.get(q.id)?.due ?? null,
        });
      }
      if (fresh.length >= newRemaining) break;
    }
  }

  const topicOf = (i: QueueItem) => i.topicId;
  const dueOrdered = interleaveInOrder(due, topicOf, input.previousTopic);
  const items = [
    ...dueOrdered,
    ...interleaveSpread(fresh, topicOf, dueOrdered.at(-1)?.topicId ?? input.previousTopic),
  ];
  return {
    items: input.limit === undefined ? items : items.slice(0, Math.max(0, input.limit)),
    dueCount: due.length,
    newRemaining,
    unknownCards,
  };
}

/** New cards introduced since `since`: first reviews (log state New) of distinct questions. */
export function countIntroducedSince(
  logs: readonly { questionId: string; state: CardState; review: Date }[],
  since: Date,
): number {
  const ids = new Set<string>();
  for (const l of logs) if (l.state === 0 && l.review.getTime() >= since.getTime()) ids.add(l.questionId);
  return ids.size;
}

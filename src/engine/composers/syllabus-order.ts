// Topic priority shared by the composers: heaviest weight first, then syllabus order.
import type { Bank, Topic } from '../../content/types.js';

export interface RankedTopic {
  topic: Topic;
  /** Position in the syllabus (0-based across all sections). */
  order: number;
}

export function syllabusTopics(bank: Bank): RankedTopic[] {
  return bank.syllabus.sections.flatMap((s) => s.topics).map((topic, order) => ({ topic, order }));
}

/** Weight descending, then syllabus order. */
export function byPriority(a: RankedTopic, b: RankedTopic): number {
  return b.topic.weight - a.topic.weight || a.order - b.order;
}

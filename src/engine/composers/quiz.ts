// A quiz: questions picked by filters, shuffled from a seed, independent of the review schedule.
import type { Bank, Difficulty, Question, QuestionType } from '../../content/types.js';
import type { Random } from '../ports/random.js';
import { shuffle } from '../random/seeded.js';
import { interleaveInOrder } from './interleave.js';

export interface QuizFilter {
  sectionId?: string;
  topicId?: string;
  type?: QuestionType;
  difficulty?: Difficulty;
}

export interface QuizInput {
  bank: Bank;
  filter: QuizFilter;
  /** Number of questions wanted; fewer come back when fewer match. */
  n: number;
  random: Random;
  include?: (question: Question) => boolean;
}

export function matchesFilter(bank: Bank, filter: QuizFilter): (q: Question) => boolean {
  const sectionOf = new Map<string, string>();
  for (const s of bank.syllabus.sections) for (const t of s.topics) sectionOf.set(t.id, s.id);
  return (q) =>
    (filter.sectionId === undefined || sectionOf.get(q.topicId) === filter.sectionId) &&
    (filter.topicId === undefined || q.topicId === filter.topicId) &&
    (filter.type === undefined || q.type === filter.type) &&
    (filter.difficulty === undefined || q.difficulty === filter.difficulty);
}

export function composeQuiz(input: QuizInput): Question[] {
  const match = matchesFilter(input.bank, input.filter);
  const include = input.include ?? (() => true);
  const picked = shuffle(
    input.bank.questions.filter((q) => match(q) && include(q)),
    input.random,
  ).slice(0, Math.max(0, Math.floor(input.n)));
  return interleaveInOrder(picked, (q) => q.topicId);
}

// The mock-interview composer: which question comes next, from the blueprint, a seed and what happened so far.
/*
 * Rules (pure and deterministic: the same blueprint, seed and history always give the same next step):
 * - Stages run in order. A stage ends when its main questions are asked (and a pending follow-up is done) or when
 *   its time budget is used up, measured at the last answer; unused time is not carried over. The interview ends
 *   when every stage ended or the overall time is used up: the answer being given when time runs out still counts,
 *   later stages are reported as not reached.
 * - Difficulty adapts: the level starts at 2, goes up one after a strong answer (score >= STRONG) and down one after
 *   a weak one (score < WEAK), within 1..3. Difficulty labels are never shown during the mock.
 * - After a strong answer to a main question: a follow-up on the same topic, a harder question when the bank has
 *   one, else the first follow-up line the question lists (asked, answered, but not graded: it has no rubric).
 * - After a weak answer: the next main question stays on the same topic, easier, when the bank has one.
 * - Otherwise a new topic of the stage's sections, drawn with probability weight × (1.5 − mastery), never a
 *   question asked in recent mocks or earlier in this one, never a topic twice while others remain.
 */
import type { Bank, Blueprint, Question } from '../../content/types.js';
import { seededRandom } from '../random/seeded.js';

export const STRONG = 0.75;
export const WEAK = 0.4;

export interface MockRecord {
  questionId: string;
  topicId: string;
  stageId: string;
  kind: 'main' | 'followup' | 'followup-text';
  /** The main question a follow-up belongs to. */
  parentId: string | null;
  /** The follow-up line asked (followup-text only). */
  text: string | null;
  difficulty: number;
  /** 0..1; null when not graded (follow-up lines, skipped). */
  score: number | null;
  skipped: boolean;
  askedAt: number;
  answeredAt: number;
}

export type MockStep =
  | { kind: 'main' | 'followup'; questionId: string; stageId: string; parentId: string | null }
  | { kind: 'followup-text'; questionId: string; text: string; stageId: string; parentId: string }
  | { kind: 'end'; reason: 'complete' | 'time' };

export interface MockInput {
  bank: Bank;
  blueprint: Blueprint;
  seed: number;
  records: readonly MockRecord[];
  startedAt: number;
  /** When the step is decided: the last answer's time (or the start), so the pending step never changes. */
  at: number;
  /** Topic mastery 0..1 (missing: 0). */
  mastery?: ReadonlyMap<string, number>;
  /** Questions asked in recent mocks: avoided. */
  recent?: ReadonlySet<string>;
}

export function difficultyLevel(records: readonly MockRecord[]): number {
  let level = 2;
  for (const r of records) {
    if (r.score === null || r.kind === 'followup-text') continue;
    if (r.score >= STRONG) level = Math.min(3, level + 1);
    else if (r.score < WEAK) level = Math.max(1, level - 1);
  }
  return level;
}

export function nextMockStep(input: MockInput): MockStep {
  const { bank, blueprint, records, at } = input;
  if (at - input.startedAt >= blueprint.minutes * 60_000) return { kind: 'end', reason: 'time' };
  const last = records.at(-1);
  let stageIndex = last ? blueprint.stages.findIndex((s) => s.id === last.stageId) : 0;
  if (stageIndex < 0) stageIndex = 0;
  for (; stageIndex < blueprint.stages.length; stageIndex++) {
    const stage = blueprint.stages[stageIndex]!;
    const inStage = records.filter((r) => r.stageId === stage.id);
    const started = inStage[0]?.askedAt;
    const timeUp = started !== undefined && at - started >= stage.minutes * 60_000;
    if (timeUp) continue;
    const lastInStage = inStage.at(-1);
    const mains = inStage.filter((r) => r.kind === 'main').length;
    if (lastInStage?.kind === 'main' && !lastInStage.skipped && (lastInStage.score ?? 0) >= STRONG) {
      const follow = followUp(bank, lastInStage, records, input.recent);
      if (follow) return { ...follow, stageId: stage.id };
    }
    if (mains >= stage.questions) continue;
    const main = pickMain(input, stageIndex, lastInStage);
    if (main) return { kind: 'main', questionId: main.id, stageId: stage.id, parentId: null };
  }
  return { kind: 'end', reason: 'complete' };
}

function followUp(
  bank: Bank,
  parent: MockRecord,
  records: readonly MockRecord[],
  recent: ReadonlySet<string> | undefined,
):
  | { kind: 'followup'; questionId: string; parentId: string }
  | { kind: 'followup-text'; questionId: string; text: string; parentId: string }
  | null {
  const asked = new Set(records.map((r) => r.questionId));
  const harder = bank.questions
    .filter(
      (q) =>
        q.topicId === parent.topicId &&
        q.difficulty > parent.difficulty &&
        !asked.has(q.id) &&
        !recent?.has(q.id),
    )
    .sort((a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id))[0];
  if (harder) return { kind: 'followup', questionId: harder.id, parentId: parent.questionId };
  const q = bank.questions.find((x) => x.id === parent.questionId);
  const line = q?.followups[0];
  if (line)
    return { kind: 'followup-text', questionId: parent.questionId, text: line, parentId: parent.questionId };
  return null;
}

function pickMain(
  input: MockInput,
  stageIndex: number,
  lastInStage: MockRecord | undefined,
): Question | null {
  const { bank, blueprint, records } = input;
  const stage = blueprint.stages[stageIndex]!;
  const asked = new Set(records.map((r) => r.questionId));
  const sectionOf = new Map<string, string>();
  const weightOf = new Map<string, number>();
  for (const s of bank.syllabus.sections) {
    for (const t of s.topics) {
      sectionOf.set(t.id, s.id);
      weightOf.set(t.id, t.weight);
    }
  }
  const usable = (q: Question, fresh: boolean): boolean =>
    stage.sections.includes(sectionOf.get(q.topicId) ?? '') &&
    stage.types.includes(q.type) &&
    !asked.has(q.id) &&
    (!fresh || !input.recent?.has(q.id));
  let pool = bank.questions.filter((q) => usable(q, true));
  if (pool.length === 0) pool = bank.questions.filter((q) => usable(q, false));
  if (pool.length === 0) return null;
  const level = difficultyLevel(records);
  const closest = (qs: Question[]): Question =>
    [...qs].sort(
      (a, b) => Math.abs(a.difficulty - level) - Math.abs(b.difficulty - level) || a.id.localeCompare(b.id),
    )[0]!;

  // A weak answer: stay on the topic with an easier question.
  if (lastInStage && lastInStage.kind === 'main' && !lastInStage.skipped && (lastInStage.score ?? 1) < WEAK) {
    const easier = pool.filter(
      (q) => q.topicId === lastInStage.topicId && q.difficulty < lastInStage.difficulty,
    );
    if (easier.length > 0) return closest(easier);
  }
  const usedTopics = new Set(records.map((r) => r.topicId));
  const byTopic = new Map<string, Question[]>();
  for (const q of pool) byTopic.set(q.topicId, [...(byTopic.get(q.topicId) ?? []), q]);
  let topics = [...byTopic.keys()].sort();
  const freshTopics = topics.filter((t) => !usedTopics.has(t));
  if (freshTopics.length > 0) topics = freshTopics;
  const random = seededRandom(`${input.seed}:${records.length}`);
  const weights = topics.map(
    (t) => (weightOf.get(t) ?? 1) * (1.5 - Math.min(1, Math.max(0, input.mastery?.get(t) ?? 0))),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random.next() * total;
  let chosen = topics[topics.length - 1]!;
  for (const [i, t] of topics.entries()) {
    r -= weights[i]!;
    if (r < 0) {
      chosen = t;
      break;
    }
  }
  return closest(byTopic.get(chosen)!);
}

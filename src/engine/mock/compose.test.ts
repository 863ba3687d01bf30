import { describe, expect, it } from 'vitest';
import type { Blueprint } from '../../content/types.js';
import { makeBank } from '../testing/bank.js';
import { difficultyLevel, type MockRecord, type MockStep, nextMockStep } from './compose.js';
import { buildScorecard, hiringSignal } from './scorecard.js';

const bank = makeBank([
  { id: 'a', section: 'py', questions: 6 },
  { id: 'b', section: 'py', questions: 6 },
  { id: 'c', section: 'py', questions: 6, weight: 3 },
  { id: 'd', section: 'web', questions: 6 },
  { id: 'e', section: 'web', questions: 6 },
]);
for (const q of bank.questions) if (q.id === 'd-q0') q.followups.push('And how would you test it?');

const blueprint: Blueprint = {
  id: 'bp',
  title: 'Test',
  description: 'x',
  minutes: 20,
  file: 'blueprints/bp.yaml',
  stages: [
    {
      id: 's1',
      title: 'Python',
      minutes: 10,
      sections: ['py'],
      questions: 2,
      types: ['open', 'choice', 'predict'],
    },
    {
      id: 's2',
      title: 'Web',
      minutes: 10,
      sections: ['web'],
      questions: 2,
      types: ['open', 'choice', 'predict'],
    },
  ],
};
const T0 = 1_000_000;

/** Plays a whole mock: `scoreOf` decides each answer's score; each answer takes `secs` seconds. */
function play(
  seed: number,
  scoreOf: (step: MockStep, i: number) => number | null,
  secs = 60,
): { records: MockRecord[]; end: MockStep } {
  const records: MockRecord[] = [];
  let at = T0;
  for (let i = 0; i < 50; i++) {
    const step = nextMockStep({ bank, blueprint, seed, records, startedAt: T0, at });
    if (step.kind === 'end') return { records, end: step };
    const q = bank.questions.find((x) => x.id === step.questionId)!;
    const score = step.kind === 'followup-text' ? null : scoreOf(step, i);
    records.push({
      questionId: step.questionId,
      topicId: q.topicId,
      stageId: step.stageId,
      kind: step.kind,
      parentId: step.parentId,
      text: step.kind === 'followup-text' ? step.text : null,
      difficulty: q.difficulty,
      score,
      skipped: false,
      askedAt: at,
      answeredAt: at + secs * 1000,
    });
    at += secs * 1000;
  }
  throw new Error('the mock never ended');
}

describe('mock composer', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const ids = (seed: number) => play(seed, () => 0.6).records.map((r) => r.questionId);
    expect(ids(7)).toEqual(ids(7));
    const variety = new Set([1, 2, 3, 4, 5, 6].map((s) => ids(s).join()));
    expect(variety.size).toBeGreaterThan(1);
  });

  it('asks each stage its main questions from its sections, with no repeated question', () => {
    const { records, end } = play(3, () => 0.6);
    expect(end).toEqual({ kind: 'end', reason: 'complete' });
    expect(records.map((r) => r.stageId)).toEqual(['s1', 's1', 's2', 's2']);
    expect(records.slice(0, 2).every((r) => ['a', 'b', 'c'].includes(r.topicId))).toBe(true);
    expect(new Set(records.map((r) => r.questionId)).size).toBe(records.length);
    expect(new Set(records.slice(0, 2).map((r) => r.topicId)).size).toBe(2);
  });

  it('follows a strong answer with a harder question on the same topic', () => {
    const { records } = play(5, (step) => (step.kind === 'main' ? 0.9 : 0.5));
    const first = records[0]!;
    const follow = records[1]!;
    expect(follow.kind).toBe('followup');
    expect(follow.topicId).toBe(first.topicId);
    expect(follow.difficulty).toBeGreaterThan(first.difficulty);
    expect(follow.parentId).toBe(first.questionId);
  });

  it('follows a weak answer with an easier question on the same topic, and lowers the level', () => {
    const { records } = play(9, () => 0.1);
    const [first, second] = records;
    expect(second?.topicId).toBe(first?.topicId);
    expect(second?.difficulty).toBeLessThan(first?.difficulty ?? 0);
    expect(difficultyLevel(records)).toBe(1);
  });

  it('asks a listed follow-up line when no harder question exists', () => {
    const hard = bank.questions.find((q) => q.id === 'd-q0')!;
    const records: MockRecord[] = [
      {
        questionId: 'a-q0',
        topicId: 'a',
        stageId: 's1',
        kind: 'main',
        parentId: null,
        text: null,
        difficulty: 1,
        score: 0.5,
        skipped: false,
        askedAt: T0,
        answeredAt: T0 + 1000,
      },
      {
        questionId: 'b-q0',
        topicId: 'b',
        stageId: 's1',
        kind: 'main',
        parentId: null,
        text: null,
        difficulty: 1,
        score: 0.5,
        skipped: false,
        askedAt: T0 + 1000,
        answeredAt: T0 + 2000,
      },
      {
        questionId: hard.id,
        topicId: 'd',
        stageId: 's2',
        kind: 'main',
        parentId: null,
        text: null,
        difficulty: 3,
        score: 0.9,
        skipped: false,
        askedAt: T0 + 2000,
        answeredAt: T0 + 3000,
      },
    ];
    hard.difficulty = 3;
    const step = nextMockStep({ bank, blueprint, seed: 1, records, startedAt: T0, at: T0 + 3000 });
    hard.difficulty = 1;
    expect(step).toEqual({
      kind: 'followup-text',
      questionId: 'd-q0',
      text: 'And how would you test it?',
      stageId: 's2',
      parentId: 'd-q0',
    });
  });

  it('moves on when a stage runs out of time and ends when the interview does', () => {
    const slow = play(2, () => 0.6, 11 * 60);
    expect(slow.records.map((r) => r.stageId)).toEqual(['s1', 's2']);
    expect(slow.end).toEqual({ kind: 'end', reason: 'time' });
  });

  it('prefers weak topics and avoids recently asked questions', () => {
    const mastery = new Map([
      ['a', 1],
      ['b', 1],
      ['c', 0],
    ]);
    let c = 0;
    for (let seed = 0; seed < 40; seed++) {
      const step = nextMockStep({ bank, blueprint, seed, records: [], startedAt: T0, at: T0, mastery });
      if (step.kind !== 'end' && step.questionId.startsWith('c-')) c++;
    }
    // Weights 2×0.5, 2×0.5, 3×1.5: topic c is drawn about 69% of the time, against 33% for a uniform draw.
    expect(c).toBeGreaterThan(20);
    const recent = new Set(bank.questions.filter((q) => q.topicId !== 'b').map((q) => q.id));
    const step = nextMockStep({ bank, blueprint, seed: 4, records: [], startedAt: T0, at: T0, recent });
    expect(step.kind !== 'end' && step.questionId.startsWith('b-')).toBe(true);
  });
});

describe('scorecard', () => {
  it('maps documented thresholds to a hiring signal', () => {
    const all = (score: number) => [
      { score, reached: true },
      { score, reached: true },
    ];
    expect(hiringSignal(0.85, all(0.85))).toBe('Strong hire');
    expect(
      hiringSignal(0.85, [
        { score: 0.85, reached: true },
        { score: 0, reached: false },
      ]),
    ).toBe('Hire');
    expect(hiringSignal(0.7, all(0.7))).toBe('Hire');
    expect(
      hiringSignal(0.7, [
        { score: 1, reached: true },
        { score: 0.3, reached: true },
      ]),
    ).toBe('Lean no');
    expect(hiringSignal(0.3, all(0.3))).toBe('No');
  });

  it('scores stages, sections and topics to study from a played mock', () => {
    const { records, end } = play(3, (_s, i) => (i === 0 ? 0.2 : 0.9));
    const answers = records.map((r) => ({ ...r, covered: [], missed: [], budgetSeconds: 300 }));
    const card = buildScorecard({
      bank,
      blueprint,
      answers,
      endReason: end.kind === 'end' ? end.reason : 'complete',
    });
    expect(Object.keys(card.stages)).toEqual(['s1', 's2']);
    expect(card.stages.s1?.reached).toBe(true);
    expect(card.questions[0]?.score).toBe(0.2);
    expect(card.studyNext[0]?.id).toBe(records[0]?.topicId);
    expect(card.overall).toBeGreaterThan(0.5);
    expect(card.overall).toBeLessThan(0.9);
  });
});

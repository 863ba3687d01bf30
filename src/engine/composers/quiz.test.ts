import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seeded.js';
import { makeBank } from '../testing/bank.js';
import { interleaveSpread, sameTopicNeighbours } from './interleave.js';
import { composeQuiz } from './quiz.js';

const bank = makeBank([
  { id: 'a', section: 'core', questions: 6 },
  { id: 'b', section: 'core', questions: 6 },
  { id: 'c', section: 'web', questions: 6 },
]);

describe('composeQuiz', () => {
  it('filters by section, topic, type and difficulty', () => {
    const ids = (filter: Parameters<typeof composeQuiz>[0]['filter']) =>
      composeQuiz({ bank, filter, n: 100, random: seededRandom(1) }).map((q) => q.id);
    expect(ids({ sectionId: 'web' }).every((id) => id.startsWith('c-'))).toBe(true);
    expect(ids({ sectionId: 'core' })).toHaveLength(12);
    expect(ids({ topicId: 'b', type: 'open' }).sort()).toEqual(['b-q0', 'b-q3']);
    expect(ids({ difficulty: 3 })).toHaveLength(6);
    expect(ids({ sectionId: 'nope' })).toEqual([]);
  });
  it('returns n questions, seeded', () => {
    const a = composeQuiz({ bank, filter: {}, n: 5, random: seededRandom('x') });
    expect(a).toHaveLength(5);
    expect(composeQuiz({ bank, filter: {}, n: 5, random: seededRandom('x') })).toEqual(a);
    expect(composeQuiz({ bank, filter: {}, n: 5, random: seededRandom('y') })).not.toEqual(a);
  });
});

describe('interleaveSpread', () => {
  it('separates topics whenever that is possible', () => {
    const items = ['a', 'a', 'a', 'b', 'b', 'c'];
    const out = interleaveSpread(items, (x) => x);
    expect(sameTopicNeighbours(out, (x) => x)).toBe(0);
    expect([...out].sort()).toEqual(items);
  });
});

import { describe, expect, it } from 'vitest';
import { gradeChoice } from './choice.js';

const opt = (text: string, correct: boolean, why: string) => ({
  text,
  correct,
  why,
  html: text,
  whyHtml: why,
});
const single = {
  options: [
    opt('list', false, 'lists are mutable'),
    opt('tuple', true, 'tuples are hashable'),
    opt('set', false, 'sets are unhashable'),
  ],
};
const multi = { options: [opt('a', true, 'a ok'), opt('b', true, 'b ok'), opt('c', false, 'c bad')] };

describe('gradeChoice', () => {
  it('accepts the right option', () => {
    const r = gradeChoice(single, [1]);
    expect(r).toMatchObject({ correct: true, score: 1, suggestedRating: 3 });
    expect(r.feedback.summary).toMatch(/tuples are hashable/);
  });
  it('says why the pick is wrong and which one is right', () => {
    const r = gradeChoice(single, [0]);
    expect(r).toMatchObject({ correct: false, score: 0, suggestedRating: 1 });
    expect(r.feedback.wrongPicks).toEqual([{ index: 0, text: 'list', why: 'lists are mutable' }]);
    expect(r.feedback.missed).toEqual([{ index: 1, text: 'tuple', why: 'tuples are hashable' }]);
    expect(r.feedback.summary).toMatch(/✗ A\. list — lists are mutable/);
    expect(r.feedback.summary).toMatch(/✓ B\. tuple/);
  });
  it('gives partial credit when several options are right', () => {
    expect(gradeChoice(multi, [0, 1]).correct).toBe(true);
    const half = gradeChoice(multi, [0]);
    expect(half).toMatchObject({ correct: false, score: 0.5, suggestedRating: 2 });
    expect(gradeChoice(multi, [0, 2]).score).toBe(0);
  });
  it('rejects an option that does not exist', () => {
    expect(() => gradeChoice(single, [3])).toThrow(/option 3/);
  });
});

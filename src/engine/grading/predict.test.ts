import { describe, expect, it } from 'vitest';
import { diffLines } from './diff.js';
import { gradePredict, normalizeOutput } from './predict.js';

describe('gradePredict', () => {
  it('ignores trailing whitespace of lines and of the end, and CRLF', () => {
    const r = gradePredict({ output: '1\n[1, 2]\n' }, '1   \r\n[1, 2]\n\n\n');
    expect(r).toMatchObject({ correct: true, score: 1, suggestedRating: 3 });
  });
  it('is exact otherwise, with a line diff', () => {
    const r = gradePredict({ output: 'a\nb\nc\n' }, 'a\nB\nc');
    expect(r.correct).toBe(false);
    expect(r.feedback.diff).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: '+', text: 'B' },
      { op: ' ', text: 'c' },
    ]);
    expect(r.score).toBeCloseTo(2 / 3);
    expect(r.suggestedRating).toBe(2);
    expect(r.feedback.summary).toMatch(/- b\n\+ B/);
  });
  it('does not forgive leading whitespace', () => {
    expect(gradePredict({ output: '  x' }, 'x').correct).toBe(false);
  });
  it('rates a blank answer Again', () => {
    expect(gradePredict({ output: 'x\ny' }, '')).toMatchObject({
      correct: false,
      score: 0,
      suggestedRating: 1,
    });
  });
});

describe('diffLines and normalizeOutput', () => {
  it('handles insertions at the end', () => {
    expect(diffLines(['a'], ['a', 'b'])).toEqual([
      { op: ' ', text: 'a' },
      { op: '+', text: 'b' },
    ]);
  });
  it('keeps inner blank lines', () => {
    expect(normalizeOutput('a\n\nb  \n\n')).toEqual(['a', '', 'b']);
  });
});

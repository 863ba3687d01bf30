// Grades "what does this print?": exact output once trailing whitespace of lines and of the end is dropped.
import { diffLines } from './diff.js';
import { clampScore, suggestRating } from './rating.js';
import type { GradeResult, PredictFeedback } from './types.js';

/** CRLF to LF, trailing spaces of each line and trailing blank lines removed. */
export function normalizeOutput(text: string): string[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function gradePredict(question: { output: string }, answer: string): GradeResult<PredictFeedback> {
  const expected = normalizeOutput(question.output);
  const actual = normalizeOutput(answer);
  const diff = diffLines(expected, actual);
  const correct = expected.length === actual.length && diff.every((d) => d.op === ' ');
  const same = diff.filter((d) => d.op === ' ').length;
  // Partial score: share of lines right, so a near miss can be rated Hard rather than Again.
  const score = correct ? 1 : clampScore(same / Math.max(expected.length, actual.length, 1));
  const summary = correct
    ? 'Correct: that is exactly what it prints.'
    : [
        `Not quite: ${same} of ${expected.length} expected lines right. Diff (- expected, + yours):`,
        ...diff.map((d) => `${d.op} ${d.text}`),
      ].join('\n');
  return {
    correct,
    score,
    suggestedRating: suggestRating(score, correct),
    feedback: { kind: 'predict', expected: expected.join('\n'), actual: actual.join('\n'), diff, summary },
  };
}

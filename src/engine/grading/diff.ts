// A line diff (longest common subsequence) to show how printed output differs from the expected output.
import type { DiffLine } from './types.js';

export function diffLines(expected: readonly string[], actual: readonly string[]): DiffLine[] {
  const n = expected.length;
  const m = actual.length;
  // lcs[i][j] = LCS length of expected[i..] and actual[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        expected[i] === actual[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (expected[i] === actual[j]) {
      out.push({ op: ' ', text: expected[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ op: '-', text: expected[i++]! });
    } else {
      out.push({ op: '+', text: actual[j++]! });
    }
  }
  while (i < n) out.push({ op: '-', text: expected[i++]! });
  while (j < m) out.push({ op: '+', text: actual[j++]! });
  return out;
}

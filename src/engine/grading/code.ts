// Grades a coding answer from the runner's per-test results: score is the share of tests passing.
import { clampScore, suggestRating } from './rating.js';
import type { CodeFeedback, CodeTestFeedback, GradeResult } from './types.js';

/** The part of the CodeRunner's TestRunResult the grader reads (a TestRunResult fits as is). */
export interface TestOutcome {
  name: string;
  passed: boolean;
  message?: string | null | undefined;
  line?: number | null | undefined;
  file?: 'tests' | 'solution' | null | undefined;
}

export interface TestRunOutcome {
  tests: readonly TestOutcome[];
  stderr?: string | undefined;
  timedOut?: boolean | undefined;
  /** Why the tests could not be collected (syntax error, import failure...). */
  error?: string | null | undefined;
}

const STDERR_TAIL = 1200;

export function gradeCode(run: TestRunOutcome, expectedTests?: number): GradeResult<CodeFeedback> {
  const results: CodeTestFeedback[] = run.tests.map((t) => ({
    name: t.name,
    passed: t.passed,
    message: t.message ?? '',
    line: t.line ?? null,
    file: t.file ?? null,
  }));
  // Tests that never reported (crash, timeout) count as failing.
  const total = Math.max(results.length, expectedTests ?? 0);
  const passed = results.filter((t) => t.passed).length;
  const failing = results.filter((t) => !t.passed);
  const timedOut = run.timedOut === true;
  const correct = total > 0 && passed === total && !timedOut;
  const score = correct ? 1 : clampScore(total ? passed / total : 0);
  const stderr = (run.stderr ?? '').trim();
  const error = run.error || (results.length === 0 || timedOut ? stderr.slice(-STDERR_TAIL) || null : null);
  const lines = [`${passed} of ${total} tests pass.`];
  if (timedOut) lines.push('The run hit the time limit: look for an endless loop or a blocking call.');
  for (const f of failing) {
    const where =
      f.line !== null ? ` (${f.file === 'solution' ? 'your code' : 'tests'}, line ${f.line})` : '';
    lines.push(`  ✗ ${f.name}${where}${f.message ? `: ${f.message}` : ''}`);
  }
  if (results.length === 0 && !timedOut) lines.push('No test ran: the code failed before the tests started.');
  if (error) lines.push(error);
  return {
    correct,
    score,
    suggestedRating: suggestRating(score, correct),
    feedback: { kind: 'code', passed, total, failing, timedOut, error, summary: lines.join('\n') },
  };
}

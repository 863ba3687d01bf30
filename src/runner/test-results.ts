// Turns the harness's records (one JSON object per line) into a TestRunResult; shared by both backends.
import type { RunResult, TestCaseResult, TestRunResult } from '../engine/ports/code-runner.js';

export type HarnessRecord =
  | { kind: 'error'; message: string; line: number | null; file: 'tests' | 'solution' | null }
  | { kind: 'collected'; names: string[] }
  | {
      kind: 'test';
      name: string;
      passed: boolean;
      message: string;
      line: number | null;
      file: TestCaseResult['file'];
    }
  | { kind: 'done' }
  | { kind: 'memory' };

export const parseRecord = (json: string): HarnessRecord | null => {
  try {
    const r = JSON.parse(json) as HarnessRecord;
    return r && typeof r === 'object' && typeof r.kind === 'string' ? r : null;
  } catch {
    return null;
  }
};

/** Test names read from the source, used when collection itself failed. */
export const testNamesFromSource = (tests: string): string[] =>
  [...tests.matchAll(/^(?:async\s+)?def\s+(test\w*)\s*\(/gm)].map((m) => m[1]!);

const stopReason = (run: RunResult): string => {
  if (run.killedReason === 'time') return 'timed out';
  if (run.killedReason === 'cpu') return 'CPU time limit reached';
  if (run.killedReason === 'memory') return 'memory limit reached';
  if (run.killedReason === 'output') return 'output limit reached';
  if (run.killedReason === 'signal') return 'killed by a signal';
  return `the process exited (code ${run.exitCode}) before this test finished`;
};

export const toTestRunResult = (
  run: RunResult,
  records: HarnessRecord[],
  testsSrc: string,
): TestRunResult => {
  const byName = new Map<string, TestCaseResult>();
  let names: string[] | null = null;
  let error: string | null = null;
  let done = false;
  for (const r of records) {
    if (r.kind === 'error') {
      const where = r.line != null ? ` (${r.file ?? 'tests'} line ${r.line})` : '';
      error = r.message + where;
    } else if (r.kind === 'collected') names = r.names;
    else if (r.kind === 'test')
      byName.set(r.name, { name: r.name, passed: r.passed, message: r.message, line: r.line, file: r.file });
    else if (r.kind === 'done') done = true;
  }
  if (!names && !error) error = `could not collect the tests: ${stopReason(run)}`;
  const expected = names ?? testNamesFromSource(testsSrc);
  const tests = expected.map(
    (name): TestCaseResult =>
      byName.get(name) ?? {
        name,
        passed: false,
        message: error ?? stopReason(run),
        line: null,
        file: null,
      },
  );
  if (names && !done && !error) error = `the run stopped before the tests finished: ${stopReason(run)}`;
  if (names && names.length === 0 && !error) error = 'no test functions found (def test_…)';
  const passed = error === null && done && tests.length > 0 && tests.every((t) => t.passed);
  return { ...run, tests, error, passed };
};

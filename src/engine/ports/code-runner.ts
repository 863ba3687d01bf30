// The CodeRunner port: how the engine and app run Python without knowing which backend does it.

export type RunnerBackend = 'cpython' | 'pyodide';

/** Why a run was stopped by the sandbox (null when it ended on its own). */
export type KilledReason = 'time' | 'cpu' | 'memory' | 'output' | 'signal' | null;

export interface RunRequest {
  /** The program, run as `__main__` from `main.py`. */
  code: string;
  /** Extra files placed beside it, by relative path (no `..`). */
  files?: Record<string, string>;
  /** Wall-clock limit; default 5000. */
  timeoutMs?: number;
  /** Memory limit (address space for CPython, WASM heap for Pyodide); default 512. */
  memoryMb?: number;
  /** Combined stdout+stderr cap; default 64 KiB. */
  outputLimitBytes?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  timedOut: boolean;
  killedReason: KilledReason;
  durationMs: number;
  backend: RunnerBackend;
}

export interface TestRunRequest extends Omit<RunRequest, 'code'> {
  /** The user's code, importable as module `solution`. */
  solution: string;
  /** Python with `def test_…()` functions using plain `assert`. */
  tests: string;
}

export interface TestCaseResult {
  name: string;
  passed: boolean;
  /** The assertion or exception text; empty when passed. */
  message: string;
  /** The failing line, in the tests or solution file; null when passed or unknown. */
  line: number | null;
  /** Which file `line` points into. */
  file: 'tests' | 'solution' | null;
}

export interface TestRunResult extends RunResult {
  tests: TestCaseResult[];
  /** Set when the tests could not be collected (syntax error, import failure, early exit…). */
  error: string | null;
  /** True when every test ran and passed (and at least one test exists). */
  passed: boolean;
}

export interface CodeRunner {
  readonly backend: RunnerBackend;
  run(req: RunRequest): Promise<RunResult>;
  runTests(req: TestRunRequest): Promise<TestRunResult>;
  close(): Promise<void>;
}

// The runner's front door: build a CodeRunner for a backend, or pick one for this machine.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { CodeRunner, RunnerBackend } from '../engine/ports/code-runner.js';
import { CPythonRunner } from './cpython.js';
import { PyodideRunner } from './pyodide.js';

export { RequirementChecker } from './requirements.js';
export { CPythonRunner, PyodideRunner };

export interface RunnerOptions {
  /** CPython interpreter (default $PYPREP_PYTHON or python3). */
  python?: string;
  /** Pyodide: use the cached memory snapshot (default true). */
  snapshot?: boolean;
  warn?: (message: string) => void;
}

const onPath = (cmd: string): boolean =>
  cmd.includes('/')
    ? existsSync(cmd)
    : (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));

/** CPython when an interpreter exists, else Pyodide. */
export const defaultBackend = (python?: string): RunnerBackend =>
  onPath(python ?? process.env.PYPREP_PYTHON ?? 'python3') ? 'cpython' : 'pyodide';

export const createRunner = (backend: RunnerBackend, opts: RunnerOptions = {}): CodeRunner => {
  if (backend === 'pyodide') return new PyodideRunner(opts.snapshot === false ? { snapshot: false } : {});
  return new CPythonRunner({
    ...(opts.python ? { python: opts.python } : {}),
    ...(opts.warn ? { warn: opts.warn } : {}),
  });
};

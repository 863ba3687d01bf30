// The runner for graded code: CPython when an interpreter exists (PYPREP_PYTHON or python3), else Pyodide.
import type { CodeRunner } from '../engine/ports/code-runner.js';
import { createRunner, defaultBackend } from '../runner/index.js';

export function createDefaultRunner(): CodeRunner {
  return createRunner(defaultBackend());
}

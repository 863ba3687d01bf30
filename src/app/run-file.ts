// Use-case: run one Python file on a chosen (or the default) backend.
import { readFileSync } from 'node:fs';
import type { RunnerBackend, RunResult } from '../engine/ports/code-runner.js';
import { createRunner, defaultBackend } from '../runner/index.js';

export interface RunFileOptions {
  backend?: RunnerBackend;
  timeoutMs?: number;
  python?: string;
}

export async function runFile(path: string, opts: RunFileOptions = {}): Promise<RunResult> {
  const code = readFileSync(path, 'utf8');
  const backend = opts.backend ?? defaultBackend(opts.python);
  const runner = createRunner(backend, opts.python ? { python: opts.python } : {});
  try {
    return await runner.run({ code, ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) });
  } finally {
    await runner.close();
  }
}

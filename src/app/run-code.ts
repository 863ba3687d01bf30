// Running a snippet of Python for a face (the server's /api/run): the context's runner, or another backend on request.
import { z } from 'zod';
import type { CodeRunner, RunnerBackend, RunResult } from '../engine/ports/code-runner.js';
import type { AppContext } from './context.js';
import { AppError } from './errors.js';

export const runCodeInputSchema = z.strictObject({
  code: z.string().max(100_000, 'code holds 100,000 characters at most'),
  backend: z.enum(['cpython', 'pyodide']).optional(),
  timeoutMs: z.number().int().min(100).max(10_000).optional(),
});
export type RunCodeInput = z.input<typeof runCodeInputSchema>;

export interface CodeRunService {
  run(raw: unknown): Promise<RunResult>;
  close(): Promise<void>;
}

/** Runs on the context's runner unless another backend is asked for; those runners start on first use. */
export function createCodeRunService(ctx: AppContext): CodeRunService {
  const others = new Map<RunnerBackend, CodeRunner>();
  async function runnerFor(backend: RunnerBackend | undefined): Promise<CodeRunner> {
    const main = await ctx.runner();
    if (!backend || backend === main.backend) return main;
    let other = others.get(backend);
    if (!other) {
      const { createRunner } = await import('../runner/index.js');
      other = createRunner(backend);
      others.set(backend, other);
    }
    return other;
  }
  return {
    async run(raw) {
      const parsed = runCodeInputSchema.safeParse(raw);
      if (!parsed.success)
        throw new AppError('bad-input', z.prettifyError(parsed.error), parsed.error.issues);
      const { code, backend, timeoutMs } = parsed.data;
      try {
        const runner = await runnerFor(backend);
        const r = await runner.run({ code, timeoutMs: timeoutMs ?? 5000 });
        const { stdout, stderr, exitCode, timedOut, killedReason, durationMs } = r;
        return { backend: r.backend, stdout, stderr, exitCode, timedOut, killedReason, durationMs };
      } catch (err) {
        if (err instanceof AppError) throw err;
        const message = err instanceof Error ? err.message : String(err);
        throw new AppError('unavailable', `the ${backend ?? 'default'} Python runner failed: ${message}`);
      }
    },
    async close() {
      await Promise.all([...others.values()].map((r) => r.close()));
      others.clear();
    },
  };
}

// `pyprep run FILE`: run a Python file in the sandbox and show what it printed.
import type { Command } from 'commander';
import pc from 'picocolors';
import { CliError, printJson } from '../output.js';

export function register(program: Command): void {
  program
    .command('run')
    .description('run a Python file in the sandbox (CPython, or Pyodide when there is no python3)')
    .argument('<file>', 'the Python file')
    .option('--backend <name>', 'cpython or pyodide')
    .option('--timeout-ms <n>', 'wall-clock limit in milliseconds', '5000')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { backend?: string; timeoutMs: string; json?: boolean }) => {
      if (opts.backend && opts.backend !== 'cpython' && opts.backend !== 'pyodide')
        throw new CliError(`--backend must be cpython or pyodide, not ${opts.backend}`, 2);
      const timeoutMs = Number.parseInt(opts.timeoutMs, 10);
      if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
        throw new CliError('--timeout-ms must be a positive number', 2);
      const { runFile } = await import('../../app/run-file.js');
      const r = await runFile(file, {
        timeoutMs,
        ...(opts.backend ? { backend: opts.backend as 'cpython' | 'pyodide' } : {}),
      });
      if (opts.json) {
        const { backend, stdout, stderr, exitCode, timedOut, killedReason, durationMs } = r;
        printJson({ backend, stdout, stderr, exitCode, timedOut, killedReason, durationMs });
      } else {
        process.stdout.write(r.stdout);
        process.stderr.write(r.stderr);
        const status = r.killedReason ? pc.red(`stopped (${r.killedReason})`) : `exit ${r.exitCode}`;
        process.stderr.write(pc.dim(`[${r.backend}, ${r.durationMs} ms, ${status}]\n`));
      }
      process.exitCode = r.exitCode === 0 && !r.killedReason ? 0 : 1;
    });
}

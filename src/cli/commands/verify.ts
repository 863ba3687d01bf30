// `pyprep verify`: run every piece of code in the bank (predict output, code tests, runnable note blocks).
import type { Command } from 'commander';
import pc from 'picocolors';
import { printJson } from '../output.js';

const bar = (done: number, total: number, width = 30): string => {
  const filled = total ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
};

export function register(program: Command): void {
  program
    .command('verify')
    .description('run all code in the bank and check outputs and tests')
    .option('--section <id>', 'only this section')
    .option('--topic <id>', 'only this topic')
    .option('--python <path>', 'CPython interpreter to use (default $PYPREP_PYTHON or python3)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { section?: string; topic?: string; python?: string; json?: boolean }) => {
      const [{ getBank }, { verifyBank }] = await Promise.all([
        import('../../app/bank-source.js'),
        import('../../app/verify.js'),
      ]);
      const bank = await getBank();
      const tty = process.stderr.isTTY && !opts.json;
      const result = await verifyBank(bank, {
        ...(opts.section ? { section: opts.section } : {}),
        ...(opts.topic ? { topic: opts.topic } : {}),
        ...(opts.python ? { python: opts.python } : {}),
        onProgress: (done, total) => {
          if (tty) process.stderr.write(`\r${pc.dim(bar(done, total))}`);
        },
      });
      if (tty) process.stderr.write('\n');
      process.exitCode = result.failed.length ? 1 : 0;
      if (opts.json) return printJson(result);
      for (const f of result.failed)
        process.stdout.write(`${pc.red('FAIL')} ${pc.bold(f.id)}\n  ${f.reason.replace(/\n/g, '\n  ')}\n`);
      for (const s of result.skipped) process.stdout.write(`${pc.yellow('SKIP')} ${s.id}: ${s.reason}\n`);
      const summary = `${result.checked} checked on ${result.backend}: ${result.passed} passed, ${result.failed.length} failed, ${result.skipped.length} skipped`;
      process.stdout.write(`\n${result.failed.length ? pc.red(summary) : pc.green(summary)}\n`);
    });
}

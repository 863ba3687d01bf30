// The pyprep CLI: parses arguments and hands each command to its module; commands call src/app only.
import { Command } from 'commander';
import { register as registerBank } from './commands/bank.js';
import { register as registerData } from './commands/data.js';
import { register as registerMock } from './commands/mock.js';
import { register as registerPractice } from './commands/practice.js';
import { register as registerProgress } from './commands/progress.js';
import { register as registerRun } from './commands/run.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerStudy } from './commands/study.js';
import { register as registerSyllabus } from './commands/syllabus.js';
import { register as registerVerify } from './commands/verify.js';
import { reportError } from './output.js';

declare const PYPREP_VERSION: string;

// A closed pipe (`pyprep syllabus | head`) is a normal end, not a crash.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

function buildProgram(): Command {
  const program = new Command()
    .name('pyprep')
    .description('Local-first trainer for Python backend interviews')
    .version(typeof PYPREP_VERSION === 'string' ? PYPREP_VERSION : '0.0.0-dev', '-V, --version')
    .option(
      '--db <path|url>',
      'SQLite file or postgres:// URL (default: PYPREP_DB, DATABASE_URL, then your data dir)',
    )
    .showHelpAfterError()
    .configureOutput({ outputError: (str, write) => write(str) });
  for (const register of [
    registerSyllabus,
    registerBank,
    registerStudy,
    registerPractice,
    registerMock,
    registerProgress,
    registerData,
    registerRun,
    registerServe,
    registerVerify,
  ]) {
    register(program);
  }
  return program;
}

try {
  let argv = process.argv.slice(2);
  if (argv.length === 0 && process.stdin.isTTY && process.stdout.isTTY) {
    const { menu } = await import('./menu.js');
    argv = (await menu()) ?? [];
    if (argv.length === 0) process.exit(0);
  }
  const program = buildProgram();
  if (argv.length === 0) program.help();
  await program.parseAsync(argv, { from: 'user' });
} catch (err) {
  process.exitCode = reportError(err);
}

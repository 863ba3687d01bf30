// The pyprep CLI: parses arguments and hands each command to its module; commands call src/app only.
import { Command } from 'commander';
import { register as registerBank } from './commands/bank.js';
import { register as registerRun } from './commands/run.js';
import { register as registerSyllabus } from './commands/syllabus.js';
import { register as registerVerify } from './commands/verify.js';
import { reportError } from './output.js';

declare const PYPREP_VERSION: string;

// A closed pipe (`pyprep syllabus | head`) is a normal end, not a crash.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command()
  .name('pyprep')
  .description('Local-first trainer for Python backend interviews')
  .version(typeof PYPREP_VERSION === 'string' ? PYPREP_VERSION : '0.0.0-dev', '-V, --version')
  .showHelpAfterError()
  .configureOutput({ outputError: (str, write) => write(str) });

registerSyllabus(program);
registerBank(program);
registerRun(program);
registerVerify(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = reportError(err);
}

// CLI start-up and bank compile time, each against a baseline from the same run.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compileBank } from '../src/content/compile.js';
import { findContentDir, readContentFiles } from '../src/content/load.js';
import { type Figure, figure, time } from './figure.js';

const bin = fileURLToPath(new URL('../bin/pyprep.js', import.meta.url));
const node = (args: string[]) => () => {
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
};

export async function cliBench(): Promise<Figure[]> {
  const bare = await time(node(['-e', '0']), 21);
  const version = await time(node([bin, '--version']), 21);
  const syllabus = await time(node([bin, 'syllabus', '--json']), 21);
  const dir = findContentDir();
  const read = await time(() => readContentFiles(dir), 9);
  const compile = await time(() => compileBank(readContentFiles(dir)), 9);
  return [
    figure('pyprep --version (wall)', version, 'ms', 'node -e 0', bare, 2),
    figure('pyprep syllabus --json (wall)', syllabus, 'ms', 'node -e 0', bare, 2),
    figure(
      'bank compile (read + validate + render)',
      compile,
      'ms',
      'reading the content files only',
      read,
      null,
    ),
  ];
}

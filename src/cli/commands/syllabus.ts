// `pyprep syllabus`: the 13 sections and their topics.
import type { Command } from 'commander';
import pc from 'picocolors';
import { getSyllabus } from '../../app/bank-source.js';
import { syllabusView } from '../../app/catalog.js';
import { printJson } from '../output.js';

export function register(program: Command): void {
  program
    .command('syllabus')
    .description('list the sections and topics of the syllabus')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const view = syllabusView(await getSyllabus());
      if (opts.json) return printJson(view);
      const dots = (w: number): string => pc.yellow('●'.repeat(w)) + pc.dim('○'.repeat(3 - w));
      for (const s of view.sections) {
        process.stdout.write(
          `\n${pc.bold(`${s.number}. ${s.title}`)} ${pc.dim(`(${s.topics.length} topics)`)}\n`,
        );
        for (const t of s.topics) process.stdout.write(`  ${dots(t.weight)}  ${t.title} ${pc.dim(t.id)}\n`);
      }
      const total = view.sections.reduce((n, s) => n + s.topics.length, 0);
      process.stdout.write(
        `\n${total} topics. ${pc.yellow('●●●')} asked almost always … ${pc.yellow('●')}${pc.dim('○○')} rarely.\n`,
      );
    });
}

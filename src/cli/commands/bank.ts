// `pyprep bank`: what the question bank holds, per topic.
import type { Command } from 'commander';
import pc from 'picocolors';
import { getBank } from '../../app/bank-source.js';
import { bankView } from '../../app/catalog.js';
import { printJson } from '../output.js';

export function register(program: Command): void {
  program
    .command('bank')
    .description('show the authored topics and their questions')
    .option('--json', 'print JSON (notes, questions, answers)')
    .option('--section <id>', 'only this section')
    .option('--topic <id>', 'only this topic')
    .action(async (opts: { json?: boolean; section?: string; topic?: string }) => {
      const bank = await getBank();
      const filter: { section?: string; topic?: string } = {};
      if (opts.section) filter.section = opts.section;
      if (opts.topic) filter.topic = opts.topic;
      const view = bankView(bank, filter);
      if (opts.json) return printJson(view);
      const total = bank.syllabus.sections.reduce((n, s) => n + s.topics.length, 0);
      for (const t of view.topics) {
        const byType = new Map<string, number>();
        for (const q of t.questions) byType.set(String(q.type), (byType.get(String(q.type)) ?? 0) + 1);
        const types = [...byType].map(([k, v]) => `${v} ${k}`).join(', ');
        process.stdout.write(
          `${pc.bold(t.title)} ${pc.dim(`${t.section}/${t.id}`)}  ${t.questions.length} questions (${types})\n`,
        );
      }
      const qs = view.topics.reduce((n, t) => n + t.questions.length, 0);
      process.stdout.write(`\n${view.topics.length} of ${total} topics authored, ${qs} questions.\n`);
    });
}

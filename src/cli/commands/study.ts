// `pyprep study`, `notes`, `search`: reading the material and the user's own notes.
import type { Command } from 'commander';
import pc from 'picocolors';
import { CliError, printJson } from '../output.js';
import { withApp } from '../session.js';
import { Terminal } from '../terminal.js';
import { renderTerminalMarkdown } from '../terminal-markdown.js';

export function register(program: Command): void {
  program
    .command('study')
    .description(
      'read the study note of a topic (without a topic: the next one to learn from your plan order)',
    )
    .argument('[topic]', 'topic id (see `pyprep syllabus`)')
    .option('--json', 'print JSON')
    .action(async (topic: string | undefined, opts: { json?: boolean }, cmd: Command) =>
      withApp(cmd, async (s) => {
        const id = topic ?? (await s.call('study/next')).topic;
        const page = await s.call('study/get', { topic: id });
        if (opts.json) return printJson(page);
        const t = page.topic;
        process.stdout.write(
          `${pc.bold(pc.underline(t.title))}  ${pc.dim(`${t.sectionTitle} · ${'●'.repeat(t.weight)}`)}\n`,
        );
        process.stdout.write(
          page.noteMarkdown
            ? `${renderTerminalMarkdown(page.noteMarkdown)}\n`
            : pc.yellow('\nNo note is written for this topic yet.\n'),
        );
        if (page.userNote)
          process.stdout.write(`\n${pc.bold('Your notes')}\n${renderTerminalMarkdown(page.userNote)}\n`);
        const n = page.questions.length;
        process.stdout.write(
          pc.dim(
            `\n${n} question${n === 1 ? '' : 's'}: \`pyprep quiz --topic ${t.id}\`. Related: ${t.related.join(', ') || '—'}\n`,
          ),
        );
      }),
    );

  program
    .command('notes')
    .description('show or write your own notes on a topic')
    .argument('<topic>', 'topic id')
    .option('--set <text>', 'replace the note with this text ("" deletes it)')
    .option('--edit', 'write the note (in $EDITOR when set, else from standard input)')
    .option('--json', 'print JSON')
    .action(async (topic: string, opts: { set?: string; edit?: boolean; json?: boolean }, cmd: Command) =>
      withApp(cmd, async (s) => {
        let body = opts.set;
        if (opts.edit) {
          const current = await s.call('notes/get', { topic });
          const term = new Terminal();
          try {
            body = (await term.longText(`Your notes on ${topic}`, current.body)) ?? current.body;
          } finally {
            term.close();
          }
        }
        const note =
          body === undefined
            ? await s.call('notes/get', { topic })
            : await s.call('notes/save', { topic, body });
        if (opts.json) return printJson(note);
        process.stdout.write(
          note.body
            ? `${renderTerminalMarkdown(note.body)}\n`
            : pc.dim(`No notes on ${topic} yet: \`pyprep notes ${topic} --edit\`.\n`),
        );
      }),
    );

  program
    .command('search')
    .description('search topics, notes and questions')
    .argument('<query...>', 'words to look for, e.g. "why is my list view slow"')
    .option('--limit <n>', 'at most this many results', (v) => Number(v), 10)
    .option('--json', 'print JSON')
    .action(async (words: string[], opts: { limit: number; json?: boolean }, cmd: Command) =>
      withApp(cmd, async (s) => {
        if (!Number.isInteger(opts.limit) || opts.limit < 1)
          throw new CliError('--limit must be a whole number ≥ 1', 2);
        const found = await s.call('search', { query: words.join(' '), limit: opts.limit });
        if (opts.json) return printJson(found);
        if (found.results.length === 0) return void process.stdout.write('No match.\n');
        for (const r of found.results) {
          const kind = r.kind === 'topic' ? pc.cyan('topic   ') : pc.magenta('question');
          process.stdout.write(
            `${kind} ${pc.bold(r.title)} ${pc.dim(r.kind === 'topic' ? r.id : `${r.topic} · ${r.id}`)}\n`,
          );
        }
      }),
    );
}

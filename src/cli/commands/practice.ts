// `pyprep review`, `quiz`, `next`, `answer`: the practice loop, interactive and scriptable.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import { CliError, printJson } from '../output.js';
import { askQuestion } from '../practice.js';
import { withApp } from '../session.js';
import { Terminal } from '../terminal.js';
import { renderTerminalMarkdown } from '../terminal-markdown.js';

const int = (name: string, min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(`${name} must be a whole number from ${min} to ${max}`, 2);
  return n;
};

export function register(program: Command): void {
  program
    .command('review')
    .description('review due cards, then new ones (FSRS); rate each 1-4')
    .option('-n, --limit <n>', 'stop after this many cards', int('--limit', 1, 10_000))
    .action(async (opts: { limit?: number }, cmd: Command) =>
      withApp(cmd, async (s) => {
        const term = new Terminal();
        let done = 0;
        const skipped: string[] = [];
        try {
          while (opts.limit === undefined || done < opts.limit) {
            const next = await s.call('review/next', { exclude: skipped });
            if (!next) {
              process.stdout.write(
                pc.green('\nNothing due. New cards for today are done too: come back tomorrow.\n'),
              );
              break;
            }
            const header = `${next.kind === 'due' ? 'due' : 'new'} · ${next.dueCount} due · ${next.newRemaining} new left`;
            const r = await askQuestion(s, term, next, header, 'review');
            if (r === 'quit') break;
            if (r === 'answered') done++;
            if (r === 'skipped') skipped.push(next.id);
          }
        } finally {
          term.close();
        }
        process.stdout.write(pc.dim(`\n${done} reviewed.\n`));
      }),
    );

  program
    .command('quiz')
    .description('a quiz of questions picked by filters, outside the review schedule (answers still count)')
    .option('--section <id>', 'only this section')
    .option('--topic <id>', 'only this topic')
    .option('--type <type>', 'open, choice, predict, code or design')
    .option('--difficulty <n>', '1, 2 or 3', int('--difficulty', 1, 3))
    .option('-n <n>', 'number of questions', int('-n', 1, 200), 10)
    .option('--json', 'print the quiz as JSON (no answers) instead of asking')
    .action(
      async (
        opts: {
          section?: string;
          topic?: string;
          type?: string;
          difficulty?: number;
          n: number;
          json?: boolean;
        },
        cmd: Command,
      ) =>
        withApp(cmd, async (s) => {
          const { json, ...filter } = opts;
          const quiz = await s.call('quiz/start', filter);
          if (json) return printJson(quiz);
          if (quiz.questions.length === 0) throw new CliError('no question matches those filters', 3);
          const term = new Terminal();
          try {
            for (const [i, q] of quiz.questions.entries()) {
              const r = await askQuestion(
                s,
                term,
                q,
                `question ${i + 1} of ${quiz.questions.length}`,
                'quiz',
              );
              if (r === 'quit') break;
            }
          } finally {
            term.close();
          }
        }),
    );

  program
    .command('next')
    .description('the next card to review (no answer in it)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      withApp(cmd, async (s) => {
        const next = await s.call('review/next');
        if (opts.json) {
          if (!next) return printJson(null);
          const { id, topic, type, difficulty, prompt, code, options, starter } = next;
          return printJson({
            id,
            topic,
            type,
            difficulty,
            prompt,
            code,
            options: options?.map((o) => o.text),
            starter,
          });
        }
        if (!next) return void process.stdout.write('Nothing due and no new cards left today.\n');
        process.stdout.write(
          `${pc.bold(next.id)} ${pc.dim(`(${next.type}, ${next.topic})`)}\n\n${renderTerminalMarkdown(next.prompt)}\n`,
        );
        if (next.code) process.stdout.write(`\n${next.code}\n`);
        next.options?.forEach((o, i) => {
          process.stdout.write(`  ${i + 1}) ${o.text}\n`);
        });
      }),
    );

  program
    .command('answer')
    .description('grade an answer to a question and record the review')
    .argument('<id>', 'the question id')
    .option('--answer-file <file>', 'the answer (text, output or code); "-" reads standard input')
    .option('--choice <n>', 'option number(s) for a choice question, e.g. 2 or 1,3')
    .option('--rating <n>', 'your rating 1-4 instead of the suggested one', int('--rating', 1, 4))
    .option('--json', 'print JSON')
    .action(
      async (
        id: string,
        opts: { answerFile?: string; choice?: string; rating?: number; json?: boolean },
        cmd: Command,
      ) =>
        withApp(cmd, async (s) => {
          const answer = readAnswer(opts);
          const r = await s.call('review/answer', {
            id,
            answer,
            ...(opts.rating ? { rating: opts.rating } : {}),
          });
          if (opts.json) {
            const { id: qid, correct, score, suggestedRating, rating, feedback, nextDue } = r;
            return printJson({ id: qid, correct, score, suggestedRating, rating, feedback, nextDue });
          }
          process.stdout.write(
            `${r.correct ? pc.green('correct') : pc.red('not correct')} · score ${Math.round(r.score * 100)}% · rated ${r.rating} (suggested ${r.suggestedRating}) · next due ${r.nextDue}\n`,
          );
          process.stdout.write(`${r.feedback.summary}\n`);
        }),
    );
}

function readAnswer(opts: { answerFile?: string; choice?: string }): { choice: number[] } | { text: string } {
  if (opts.choice !== undefined && opts.answerFile !== undefined)
    throw new CliError('give --choice or --answer-file, not both', 2);
  if (opts.choice !== undefined) {
    const picks = opts.choice.split(',').map((s) => Number(s.trim()));
    if (!picks.every((n) => Number.isInteger(n) && n >= 1))
      throw new CliError('--choice takes option numbers from 1, e.g. 2 or 1,3', 2);
    return { choice: picks.map((n) => n - 1) };
  }
  const file = opts.answerFile ?? (process.stdin.isTTY ? undefined : '-');
  if (file === undefined)
    throw new CliError('give --choice N, --answer-file FILE, or pipe the answer on standard input', 2);
  try {
    return { text: readFileSync(file === '-' ? 0 : file, 'utf8') };
  } catch (err) {
    throw new CliError(`cannot read the answer file "${file}": ${(err as Error).message}`, 2);
  }
}

// `pyprep mock`: a timed mock interview from a blueprint, ending on a scorecard (interactive or scripted).
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { MockView } from '../../app/use-cases/mock.js';
import type { Scorecard } from '../../engine/mock/scorecard.js';
import { CliError, printJson } from '../output.js';
import { collect } from '../practice.js';
import { type Session, withApp } from '../session.js';
import { Terminal } from '../terminal.js';
import { renderTerminalMarkdown } from '../terminal-markdown.js';

interface MockOpts {
  list?: boolean;
  blueprint?: string;
  seed?: number;
  answers?: string;
  json?: boolean;
  reports?: boolean;
  report?: string;
  markdown?: string;
  html?: string;
}

export function register(program: Command): void {
  program
    .command('mock')
    .description('sit a timed mock interview and get a scorecard (see --list for the formats)')
    .option('--list', 'list the interview formats (blueprints)')
    .option('--blueprint <id>', 'which format', 'backend-mid-45')
    .option('--seed <n>', 'make the question choice repeatable', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new CliError('--seed must be a whole number ≥ 0', 2);
      return n;
    })
    .option(
      '--answers <file>',
      'answer from a file, one answer per line ("skip" skips; a line starting with " is a JSON string)',
    )
    .option('--json', 'print JSON')
    .option('--reports', 'list earlier scorecards')
    .option('--report <id>', 'show an earlier scorecard')
    .option('--markdown <file>', 'with --report: write it as Markdown')
    .option('--html <file>', 'with --report: write it as one self-contained HTML file')
    .action(async (opts: MockOpts, cmd: Command) =>
      withApp(cmd, async (s) => {
        if (opts.list) return listFormats(s, opts.json);
        if (opts.reports) return listReports(s, opts.json);
        if (opts.report) return showReport(s, opts);
        const start = await s.call('mock/start', {
          blueprint: opts.blueprint,
          ...(opts.seed === undefined ? {} : { seed: opts.seed }),
        });
        const end = opts.answers
          ? await scripted(s, start, readAnswers(opts.answers))
          : await interactive(s, start);
        if (!end.scorecard) return;
        if (opts.json) return printJson(end.scorecard);
        printScorecard(end.scorecard);
        process.stdout.write(
          pc.dim(
            `\nSaved as report ${end.reportId}: \`pyprep mock --report ${end.reportId} --html scorecard.html\`\n`,
          ),
        );
      }),
    );
}

async function listFormats(s: Session, json?: boolean): Promise<void> {
  const { blueprints } = await s.call('mock/list');
  if (json)
    return printJson({ blueprints: blueprints.map(({ id, title, minutes }) => ({ id, title, minutes })) });
  for (const b of blueprints) {
    process.stdout.write(`${pc.bold(b.id)}  ${b.title} ${pc.dim(`(${b.minutes} min)`)}\n`);
    for (const st of b.stages)
      process.stdout.write(pc.dim(`    ${String(st.minutes).padStart(2)} min  ${st.title}\n`));
  }
}

async function listReports(s: Session, json?: boolean): Promise<void> {
  const r = await s.call('reports/list');
  if (json) return printJson(r);
  if (r.reports.length === 0) return void process.stdout.write('No mock interviews yet: `pyprep mock`.\n');
  for (const x of r.reports)
    process.stdout.write(
      `${x.createdAt.slice(0, 16).replace('T', ' ')}  ${pc.bold(x.signal.padEnd(11))} ${String(Math.round(x.overall * 100)).padStart(3)}%  ${x.title} ${pc.dim(x.id)}\n`,
    );
}

async function showReport(s: Session, opts: MockOpts): Promise<void> {
  const r = await s.call('reports/get', { id: opts.report });
  const { scorecardHtml, scorecardMarkdown } = await import('../../app/scorecard-render.js');
  if (opts.markdown) writeFileSync(opts.markdown, scorecardMarkdown(r.scorecard, r.createdAt));
  if (opts.html) writeFileSync(opts.html, scorecardHtml(r.scorecard, r.createdAt));
  if (opts.json) return printJson(r.scorecard);
  if (!opts.markdown && !opts.html) printScorecard(r.scorecard);
}

export function readAnswers(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read the answers file "${file}": ${(err as Error).message}`, 2);
  }
  return text.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
}

function toAnswer(line: string, type: string): { choice: number[] } | { text: string } | 'skip' {
  const t = line.trim();
  if (t === 'skip') return 'skip';
  if (type === 'choice') {
    const picks = t
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (picks.length === 0 || !picks.every((n) => Number.isInteger(n) && n >= 1)) return 'skip';
    return { choice: picks.map((n) => n - 1) };
  }
  if (t.startsWith('"')) {
    try {
      return { text: String(JSON.parse(t)) };
    } catch {
      throw new CliError(`this answer line starts with " but is not a JSON string: ${t.slice(0, 60)}`, 2);
    }
  }
  return { text: line };
}

/** Answers from a file, in order; when the file runs out, the remaining questions are skipped. */
async function scripted(s: Session, start: MockView, lines: string[]): Promise<MockView> {
  let v = start;
  let i = 0;
  while (v.step) {
    const line = lines[i++];
    const a = line === undefined ? 'skip' : toAnswer(line, v.step.question.type);
    const r = await s.call('mock/answer', {
      sessionId: v.sessionId,
      id: v.step.question.id,
      ...(a === 'skip' ? { skip: true } : { answer: a }),
    });
    v = r.view;
  }
  return v;
}

async function interactive(s: Session, start: MockView): Promise<MockView> {
  const term = new Terminal();
  let v = start;
  process.stdout.write(
    `${pc.bold(v.blueprint.title)} — ${v.blueprint.minutes} minutes. No feedback until the end, as in a real interview.\n`,
  );
  try {
    let lastStage = '';
    while (v.step) {
      const st = v.step.stage;
      if (st.id !== lastStage) {
        process.stdout.write(
          `\n${pc.bold(pc.cyan(`Stage ${st.index}/${st.of}: ${st.title}`))} ${pc.dim(`(${st.minutes} min)`)}\n`,
        );
        lastStage = st.id;
      }
      const label = v.step.kind === 'main' ? 'Question' : 'Follow-up';
      process.stdout.write(
        `\n${pc.dim(`${label} · ${mmss(v.secondsLeft)} left · stage ${mmss(v.stageSecondsLeft)} left`)}\n${renderTerminalMarkdown(v.step.question.prompt)}\n`,
      );
      const q = v.step.question;
      if (q.code) process.stdout.write(`\n${renderTerminalMarkdown(`\`\`\`python\n${q.code}\`\`\``)}\n`);
      q.options?.forEach((o, i) => {
        process.stdout.write(`  ${pc.bold(String(i + 1))}) ${o.text}\n`);
      });
      const a = await collect(term, { ...q, difficulty: 0 });
      if (a === 'quit') {
        process.stdout.write(
          pc.yellow('\nLeaving the interview: the remaining questions count as skipped.\n'),
        );
        while (v.step)
          v = (await s.call('mock/answer', { sessionId: v.sessionId, id: v.step.question.id, skip: true }))
            .view;
        break;
      }
      const r = await s.call('mock/answer', {
        sessionId: v.sessionId,
        id: q.id,
        ...(a === 'skip' ? { skip: true } : { answer: a }),
      });
      v = r.view;
      if (!v.step && v.scorecard?.endReason === 'time') process.stdout.write(pc.yellow('\nTime is up.\n'));
    }
  } finally {
    term.close();
  }
  return v;
}

const mmss = (secs: number): string => `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
const pct = (x: number | null): string =>
  x === null ? '  —' : `${String(Math.round(x * 100)).padStart(3)}%`;

export function printScorecard(c: Scorecard): void {
  process.stdout.write(
    `\n${pc.bold(`Scorecard — ${c.title}`)}\n${pc.bold('Signal:')} ${c.signal}   ${pc.bold('Overall:')} ${pct(c.overall).trim()}${c.endReason === 'time' ? pc.yellow('  (time ran out)') : ''}\n\n`,
  );
  for (const st of Object.values(c.stages))
    process.stdout.write(
      `  ${st.reached ? pct(st.score) : pc.dim('  —')}  ${st.title} ${pc.dim(`${mmss(st.seconds)} of ${st.minutes}:00`)}\n`,
    );
  process.stdout.write('\n');
  for (const q of c.questions) {
    process.stdout.write(
      `  ${pct(q.score)}  ${q.topic} ${pc.dim(`(${q.kind}, ${mmss(q.seconds)} of ${mmss(q.budgetSeconds)})`)}\n`,
    );
    for (const m of q.missed) process.stdout.write(pc.red(`          ✗ ${m}\n`));
  }
  process.stdout.write(`\n${pc.bold('Study next:')} ${c.studyNext.map((t) => t.id).join(', ')}\n`);
  if (c.trend.length)
    process.stdout.write(
      `${pc.bold('Trend:')} ${c.trend.map((t) => pct(t.overall).trim()).join(' → ')} → ${pct(c.overall).trim()}\n`,
    );
}

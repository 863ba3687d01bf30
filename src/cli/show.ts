// How questions and grading feedback look in the terminal.
import pc from 'picocolors';
import type { PublicQuestion } from '../app/question-view.js';
import type { Feedback } from '../engine/grading/types.js';
import { renderTerminalMarkdown } from './terminal-markdown.js';

export const RATING_NAMES = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;

export function showQuestion(q: PublicQuestion, header: string): void {
  process.stdout.write(`\n${pc.dim(header)}  ${pc.bold(q.type)} ${pc.dim(`· ${q.topic}`)}\n\n`);
  process.stdout.write(`${renderTerminalMarkdown(q.prompt)}\n`);
  if (q.code) process.stdout.write(`\n${renderTerminalMarkdown(`\`\`\`python\n${q.code}\`\`\``)}\n`);
  if (q.options) {
    process.stdout.write('\n');
    q.options.forEach((o, i) => {
      process.stdout.write(`  ${pc.bold(String(i + 1))}) ${o.text}\n`);
    });
    if ((q.correctCount ?? 1) > 1)
      process.stdout.write(pc.dim('  (several are correct: give them all, e.g. 1,3)\n'));
  }
}

export function showFeedback(f: Feedback, correct: boolean, score: number): void {
  const head = correct
    ? pc.green('✓ correct')
    : score > 0
      ? pc.yellow(`◐ partly (${Math.round(score * 100)}%)`)
      : pc.red('✗ not yet');
  process.stdout.write(`\n${head}\n`);
  switch (f.kind) {
    case 'rubric':
      for (const p of f.points) {
        process.stdout.write(
          p.covered
            ? `  ${pc.green('✓')} ${p.text} ${pc.dim(`— you said "${p.quote}"`)}\n`
            : `  ${pc.red('✗')} ${p.text}\n`,
        );
      }
      break;
    case 'predict':
      if (!correct) {
        for (const d of f.diff) {
          const line = `  ${d.op} ${d.text}`;
          process.stdout.write(
            `${d.op === '-' ? pc.green(line) : d.op === '+' ? pc.red(line) : pc.dim(line)}\n`,
          );
        }
        process.stdout.write(pc.dim('  (- expected, + yours)\n'));
      }
      break;
    case 'code':
      process.stdout.write(
        `  ${f.passed}/${f.total} tests pass${f.timedOut ? pc.red(' (timed out)') : ''}\n`,
      );
      for (const t of f.failing) {
        process.stdout.write(
          `  ${pc.red('✗')} ${t.name}${t.line ? pc.dim(` (line ${t.line})`) : ''}: ${t.message}\n`,
        );
      }
      if (f.error) process.stdout.write(pc.red(`  ${f.error.split('\n').join('\n  ')}\n`));
      break;
    case 'choice':
      for (const w of f.wrongPicks)
        process.stdout.write(`  ${pc.red('✗')} ${w.index + 1}) ${w.text}\n     ${pc.dim(w.why)}\n`);
      for (const m of f.missed)
        process.stdout.write(`  ${pc.green('→')} ${m.index + 1}) ${m.text}\n     ${pc.dim(m.why)}\n`);
      break;
  }
}

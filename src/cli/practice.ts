// One question asked in the terminal: collect the answer, grade it, show feedback, let the user rate it.
import pc from 'picocolors';
import type { PublicQuestion } from '../app/question-view.js';
import type { Session } from './session.js';
import { RATING_NAMES, showFeedback, showQuestion } from './show.js';
import type { Terminal } from './terminal.js';

export type Asked = 'answered' | 'skipped' | 'quit';

export async function askQuestion(
  s: Session,
  term: Terminal,
  q: PublicQuestion,
  header: string,
  source: 'review' | 'quiz',
): Promise<Asked> {
  showQuestion(q, header);
  const started = s.ctx.clock.now().getTime();
  const answer = await collect(term, q);
  if (answer === 'quit') return 'quit';
  if (answer === 'skip') return 'skipped';
  const graded = await s.call('review/grade', { id: q.id, answer, source });
  showFeedback(graded.feedback, graded.correct, graded.score);
  process.stdout.write(`\n${pc.bold('Answer')}\n${graded.answer.trim()}\n`);
  const suggested = graded.suggestedRating;
  const choice = await term.key(
    `\nRate: ${[1, 2, 3, 4].map((r) => `${r} ${RATING_NAMES[r as 1]}`).join('  ')}  ${pc.dim(`(Enter = ${suggested} ${RATING_NAMES[suggested]})`)} `,
    ['1', '2', '3', '4', 'enter', 'q'],
  );
  if (choice === null || choice === 'q') return 'quit';
  const rating = choice === 'enter' ? suggested : Number(choice);
  const recorded = await s.call('review/record', {
    id: q.id,
    rating,
    score: graded.score,
    suggestedRating: suggested,
    answerText: graded.answerText,
    feedback: graded.feedback,
    durationMs: Math.max(0, s.ctx.clock.now().getTime() - started),
    source,
  });
  process.stdout.write(pc.dim(`Saved. Next due ${new Date(recorded.nextDue).toLocaleString()}.\n`));
  return 'answered';
}

export type Collected = { choice: number[] } | { text: string } | 'skip' | 'quit';

export async function collect(term: Terminal, q: PublicQuestion): Promise<Collected> {
  if (q.type === 'choice') {
    for (;;) {
      const l = await term.line(
        `\nYour choice (number${(q.correctCount ?? 1) > 1 ? 's' : ''}, s to skip, q to quit): `,
      );
      if (l === null || l.trim() === 'q') return 'quit';
      if (l.trim() === 's') return 'skip';
      const picks = l
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      const n = q.options?.length ?? 0;
      if (picks.length > 0 && picks.every((p) => Number.isInteger(p) && p >= 1 && p <= n))
        return { choice: picks.map((p) => p - 1) };
      process.stdout.write(pc.yellow(`Type option numbers from 1 to ${n}.\n`));
    }
  }
  if (q.type === 'open' || q.type === 'design') {
    const k = await term.key(
      `\n${pc.dim('Answer out loud or in writing: w to write, Enter/space to reveal, s skip, q quit')} `,
      ['w', 'enter', 'space', 's', 'q'],
    );
    if (k === null || k === 'q') return 'quit';
    if (k === 's') return 'skip';
    if (k !== 'w') return { text: '' };
  }
  const intro =
    q.type === 'predict' ? 'What does it print?' : q.type === 'code' ? 'Your solution' : 'Your answer';
  const text = await term.longText(intro, q.type === 'code' ? (q.starter ?? '') : '');
  return text === null ? 'quit' : { text };
}

// `pyprep progress` and `pyprep plan`: how ready you are, and the way to the interview date.
import type { Command } from 'commander';
import pc from 'picocolors';
import { CliError, printJson } from '../output.js';
import { withApp } from '../session.js';

const pct = (x: number): string => `${Math.round(x * 100)}%`.padStart(4);
const bar = (x: number, width = 24): string => {
  const n = Math.round(x * width);
  return pc.green('█'.repeat(n)) + pc.dim('░'.repeat(width - n));
};

export function register(program: Command): void {
  program
    .command('progress')
    .description('readiness per section, due cards, streak and weakest topics')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) =>
      withApp(cmd, async (s) => {
        const p = await s.call('progress/get');
        if (opts.json) return printJson(p);
        process.stdout.write(`${pc.bold('Readiness')} ${bar(p.overall)} ${pct(p.overall)}`);
        if (p.forecast !== null)
          process.stdout.write(
            pc.dim(`  (on ${p.interviewDate} without more reviews: ${pct(p.forecast).trim()})`),
          );
        process.stdout.write('\n\n');
        const width = Math.max(...p.sections.map((s) => s.title.length));
        for (const s of p.sections) {
          process.stdout.write(
            `  ${s.title.padEnd(width)} ${bar(s.readiness)} ${pct(s.readiness)} ${pc.dim(`${s.studied}/${s.topics} topics`)}\n`,
          );
        }
        process.stdout.write(
          `\n${pc.bold(String(p.dueNow))} due now · ${p.reviewsToday} reviewed today · ${p.streakDays}-day streak · ${p.totals.reviews} reviews this year\n`,
        );
        if (p.weakest.length) {
          process.stdout.write(`\n${pc.bold('Weakest topics')}\n`);
          for (const w of p.weakest)
            process.stdout.write(`  ${pct(w.mastery)} ${w.title} ${pc.dim(`pyprep study ${w.id}`)}\n`);
        }
      }),
    );

  program
    .command('plan')
    .description('a day-by-day study plan to your interview date')
    .option('--date <yyyy-mm-dd>', 'interview date (saved to settings)')
    .option('--minutes <n>', 'minutes a day (saved to settings)', (v) => Number(v))
    .option('--json', 'print JSON')
    .action(async (opts: { date?: string; minutes?: number; json?: boolean }, cmd: Command) =>
      withApp(cmd, async (s) => {
        if (opts.minutes !== undefined && !Number.isInteger(opts.minutes))
          throw new CliError('--minutes must be a whole number', 2);
        const input = {
          ...(opts.date ? { date: opts.date } : {}),
          ...(opts.minutes !== undefined ? { minutes: opts.minutes } : {}),
        };
        const plan = await s.call('plan/make', input);
        const patch = {
          ...(opts.date ? { interviewDate: opts.date } : {}),
          ...(opts.minutes !== undefined ? { minutesPerDay: opts.minutes } : {}),
        };
        if (Object.keys(patch).length) await s.call('settings/update', patch);
        if (opts.json) return printJson(plan);
        process.stdout.write(`${plan.fits ? pc.green(plan.message) : pc.yellow(plan.message)}\n\n`);
        for (const d of plan.days) {
          const topics = d.newTopics.map((t) => t.title).join(', ');
          process.stdout.write(
            `${pc.bold(d.date)} ${String(Math.round(d.totalMinutes)).padStart(4)} min  ${pc.dim(`${d.reviews} reviews, ${d.newCards} new`)}  ${topics}\n`,
          );
        }
      }),
    );
}

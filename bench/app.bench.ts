// Use-case speed on a large history: 10,000 cards and 1,000,000 review logs in SQLite, seeded once and cached.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openApp } from '../src/app/context.js';
import { invoke } from '../src/app/use-cases/index.js';
import { loadBank } from '../src/content/load.js';
import type { ExportBundle } from '../src/engine/ports/repository.js';
import { seededRandom } from '../src/engine/random/seeded.js';
import { openStore } from '../src/store/index.js';
import { type Figure, figure, time } from './figure.js';

const CARDS = 10_000;
const LOGS = 1_000_000;
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-20T09:00:00Z');
const dir = join(tmpdir(), 'pyprep-bench');
const dbPath = join(dir, `history-${CARDS}-${LOGS}-v1.db`);
const bin = fileURLToPath(new URL('../bin/pyprep.js', import.meta.url));

/** A synthetic history: every bank question has a card, the rest are ids of questions no longer in the bank. */
function bundle(questionIds: string[]): ExportBundle {
  const rnd = seededRandom(42);
  const iso = (t: number) => new Date(t).toISOString();
  const cards: ExportBundle['cards'] = [];
  for (let i = 0; i < CARDS; i++) {
    const due = NOW + Math.floor((rnd.next() - 0.3) * 30 * DAY);
    cards.push({
      questionId: questionIds[i] ?? `retired-question-${i}`,
      topicId: 'decorators',
      due: iso(due),
      stability: 5 + rnd.next() * 50,
      difficulty: 3 + rnd.next() * 5,
      elapsed_days: 3,
      scheduled_days: 10,
      learning_steps: 0,
      reps: 5,
      lapses: 1,
      state: 2,
      last_review: iso(due - 10 * DAY),
      suspended: false,
    });
  }
  const reviewLogs: ExportBundle['reviewLogs'] = [];
  for (let i = 0; i < LOGS; i++) {
    const card = cards[i % CARDS]!;
    const review = NOW - Math.floor(rnd.next() * 700 * DAY);
    reviewLogs.push({
      questionId: card.questionId,
      topicId: card.topicId,
      rating: (1 + Math.floor(rnd.next() * 4)) as 1,
      state: 2,
      due: iso(review),
      stability: 10,
      difficulty: 5,
      elapsed_days: 3,
      last_elapsed_days: 2,
      scheduled_days: 9,
      learning_steps: 0,
      review: iso(review),
      source: 'review',
      suggestedRating: 3,
      durationMs: 20_000,
      score: rnd.next(),
      answer: 'x',
      feedback: null,
    });
  }
  return {
    format: 'pyprep-export',
    version: 1,
    exportedAt: iso(NOW),
    userId: 'local',
    cards,
    reviewLogs,
    sessions: [],
    notes: [],
    settings: [],
    reports: [],
  };
}

async function seed(questionIds: string[]): Promise<void> {
  if (existsSync(dbPath)) return;
  mkdirSync(dir, { recursive: true });
  const tmp = `${dbPath}.seeding`;
  rmSync(tmp, { force: true });
  process.stderr.write(`seeding ${CARDS} cards and ${LOGS} review logs (once, cached in ${dir})…\n`);
  const store = await openStore({ path: tmp });
  await store.importAll('local', bundle(questionIds));
  await store.close();
  renameSync(tmp, dbPath);
}

export async function appBench(): Promise<Figure[]> {
  const bank = loadBank();
  await seed(bank.questions.map((q) => q.id));
  const choice = bank.questions.find((q) => q.type === 'choice');
  if (choice?.type !== 'choice') throw new Error('the bank has no choice question');
  const right = choice.options.flatMap((o, i) => (o.correct ? [i] : []));

  // Baseline: the raw indexed query for the next due card, straight through better-sqlite3.
  const raw = new Database(dbPath, { readonly: true });
  const stmt = raw.prepare(
    'select * from cards where user_id = ? and suspended = 0 and due <= ? order by due limit 1',
  );
  const rawMs = await time(() => stmt.get('local', NOW), 200, 20);
  raw.close();

  const ctx = await openApp({ db: dbPath, bank, clock: { now: () => new Date(NOW) }, seed: 1 });
  const nextMs = await time(() => invoke(ctx, 'review/next'), 30, 3);
  const answerMs = await time(
    () => invoke(ctx, 'review/answer', { id: choice.id, answer: { choice: right } }),
    30,
    3,
  );
  const progressMs = await time(() => invoke(ctx, 'progress/get'), 10, 2);
  const searchMs = await time(
    () => invoke(ctx, 'search', { query: 'why does my django list view run hundreds of queries' }),
    200,
    20,
  );
  await ctx.close();

  const bare = await time(() => spawnSync(process.execPath, ['-e', '0']), 11, 1);
  const cliNext = await time(
    () => {
      const r = spawnSync(process.execPath, [bin, '--db', dbPath, 'next', '--json'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`pyprep next failed: ${r.stderr}`);
    },
    11,
    1,
  );

  return [
    figure(
      'review/next, 10k cards + 1M logs (in-process)',
      nextMs,
      'ms',
      'raw indexed SQLite query',
      rawMs,
      null,
      '< 5 ms',
    ),
    figure(
      'review/answer, 10k cards + 1M logs (in-process)',
      answerMs,
      'ms',
      'raw indexed SQLite query',
      rawMs,
      null,
      '< 5 ms',
    ),
    figure(
      'progress/get, 10k cards + 1M logs',
      progressMs,
      'ms',
      'raw indexed SQLite query',
      rawMs,
      null,
      '≤ 50 ms',
    ),
    figure('search over the whole bank', searchMs, 'ms', 'raw indexed SQLite query', rawMs, null, '≤ 5 ms'),
    figure('pyprep next --json (wall), big database', cliNext, 'ms', 'node -e 0', bare, 3),
  ].map((f) => ({
    ...f,
    met:
      f.target.startsWith('<') || f.target.startsWith('≤ 5') || f.target.startsWith('≤ 50')
        ? f.value <= Number(f.target.replace(/[^\d.]/g, ''))
        : f.met,
  }));
}

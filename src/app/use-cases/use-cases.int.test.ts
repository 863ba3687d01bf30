// The use-cases end to end on a real store (SQLite and PostgreSQL), real CPython and the real bank.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../content/load.js';
import type { Clock } from '../../engine/ports/clock.js';
import type { Repository } from '../../engine/ports/repository.js';
import { createRunner } from '../../runner/index.js';
import { openStore } from '../../store/index.js';
import { type AppContext, openApp } from '../context.js';
import { AppError } from '../errors.js';
import { invoke } from './index.js';

const bank = loadBank();
const runner = createRunner('cpython', { python: '/usr/bin/python3' });
const scratch = mkdtempSync(join(tmpdir(), 'pyprep-app-'));
const pgUrl = process.env.PYPREP_TEST_PG_URL;
const admin = pgUrl ? new pg.Pool({ connectionString: pgUrl, max: 2 }) : undefined;
afterAll(async () => {
  await runner.close();
  await admin?.end();
  rmSync(scratch, { recursive: true, force: true });
});

/** A clock the test moves forward by hand. */
function manualClock(start: string): Clock & { advance(ms: number): void } {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
  };
}

let dbs = 0;
const engines: [string, () => Promise<Repository>][] = [
  ['sqlite', () => openStore({ path: join(scratch, `app-${++dbs}.db`) })],
];
if (admin && pgUrl) {
  engines.push([
    'postgres',
    async () => {
      const name = `pyprep_app_${process.pid}_${++dbs}`;
      await admin.query(`create database ${name}`);
      const url = new URL(pgUrl);
      url.pathname = `/${name}`;
      return openStore({ url: url.toString() });
    },
  ]);
}

describe.each(engines)('use-cases on %s', (_name, open) => {
  async function app(
    clock = manualClock('2026-11-20T09:00:00Z'),
  ): Promise<{ ctx: AppContext; clock: typeof clock }> {
    const ctx = await openApp({ bank, repo: await open(), runner, clock, seed: 7 });
    return { ctx, clock };
  }

  it('serves a new card without its answer, then grades and schedules each question type', async () => {
    const { ctx, clock } = await app();
    const next = await invoke(ctx, 'review/next');
    expect(next).not.toBeNull();
    expect(next?.kind).toBe('new');
    expect(JSON.stringify(next)).not.toMatch(/"(answer|solution|tests|output|correct|points)"/);

    const choice = await invoke(ctx, 'review/answer', {
      id: 'decorators-when-body-runs',
      answer: { choice: [1] },
    });
    expect(choice).toMatchObject({ correct: false, score: 0, suggestedRating: 1, rating: 1 });
    expect(choice.feedback.kind).toBe('choice');

    const predict = bank.questions.find((q) => q.id === 'decorators-definition-vs-call-order');
    if (predict?.type !== 'predict') throw new Error('golden predict question missing');
    const right = await invoke(ctx, 'review/answer', {
      id: predict.id,
      answer: { text: `${predict.output}\n\n` },
    });
    expect(right).toMatchObject({ correct: true, score: 1, suggestedRating: 3 });
    expect(Date.parse(right.nextDue)).toBeGreaterThan(clock.now().getTime());

    const open = await invoke(ctx, 'review/answer', {
      id: 'decorators-what-is-a-decorator',
      answer: {
        text: 'It wraps a function: @log is just f = log(f), run once at import time, with an inner wrapper function.',
      },
      rating: 4,
    });
    expect(open.rating).toBe(4);
    expect(open.feedback.kind).toBe('rubric');
    if (open.feedback.kind === 'rubric') {
      expect(open.feedback.points.filter((p) => p.covered).length).toBeGreaterThanOrEqual(2);
      expect(open.feedback.points.some((p) => !p.covered)).toBe(true);
    }

    const code = bank.questions.find((q) => q.id === 'decorators-repeat-factory');
    if (code?.type !== 'code') throw new Error('golden code question missing');
    const failing = await invoke(ctx, 'review/answer', { id: code.id, answer: { text: code.starter } });
    expect(failing.correct).toBe(false);
    const passing = await invoke(ctx, 'review/answer', { id: code.id, answer: { text: code.solution } });
    expect(passing).toMatchObject({ correct: true, score: 1 });

    const logs = await ctx.repo.listReviewLogs(ctx.userId);
    expect(logs.map((l) => l.questionId)).toEqual([
      'decorators-when-body-runs',
      predict.id,
      'decorators-what-is-a-decorator',
      code.id,
      code.id,
    ]);
    expect(logs[0]).toMatchObject({ rating: 1, suggestedRating: 1, source: 'review', score: 0 });
    await ctx.close();
  });

  it('rejects bad answers with clear errors and records nothing', async () => {
    const { ctx } = await app();
    const bad = [
      [
        { id: 'no-such-question', answer: { text: 'x' } },
        'not-found',
        /unknown question id "no-such-question"/,
      ],
      [{ id: 'decorators-when-body-runs', answer: { text: 'x' } }, 'bad-input', /choice question/],
      [{ id: 'decorators-when-body-runs', answer: { choice: [9] } }, 'bad-input', /option 10 does not exist/],
      [{ id: 'decorators-what-is-a-decorator', answer: { choice: [0] } }, 'bad-input', /text answer/],
      [{ id: 'decorators-what-is-a-decorator', answer: { text: 'x' }, rating: 7 }, 'bad-input', /rating/],
      [{ id: 'decorators-what-is-a-decorator' }, 'bad-input', /answer/],
    ] as const;
    for (const [input, code, message] of bad) {
      const err = await invoke(ctx, 'review/answer', input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe(code);
      expect((err as AppError).message).toMatch(message);
    }
    expect(await ctx.repo.listReviewLogs(ctx.userId)).toEqual([]);
    await ctx.close();
  });

  it('moves progress after reviews and makes a plan to the interview date', async () => {
    const { ctx } = await app();
    const before = await invoke(ctx, 'progress/get');
    expect(before.overall).toBe(0);
    expect(before.sections).toHaveLength(13);
    for (const q of bank.questions) {
      if (q.topicId !== 'decorators' || q.type !== 'choice') continue;
      const correct = q.options.flatMap((o, i) => (o.correct ? [i] : []));
      await invoke(ctx, 'review/answer', { id: q.id, answer: { choice: correct } });
    }
    const after = await invoke(ctx, 'progress/get');
    expect(after.overall).toBeGreaterThan(0);
    expect(after.sections.find((s) => s.id === 'core-python')?.readiness).toBeGreaterThan(0);
    expect(after.reviewsToday).toBe(2);
    expect(after.streakDays).toBe(1);

    await invoke(ctx, 'settings/update', { interviewDate: '2026-12-20', minutesPerDay: 60 });
    const plan = await invoke(ctx, 'plan/make', {});
    expect(plan.days.length).toBeGreaterThan(20);
    expect(plan.days[0]?.date).toBe('2026-11-20');
    await expect(invoke(ctx, 'plan/make', { date: '2026-11-01' })).rejects.toThrow(/not after today/);
    await expect(invoke(ctx, 'settings/update', { newPerDay: -3 })).rejects.toThrow(/invalid settings/);
    await expect(invoke(ctx, 'settings/update', { interviewDate: '2031-02-30' })).rejects.toThrow(
      /not a calendar date/,
    );
    await expect(invoke(ctx, 'plan/make', { date: '2031-02-30' })).rejects.toThrow(/not a calendar date/);
    expect((await invoke(ctx, 'settings/get')).interviewDate).toBe('2026-12-20');
    await ctx.close();
  });

  it('saves notes, searches, and round-trips a backup losslessly', async () => {
    const { ctx } = await app();
    await invoke(ctx, 'notes/save', { topic: 'decorators', body: 'Remember **wraps**.' });
    expect((await invoke(ctx, 'notes/get', { topic: 'decorators' })).body).toBe('Remember **wraps**.');
    await expect(invoke(ctx, 'notes/save', { topic: 'nope', body: 'x' })).rejects.toThrow(
      /unknown topic "nope"/,
    );
    await invoke(ctx, 'review/answer', { id: 'decorators-when-body-runs', answer: { choice: [0] } });

    const hits = await invoke(ctx, 'search', { query: 'functools wraps keeps the function name' });
    expect(hits.results[0]?.topic).toBe('decorators');

    const backup = await invoke(ctx, 'backup/export');
    const { ctx: fresh } = await app();
    const counts = await invoke(fresh, 'backup/import', JSON.parse(JSON.stringify(backup)));
    expect(counts).toMatchObject({ cards: 1, reviewLogs: 1, notes: 1 });
    const again = await invoke(fresh, 'backup/export');
    expect({ ...again, exportedAt: '' }).toEqual({ ...backup, exportedAt: '' });

    await expect(invoke(fresh, 'backup/import', { format: 'pyprep-export', version: 2 })).rejects.toThrow(
      /newer/,
    );
    await expect(invoke(fresh, 'backup/import', { hello: 1 })).rejects.toThrow(/not a pyprep backup/);
    await expect(invoke(fresh, 'backup/import', { ...backup, cards: [{ bogus: true }] })).rejects.toThrow(
      /malformed/,
    );
    expect((await invoke(fresh, 'notes/get', { topic: 'decorators' })).body).toBe('Remember **wraps**.');
    await ctx.close();
    await fresh.close();
  });
});

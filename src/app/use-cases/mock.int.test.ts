// A whole mock interview through the use-cases, on a real SQLite store with the real bank and CPython.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../content/load.js';
import type { Question } from '../../content/types.js';
import { createRunner } from '../../runner/index.js';
import { openStore } from '../../store/index.js';
import { openApp } from '../context.js';
import { scorecardHtml, scorecardMarkdown } from '../scorecard-render.js';
import { invoke } from './index.js';
import type { MockView } from './mock.js';

const bank = loadBank();
const runner = createRunner('cpython', { python: '/usr/bin/python3' });
const scratch = mkdtempSync(join(tmpdir(), 'pyprep-mock-'));
afterAll(async () => {
  await runner.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The model answer of any question, in the shape the grader takes. */
function perfect(q: Question): { choice: number[] } | { text: string } {
  switch (q.type) {
    case 'choice':
      return { choice: q.options.flatMap((o, i) => (o.correct ? [i] : [])) };
    case 'predict':
      return { text: q.output };
    case 'code':
      return { text: q.solution };
    default:
      return { text: q.answer };
  }
}

async function sit(
  seed: number,
  answer: (q: Question) => { choice: number[] } | { text: string } | null,
  stepMs = 60_000,
) {
  let t = Date.parse('2026-11-20T09:00:00Z');
  const ctx = await openApp({
    bank,
    repo: await openStore({ path: join(scratch, `m${seed}-${Math.random()}.db`) }),
    runner,
    clock: { now: () => new Date(t) },
    seed,
  });
  let v: MockView = await invoke(ctx, 'mock/start', { blueprint: 'backend-mid-45', seed });
  const asked: string[] = [];
  while (v.step) {
    expect(v.step.question).not.toHaveProperty('difficulty');
    const q = bank.questions.find((x) => x.id === v.step?.question.id)!;
    asked.push(`${v.step.kind}:${q.id}`);
    t += stepMs;
    const a = v.step.kind === 'followup-text' ? { text: 'I would add tests and metrics.' } : answer(q);
    v = (
      await invoke(ctx, 'mock/answer', {
        sessionId: v.sessionId,
        id: q.id,
        ...(a ? { answer: a } : { skip: true }),
      })
    ).view;
  }
  return { ctx, v, asked };
}

describe('mock interview', () => {
  it('is the same interview for the same seed and answers', async () => {
    const a = await sit(11, () => null);
    const b = await sit(11, () => null);
    expect(a.asked).toEqual(b.asked);
    expect(a.v.scorecard?.signal).toBe('No');
    expect(a.v.scorecard?.overall).toBe(0);
    await a.ctx.close();
    await b.ctx.close();
  });

  it('rewards model answers with follow-ups, a strong signal and FSRS reviews, and saves the scorecard', async () => {
    const { ctx, v, asked } = await sit(5, perfect);
    const card = v.scorecard!;
    expect(asked.some((x) => x.startsWith('followup'))).toBe(true);
    expect(card.overall).toBeGreaterThan(0.8);
    expect(['Strong hire', 'Hire']).toContain(card.signal);
    expect(Object.keys(card.stages)).toEqual([
      'warm-up',
      'django-orm',
      'apis',
      'async-caching-jobs',
      'system-design',
      'wrap-up',
    ]);
    expect(card.questions.every((q) => q.budgetSeconds > 0 && q.seconds === 60)).toBe(true);
    const logs = await ctx.repo.listReviewLogs(ctx.userId);
    expect(logs.length).toBe(card.questions.filter((q) => q.kind !== 'followup-text').length);
    expect(logs.every((l) => l.source === 'mock')).toBe(true);

    const reports = await invoke(ctx, 'reports/list');
    expect(reports.reports[0]?.id).toBe(v.reportId);
    const saved = await invoke(ctx, 'reports/get', { id: v.reportId });
    expect(saved.scorecard.overall).toBe(card.overall);
    expect(scorecardMarkdown(saved.scorecard, saved.createdAt)).toContain(`signal **${card.signal}**`);
    const html = scorecardHtml(saved.scorecard, saved.createdAt);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|https?:\/\//);
    await ctx.close();
  });

  it('ends when time runs out and reports the stages it never reached', async () => {
    const { ctx, v } = await sit(3, perfect, 8 * 60_000);
    const card = v.scorecard!;
    expect(card.endReason).toBe('time');
    expect(Object.values(card.stages).some((s) => !s.reached)).toBe(true);
    await ctx.close();
  });

  it('refuses an answer to a question that is not the pending one', async () => {
    const ctx = await openApp({
      bank,
      repo: await openStore({ path: join(scratch, 'x.db') }),
      runner,
      seed: 1,
    });
    const v = await invoke(ctx, 'mock/start', { blueprint: 'screening-20', seed: 1 });
    await expect(
      invoke(ctx, 'mock/answer', {
        sessionId: v.sessionId,
        id: 'decorators-what-is-a-decorator-nope',
        skip: true,
      }),
    ).rejects.toThrow(/waiting for an answer/);
    await expect(invoke(ctx, 'mock/start', { blueprint: 'nope' })).rejects.toThrow(
      /unknown blueprint "nope"/,
    );
    await ctx.close();
  });
});

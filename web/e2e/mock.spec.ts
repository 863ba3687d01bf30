// A whole screening mock in Debian's Chromium against the real server: timers, answers and skips, the scorecard.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.js';
import { loadBank } from './bank.js';
import {
  type AppSession,
  axeViolations as axeOn,
  type Browser,
  openAppInBrowser,
  type RunningServer,
  watchConsole,
} from './harness.js';

/** Screenshots for a person to look at; outside the repository. */
const SHOTS = process.env.PYPREP_SHOTS ?? '/tmp/shots-mock';

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: string[];
let bank: { questions: Question[] };

const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

let session: AppSession | undefined;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  bank = loadBank();
  session = await openAppInBrowser();
  ({ server, browser, page, problems } = session);
}, 90_000);

afterAll(async () => {
  await session?.close();
});

describe('a mock interview in the browser', () => {
  let reportUrl = '';

  it('sits a whole screening-20 mock, answering and skipping, and ends on the scorecard', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mock' }).click();
    await page.waitForSelector('[data-ready="mock"]');
    expect(await axeOn(page)).toEqual([]);
    await page.getByLabel(/Screening call, 20 minutes/).check();
    await shot('1-pick');
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await page.waitForSelector('[data-ready="mock-run"]');
    expect(await page.getByTestId('overall-timer').textContent()).toMatch(/^(20:00|19:5\d)$/);
    expect(await page.getByTestId('stage-timer').textContent()).toMatch(/^(8:00|7:5\d)$/);
    expect(await page.locator('.mock-status').textContent()).toMatch(/Stage 1 of 3: Core Python checks/);

    const kinds: string[] = [];
    for (let step = 0; step < 30; step++) {
      const card = page.locator('article.card');
      if ((await page.locator('[data-ready="report"]').count()) > 0) break;
      await card.waitFor();
      const id = (await card.getAttribute('data-question-id')) ?? '';
      const kind = (await card.getAttribute('data-kind')) ?? '';
      const q = bank.questions.find((x) => x.id === id);
      if (!q) throw new Error(`question ${id} not in dist/bank.json`);
      // During the mock: no difficulty, no feedback.
      expect(await card.textContent()).not.toMatch(/difficulty/i);
      expect(await page.locator('section.feedback').count()).toBe(0);
      if (step === 1) {
        expect(await axeOn(page)).toEqual([]);
        await shot('2-question');
      }
      kinds.push(`${kind}:${q.type}`);
      const answered = await page.locator('[data-step]').getAttribute('data-step');
      if (step % 3 === 2) {
        await page.getByRole('button', { name: 'Skip', exact: true }).click();
      } else if (kind === 'followup-text') {
        await page.getByLabel('Your answer').fill('I would measure first, then change one thing at a time.');
        await page.getByLabel('Your answer').press('Control+Enter');
      } else if (q.type === 'choice') {
        // Keyboard only: digits pick the options, Ctrl+Enter inside the form submits.
        await page.locator('main').focus();
        for (const [n, o] of q.options.entries()) if (o.correct) await page.keyboard.press(String(n + 1));
        await page.locator('article.card input').first().focus();
        await page.keyboard.press('Control+Enter');
      } else if (q.type === 'predict' || q.type === 'open' || q.type === 'design') {
        const box = page.getByLabel(q.type === 'predict' ? 'What does this print?' : 'Your answer');
        await box.fill(q.type === 'predict' ? q.output : q.answer);
        await box.press('Control+Enter');
      } else {
        await page.getByRole('button', { name: 'Skip', exact: true }).click();
      }
      // The next question, or the scorecard.
      await page.waitForFunction((old) => {
        if (document.querySelector('[data-ready="report"]')) return true;
        const now = document.querySelector('[data-step]')?.getAttribute('data-step');
        return now !== undefined && now !== old;
      }, answered);
    }
    await page.waitForSelector('[data-ready="report"]');
    reportUrl = page.url();
    expect(kinds.length).toBeGreaterThanOrEqual(7);
    expect(reportUrl).toMatch(/#\/report\/[\w-]+$/);
    expect(await page.getByTestId('signal').textContent()).toMatch(/^(Strong hire|Hire|Lean no|No)$/);
    expect(await page.locator('[data-testid="stage-bars"] g').count()).toBe(3);
    expect(await page.locator('[data-testid="section-bars"] g').count()).toBeGreaterThan(0);
    const study = page.locator('[data-testid="study-next"] a');
    expect(await study.count()).toBe(5);
    expect(await study.first().getAttribute('href')).toMatch(/^#\/topic\//);
    expect(await page.locator('.point.covered').count()).toBeGreaterThan(0);
    expect(await page.locator('svg.time-bar').count()).toBe(kinds.length);
    expect(await axeOn(page)).toEqual([]);
    await shot('3-report');
  }, 180_000);

  it('downloads the scorecard as Markdown and as self-contained HTML', async () => {
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Markdown' }).click(),
    ]);
    expect(md.suggestedFilename()).toMatch(/^pyprep-mock-screening-20-.+\.md$/);
    expect(readFileSync(await md.path(), 'utf8')).toMatch(/^# Mock interview scorecard/);
    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^HTML/ }).click(),
    ]);
    expect(html.suggestedFilename()).toMatch(/\.html$/);
    const text = readFileSync(await html.path(), 'utf8');
    expect(text).toMatch(/^<!doctype html>/);
    expect(text).not.toMatch(/<script/);
  });

  it('lists the report, and a second mock shows a trend', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.waitForSelector('[data-ready="reports"]');
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await axeOn(page)).toEqual([]);
    // A second screening, all skipped, ends on a scorecard that draws the first one in its trend.
    await page.goto(`${server.base}#/mock`);
    await page.waitForSelector('[data-ready="mock"]');
    await page.getByLabel(/Screening call, 20 minutes/).check();
    await page.getByRole('button', { name: 'Start the interview' }).click();
    await page.waitForSelector('[data-ready="mock-run"]');
    for (let i = 0; i < 30 && (await page.locator('[data-ready="report"]').count()) === 0; i++) {
      const answered = await page.locator('[data-step]').getAttribute('data-step');
      await page.getByRole('button', { name: 'Skip', exact: true }).click();
      await page.waitForFunction((old) => {
        if (document.querySelector('[data-ready="report"]')) return true;
        const now = document.querySelector('[data-step]')?.getAttribute('data-step');
        return now !== undefined && now !== old;
      }, answered);
    }
    await page.waitForSelector('[data-ready="report"]');
    expect(await page.getByTestId('signal').textContent()).toBe('No');
    expect(await page.locator('[data-testid="trend"] circle').count()).toBe(2);
    await shot('4-report-trend');
    await page.goto(`${server.base}#/reports`);
    await page.waitForSelector('[data-ready="reports"]');
    expect(await page.locator('tbody tr').count()).toBe(2);
    await shot('5-reports');
  }, 120_000);

  it('says so when the time runs out', async () => {
    // A page with a fake clock, moved past the 20 minutes: the timers stop at 0:00 and the page explains what next.
    const p = await browser.context.newPage();
    const more = watchConsole(p);
    await p.clock.install();
    await p.goto(`${server.base}#/mock`);
    await p.waitForSelector('[data-ready="mock"]');
    await p.getByLabel(/Screening call, 20 minutes/).check();
    await p.getByRole('button', { name: 'Start the interview' }).click();
    await p.waitForSelector('[data-ready="mock-run"]');
    await p.clock.fastForward('08:30');
    await p.getByText("This stage's time is up").waitFor();
    expect(await p.getByTestId('stage-timer').textContent()).toBe('0:00');
    await p.clock.fastForward('12:00');
    const alert = p.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Time is up/);
    expect(await p.getByTestId('overall-timer').textContent()).toBe('0:00');
    await p.screenshot({ path: `${SHOTS}/6-time-up.png`, fullPage: true });
    await p.close();
    problems.push(...more);
  });

  it('kept the console clean', () => {
    expect(problems).toEqual([]);
  });
});

// End to end in Debian's Chromium against the real server: review, progress, code, search, settings, a11y.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../src/content/types.js';
import { loadBank, plainCodeTopic } from './bank.js';
import { type AppSession, axeViolations as axeOn, openAppInBrowser, type RunningServer } from './harness.js';

const MAIN_PAGES = ['#/', '#/syllabus', '#/topic/python-gil', '#/review', '#/quiz', '#/plan', '#/settings'];

let server: RunningServer;
let page: Page;
let problems: string[];
let bank: { questions: Question[] };

const go = async (hash: string, ready: string) => {
  await page.goto(`${server.base}${hash}`);
  await page.waitForSelector(`[data-ready="${ready}"]`);
};
const readyOf = (hash: string): string => (hash === '#/' ? 'dashboard' : (hash.split('/')[1] ?? ''));
const question = (id: string): Question => {
  const q = bank.questions.find((x) => x.id === id);
  if (!q) throw new Error(`question ${id} not in dist/bank.json`);
  return q;
};

let session: AppSession | undefined;
beforeAll(async () => {
  bank = loadBank();
  session = await openAppInBrowser();
  ({ server, page, problems } = session);
}, 90_000);

afterAll(async () => {
  await session?.close();
});

describe('pyprep in the browser', () => {
  it('opens on the dashboard for a new user', async () => {
    expect(await page.locator('h1').textContent()).toBe('Dashboard');
    expect(await page.getByTestId('reviews-today').textContent()).toBe('0');
    expect(await page.locator('.readiness-chart g').count()).toBe(13);
  });

  it('reviews a choice, a predict and an open card and shows the feedback', async () => {
    await go('#/review', 'review');
    const seen = new Set<string>();
    for (let i = 0; i < 150 && seen.size < 3; i++) {
      const card = page.locator('article.card');
      await card.waitFor();
      const id = (await card.getAttribute('data-question-id')) ?? '';
      const type = (await card.getAttribute('data-question-type')) ?? '';
      const q = question(id);
      if (seen.has(type) || !['choice', 'predict', 'open'].includes(type)) {
        await page.getByRole('button', { name: 'Skip', exact: true }).click();
        await page.waitForFunction(
          (old) => document.querySelector('article.card')?.getAttribute('data-question-id') !== old,
          id,
        );
        continue;
      }
      if (q.type === 'choice') {
        // Keyboard only: digits pick options, Space reveals.
        await page.locator('main').focus();
        for (const [n, o] of q.options.entries()) if (o.correct) await page.keyboard.press(String(n + 1));
        await page.keyboard.press(' ');
      } else if (q.type === 'predict') {
        await page.getByLabel('What does this print?').fill(q.output);
        await page.getByRole('button', { name: /Reveal answer/ }).click();
      } else if (q.type === 'open') {
        await page.getByLabel('Your answer').fill(q.answer);
        await page.getByLabel('Your answer').press('Control+Enter');
      }
      const feedback = page.locator('section.feedback');
      await feedback.waitFor();
      expect(await feedback.locator('h2').textContent()).toMatch(/^Correct/);
      if (type === 'open') expect(await page.locator('.point.covered').count()).toBeGreaterThan(0);
      if (type === 'choice') expect(await page.locator('.option.right').count()).toBeGreaterThan(0);
      await page.keyboard.press('3');
      await page.waitForFunction(
        (old) => document.querySelector('article.card')?.getAttribute('data-question-id') !== old,
        id,
      );
      seen.add(type);
    }
    expect([...seen].sort()).toEqual(['choice', 'open', 'predict']);
  }, 120_000);

  it('shows the progress on the dashboard', async () => {
    await go('#/', 'dashboard');
    expect(await page.getByTestId('reviews-today').textContent()).toBe('3');
    expect(await page.locator('.heatmap rect.heat-4').count()).toBe(1);
  });

  it('solves a code exercise in the editor and its tests pass', async () => {
    const topic = plainCodeTopic(bank.questions);
    await go(`#/quiz?topic=${topic}&type=code&n=1&start=1`, 'quiz');
    const card = page.locator('article.card[data-question-type="code"]');
    const q = question((await card.getAttribute('data-question-id')) ?? '');
    if (q.type !== 'code') throw new Error('expected a code question');
    const editor = page.locator('.cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(q.solution);
    expect(
      await page.evaluate(() => document.querySelector('.cm-content')?.textContent?.length),
    ).toBeGreaterThan(0);
    await page.getByRole('button', { name: /^Run/ }).click();
    await page.locator('.run-output').waitFor();
    expect(await page.locator('.run-output').textContent()).toMatch(/exit code 0/);
    await page.getByRole('button', { name: /^Submit/ }).click();
    const passed = page.getByTestId('tests-passed');
    await passed.waitFor({ timeout: 60_000 });
    const [, n, total] = /(\d+) of (\d+) tests passed/.exec((await passed.textContent()) ?? '') ?? [];
    expect(Number(total)).toBeGreaterThan(0);
    expect(n).toBe(total);
    await page.keyboard.press('3');
    await page.getByText('Quiz finished').waitFor();
  }, 120_000);

  it('searches with Ctrl+K and opens a topic', async () => {
    await go('#/', 'dashboard');
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: 'Search topics and questions' });
    await box.fill('GIL');
    await page.getByRole('option').first().waitFor();
    await box.press('Enter');
    await page.waitForSelector('[data-ready="topic"]');
    expect(page.url()).toContain('#/topic/');
    expect(await page.locator('.note .prose').count()).toBe(1);
  });

  it('has no serious accessibility violations on the main pages', async () => {
    const found: string[] = [];
    for (const hash of MAIN_PAGES) {
      await go(hash, readyOf(hash));
      for (const v of await axeOn(page)) found.push(`${hash}: ${v}`);
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('keeps a changed setting after a reload', async () => {
    await go('#/settings', 'settings');
    await page.getByLabel('New cards a day').fill('17');
    await page.getByLabel('Interview date').fill('2031-03-14');
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.reload();
    await page.waitForSelector('[data-ready="settings"]');
    expect(await page.getByLabel('New cards a day').inputValue()).toBe('17');
    expect(await page.getByLabel('Interview date').inputValue()).toBe('2031-03-14');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    // Backup round trip: export downloads a file, importing it back reports what it restored.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    await page.getByLabel('Backup file to import').setInputFiles(await download.path());
    await page.getByRole('button', { name: 'Import backup' }).click();
    await page.getByText(/Imported \d+ cards/).waitFor();
    // Dark mode passes the same accessibility check.
    for (const hash of ['#/', '#/review']) {
      await go(hash, readyOf(hash));
      expect(await axeOn(page)).toEqual([]);
    }
  }, 60_000);

  it('kept the console clean', () => {
    expect(problems).toEqual([]);
  });
});

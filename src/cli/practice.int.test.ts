import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The practice loop through the built CLI, as a script or a user at a pipe would drive it.
const bin = new URL('../../bin/pyprep.js', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'pyprep-practice-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const db = join(scratch, 'p.db');
const run = (args: string[], input = '', extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, '--db', db, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    input,
    env: { ...process.env, NO_COLOR: '1', PYPREP_PYTHON: '/usr/bin/python3', ...extra },
  });
const json = <T>(args: string[], input = ''): T => {
  const r = run([...args, '--json'], input);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as T;
};

describe('pyprep next / answer / progress / export / import', () => {
  it('gives the next card without answers, grades an answer and moves progress', () => {
    const next = json<Record<string, unknown>>(['next']);
    expect(Object.keys(next)).toEqual(
      expect.arrayContaining(['id', 'topic', 'type', 'difficulty', 'prompt']),
    );
    for (const hidden of ['answer', 'solution', 'tests', 'output', 'points'])
      expect(next).not.toHaveProperty(hidden);

    const r = json<{
      id: string;
      correct: boolean;
      rating: number;
      suggestedRating: number;
      nextDue: string;
      feedback: { kind: string };
    }>(['answer', 'decorators-when-body-runs', '--choice', '1']);
    expect(r).toMatchObject({
      id: 'decorators-when-body-runs',
      correct: true,
      suggestedRating: 3,
      rating: 3,
    });
    expect(Object.keys(r)).toEqual([
      'id',
      'correct',
      'score',
      'suggestedRating',
      'rating',
      'feedback',
      'nextDue',
    ]);

    const answerFile = join(scratch, 'answer.txt');
    writeFileSync(
      answerFile,
      'A decorator is called with the function and its result rebinds the name, f = log(f).',
    );
    const open = json<{ rating: number; feedback: { kind: string } }>([
      'answer',
      'decorators-what-is-a-decorator',
      '--answer-file',
      answerFile,
      '--rating',
      '2',
    ]);
    expect(open).toMatchObject({ rating: 2, feedback: { kind: 'rubric' } });

    const progress = json<{ overall: number; reviewsToday: number }>(['progress']);
    expect(progress.reviewsToday).toBe(2);
    expect(progress.overall).toBeGreaterThan(0);
  });

  it('answers a code question by running its tests in the sandbox, from standard input', () => {
    const bank = JSON.parse(run(['bank', '--json', '--topic', 'decorators']).stdout) as {
      topics: { questions: { id: string; type: string; solution?: string; starter?: string }[] }[];
    };
    const code = bank.topics[0]?.questions.find((q) => q.type === 'code');
    if (!code?.solution || code.starter === undefined)
      throw new Error('the decorators topic needs a code question');
    expect(json<{ correct: boolean }>(['answer', code.id, '--answer-file', '-'], code.solution).correct).toBe(
      true,
    );
    const bad = json<{ correct: boolean; feedback: { kind: string; passed: number; total: number } }>(
      ['answer', code.id],
      code.starter,
    );
    expect(bad.correct).toBe(false);
    expect(bad.feedback.passed).toBeLessThan(bad.feedback.total);
  });

  it('reports unknown ids and bad flags with a clear error and a distinct exit status', () => {
    const unknown = run(['answer', 'no-such-id', '--choice', '1']);
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toMatch(/unknown question id "no-such-id"/);
    const badRating = run(['answer', 'decorators-when-body-runs', '--choice', '1', '--rating', '9']);
    expect(badRating.status).toBe(2);
    expect(badRating.stderr).toMatch(/--rating must be a whole number from 1 to 4/);
  });

  it('runs an interactive review from a pipe: answer, rate, then stop', () => {
    const r = run(['review', '--limit', '1'], 's\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/due|new/);
  });

  it('exports and imports a backup; a broken file changes nothing', () => {
    const file = join(scratch, 'backup.json');
    expect(run(['export', file]).status).toBe(0);
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { format: string; reviewLogs: unknown[] };
    expect(backup.format).toBe('pyprep-export');
    expect(backup.reviewLogs.length).toBeGreaterThanOrEqual(4);

    const broken = join(scratch, 'broken.json');
    writeFileSync(broken, '{"format": "pyprep-export", "version": 1, "cards": [');
    const bad = run(['import', broken]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/cannot read .* as JSON.*nothing was changed/);
    expect(json<{ totals: { reviews: number } }>(['progress']).totals.reviews).toBe(backup.reviewLogs.length);

    const fresh = join(scratch, 'fresh.db');
    const imported = spawnSync(process.execPath, [bin, '--db', fresh, 'import', file, '--json'], {
      encoding: 'utf8',
    });
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ reviewLogs: backup.reviewLogs.length });
  });
});

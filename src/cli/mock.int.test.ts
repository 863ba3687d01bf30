import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The scripted mock interview through the built CLI, as a script would run it.
const bin = new URL('../../bin/pyprep.js', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'pyprep-mock-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const run = (args: string[], db = 'm.db') =>
  spawnSync(process.execPath, [bin, '--db', join(scratch, db), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', PYPREP_PYTHON: '/usr/bin/python3' },
  });

describe('pyprep mock', () => {
  it('lists the blueprints as JSON', () => {
    const r = run(['mock', '--list', '--json']);
    expect(r.status).toBe(0);
    const { blueprints } = JSON.parse(r.stdout) as {
      blueprints: { id: string; title: string; minutes: number }[];
    };
    expect(blueprints.map((b) => b.id)).toEqual(
      expect.arrayContaining(['backend-mid-45', 'screening-20', 'django-heavy-45', 'fastapi-heavy-45']),
    );
    expect(Object.keys(blueprints[0]!)).toEqual(['id', 'title', 'minutes']);
  });

  it('runs a scripted mock from an answers file and prints the scorecard as JSON, the same for the same seed', () => {
    const answers = join(scratch, 'answers.txt');
    writeFileSync(
      answers,
      'skip\nA decorator rebinds the name: f = d(f), evaluated once at import time.\n1\n',
    );
    // Each play on its own database: a second mock on the same one avoids the questions of the first.
    const play = (db: string) => {
      const r = run(
        ['mock', '--blueprint', 'screening-20', '--seed', '42', '--answers', answers, '--json'],
        db,
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout) as {
        blueprint: string;
        signal: string;
        questions: {
          id: string;
          topic: string;
          stage: string;
          score: number | null;
          covered: string[];
          missed: string[];
          seconds: number;
        }[];
        stages: Record<string, unknown>;
        sections: Record<string, unknown>;
        studyNext: { id: string }[];
      };
    };
    const a = play('m.db');
    const b = play('other.db');
    const c = play('m.db');
    expect(c.questions.map((q) => q.id)).not.toEqual(a.questions.map((q) => q.id));
    expect(a.blueprint).toBe('screening-20');
    expect(a.questions.map((q) => q.id)).toEqual(b.questions.map((q) => q.id));
    expect(a.questions.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(a.questions[0]!)).toEqual(
      expect.arrayContaining(['id', 'topic', 'stage', 'score', 'covered', 'missed', 'seconds']),
    );
    expect(a.questions[0]?.score).toBe(0);
    expect(['Strong hire', 'Hire', 'Lean no', 'No']).toContain(a.signal);
    expect(Object.keys(a.stages)).toEqual(['python', 'web', 'practices']);
    expect(a.studyNext.length).toBeGreaterThan(0);
  });

  it('lists saved scorecards and exports one as Markdown and self-contained HTML', () => {
    const list = JSON.parse(run(['mock', '--reports', '--json']).stdout) as { reports: { id: string }[] };
    expect(list.reports.length).toBeGreaterThanOrEqual(2);
    const id = list.reports[0]!.id;
    const md = join(scratch, 'card.md');
    const html = join(scratch, 'card.html');
    expect(run(['mock', '--report', id, '--markdown', md, '--html', html]).status).toBe(0);
    expect(readFileSync(md, 'utf8')).toMatch(/^# Mock interview scorecard — Screening call/);
    expect(readFileSync(html, 'utf8')).toMatch(/<!doctype html>[\s\S]*<style>/);
    const missing = run(['mock', '--report', 'no-such-report']);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/no scorecard "no-such-report"/);
  });
});

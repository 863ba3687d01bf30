import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the built CLI as a user would (npm test builds first).
const bin = new URL('../../bin/pyprep.js', import.meta.url).pathname;
const content = new URL('../../content', import.meta.url).pathname;
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });

const scratch = mkdtempSync(join(tmpdir(), 'pyprep-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('pyprep CLI', () => {
  it('prints its version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
  });

  it('lists 13 sections and 149 topics whose seeds are the syllabus lines', () => {
    const r = run(['syllabus', '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      sections: { id: string; number: number; title: string; topics: { seed: string }[] }[];
    };
    expect(json.sections).toHaveLength(13);
    const seeds = json.sections.flatMap((s) => s.topics.map((t) => t.seed));
    const lines = readFileSync(join(content, 'SYLLABUS.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2));
    expect(seeds).toEqual(lines);
    expect(Object.keys(json.sections[0]?.topics[0] ?? {})).toEqual(['id', 'title', 'seed', 'weight']);
  });

  it('prints a readable syllabus without color codes under NO_COLOR', () => {
    const r = run(['syllabus']);
    expect(r.stdout).toContain('1. Core Python (25 topics)');
    expect(r.stdout).toContain('149 topics.');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('holds the three golden topics in bank --json with answers', () => {
    const r = run(['bank', '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      topics: { id: string; noteMarkdown: string; questions: { type: string }[] }[];
    };
    const ids = json.topics.map((t) => t.id);
    for (const id of ['decorators', 'select-related-vs-prefetch-related', 'cache-aside'])
      expect(ids).toContain(id);
    const golden = json.topics.filter((t) =>
      ['decorators', 'select-related-vs-prefetch-related', 'cache-aside'].includes(t.id),
    );
    expect(new Set(golden.flatMap((t) => t.questions.map((q) => q.type)))).toEqual(
      new Set(['open', 'choice', 'predict', 'code', 'design']),
    );
    for (const t of golden) expect(t.questions.length).toBeGreaterThanOrEqual(6);
  });

  it('fails on bad content with file:line on stderr and a non-zero exit', () => {
    const dir = join(scratch, 'content');
    cpSync(content, dir, { recursive: true });
    writeFileSync(
      join(dir, 'syllabus.yaml'),
      readFileSync(join(dir, 'syllabus.yaml'), 'utf8').replace('weight: 3', 'weight: 7'),
    );
    const r = run(['bank', '--json'], { PYPREP_CONTENT: dir });
    expect(r.status).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/syllabus\.yaml:\d+: sections\.0\.topics\.0\.weight: weight must be 1, 2 or 3/);
  });

  it('rejects an unknown command with a usage error', () => {
    const r = run(['frobnicate']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});

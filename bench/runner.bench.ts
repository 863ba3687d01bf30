// Runner benchmarks: sandbox overhead against bare python, a graded exercise, Pyodide cold and warm start.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CPythonRunner } from '../src/runner/cpython.js';
import { PyodideRunner } from '../src/runner/pyodide.js';

import type { Figure } from './figure.js';

const PY = '/usr/bin/python3';

const mean = async (n: number, f: () => Promise<unknown>): Promise<number> => {
  await f();
  const t = performance.now();
  for (let i = 0; i < n; i++) await f();
  return (performance.now() - t) / n;
};

const bare = () =>
  new Promise<void>((resolve, reject) => {
    const c = spawn(PY, ['-I', '-S', '-c', 'print(1)'], { stdio: ['ignore', 'pipe', 'pipe'] });
    c.stdout.resume();
    c.on('error', reject);
    c.on('close', () => resolve());
  });

const figure = (
  name: string,
  value: number,
  baseline: string,
  baselineValue: number,
  target: string,
  maxRatio: number,
): Figure => {
  const ratio = baselineValue ? value / baselineValue : 0;
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    name,
    value: r(value),
    unit: 'ms',
    baseline,
    baselineValue: r(baselineValue),
    ratio: r(ratio),
    target,
    met: ratio <= maxRatio,
  };
};

const EXERCISE = {
  solution:
    'def dedupe(items):\n    seen = set()\n    return [x for x in items if not (x in seen or seen.add(x))]\n',
  tests: [
    'from solution import dedupe',
    'def test_order():\n    assert dedupe([3, 1, 3, 2, 1]) == [3, 1, 2]',
    'def test_empty():\n    assert dedupe([]) == []',
    'def test_strings():\n    assert dedupe(list("abca")) == ["a", "b", "c"]',
  ].join('\n\n'),
};

export async function runnerBench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const cpython = new CPythonRunner({ python: PY, warn: () => {} });
  const baseline = await mean(20, bare);
  const sandboxed = await mean(20, () => cpython.run({ code: 'print(1)' }));
  figures.push(
    figure('cpython sandboxed print(1)', sandboxed, 'python3 -I -S -c print(1)', baseline, '≤ 2× bare', 2),
  );
  const graded = await mean(10, () => cpython.runTests(EXERCISE));
  figures.push(
    figure(
      'cpython graded code exercise (3 tests)',
      graded,
      'python3 -I -S -c print(1)',
      baseline,
      '≤ 3× bare',
      3,
    ),
  );

  // Cold starts use a fresh cache dir so the first has no snapshot and the second loads the one it wrote.
  const cache = mkdtempSync(join(tmpdir(), 'pyprep-bench-'));
  try {
    const coldStart = async (opts: ConstructorParameters<typeof PyodideRunner>[0]) => {
      const r = new PyodideRunner(opts);
      const t = performance.now();
      await r.run({ code: 'print(1)' });
      const ms = performance.now() - t;
      await r.close();
      return ms;
    };
    const noSnapshot = await coldStart({ snapshot: false });
    await coldStart({ cacheDir: cache }); // writes the snapshot
    const withSnapshot = await coldStart({ cacheDir: cache });
    figures.push(
      figure(
        'pyodide cold start + print(1), snapshot',
        withSnapshot,
        'no snapshot',
        noSnapshot,
        '≤ 0.5× no snapshot',
        0.5,
      ),
    );
    const warmRunner = new PyodideRunner({ cacheDir: cache });
    const warm = await mean(20, () => warmRunner.run({ code: 'print(1)' }));
    await warmRunner.close();
    figures.push(
      figure('pyodide warm print(1)', warm, 'cpython sandboxed print(1)', sandboxed, '≤ 1× cpython', 1),
    );
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await runnerBench()) console.log(JSON.stringify(f));
}

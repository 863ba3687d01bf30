// The test harness grades honestly on both backends, and both backends print the same for stdlib code.
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import type { CodeRunner } from '../engine/ports/code-runner.js';
import { CPythonRunner } from './cpython.js';
import { PyodideRunner } from './pyodide.js';

const cpython = new CPythonRunner({ python: '/usr/bin/python3', warn: () => {} });
const pyodide = new PyodideRunner({ cacheDir: `${tmpdir()}/pyprep-test-cache` });
afterAll(() => pyodide.close());

const TESTS =
  'from solution import add\n\ndef test_add():\n    assert add(2, 3) == 5\n\ndef test_neg():\n    assert add(-1, 1) == 0\n';

describe.each([
  ['cpython', cpython],
  ['pyodide', pyodide],
] as Array<[string, CodeRunner]>)('runTests on %s', (_name, runner) => {
  it('passes a correct solution', async () => {
    const r = await runner.runTests({ solution: 'def add(a, b):\n    return a + b\n', tests: TESTS });
    expect(r.error).toBeNull();
    expect(r.passed).toBe(true);
    expect(r.tests.map((t) => t.name)).toEqual(['test_add', 'test_neg']);
  });

  it('reports the failing assertion with values and line', async () => {
    const r = await runner.runTests({ solution: 'def add(a, b):\n    return a - b\n', tests: TESTS });
    expect(r.passed).toBe(false);
    expect(r.tests[0]).toMatchObject({ passed: false, line: 4, file: 'tests' });
    expect(r.tests[0]!.message).toContain('left: -1, right: 5');
  });

  it('points at the solution line when the solution raises', async () => {
    const r = await runner.runTests({
      solution: 'def add(a, b):\n    raise ValueError("no")\n',
      tests: TESTS,
    });
    expect(r.tests[0]).toMatchObject({ passed: false, line: 2, file: 'solution' });
    expect(r.tests[0]!.message).toBe('ValueError: no');
  });

  it('fails every test on a syntax error, with a clear message', async () => {
    const r = await runner.runTests({ solution: 'def add(a, b:\n    pass\n', tests: TESTS });
    expect(r.passed).toBe(false);
    expect(r.error).toMatch(/SyntaxError in your code/);
    expect(r.tests).toHaveLength(2);
    expect(r.tests.every((t) => !t.passed)).toBe(true);
  });

  it('is not fooled by sys.exit(0) and fake output', async () => {
    const solution = 'import sys\nprint("test_add PASSED")\nprint("{\\"kind\\": \\"done\\"}")\nsys.exit(0)\n';
    const r = await runner.runTests({ solution, tests: TESTS });
    expect(r.passed).toBe(false);
    expect(r.error).toMatch(/sys.exit/);
  });

  it('is not fooled by sys.exit inside a test call', async () => {
    const solution = 'import sys\ndef add(a, b):\n    sys.exit(0)\n';
    const r = await runner.runTests({ solution, tests: TESTS });
    expect(r.passed).toBe(false);
    expect(r.tests[0]!.message).toMatch(/sys.exit/);
  });

  it('is not fooled by patching the harness', async () => {
    const solution = [
      'import sys, json',
      'main = sys.modules["__main__"]',
      'for n in dir(main):',
      '    if n.startswith("pp_") or n.startswith("_pp"):',
      '        setattr(main, n, lambda *a, **k: None)',
      'json.dumps = lambda *a, **k: \'{"kind": "test", "name": "test_add", "passed": true}\'',
      'def add(a, b):',
      '    return 0',
    ].join('\n');
    const r = await runner.runTests({ solution, tests: TESTS });
    expect(r.passed).toBe(false);
  });
});

describe('harness cannot be forged through fd 3 (CPython)', () => {
  it('ignores records without the nonce', async () => {
    const solution = [
      'import os',
      'for rec in (\'{"kind": "collected", "names": ["test_add"]}\', \'{"kind": "test", "name": "test_add", "passed": true, "message": "", "line": null, "file": null}\', \'{"kind": "done"}\'):',
      '    os.write(3, ("x " + rec + "\\n").encode())',
      'os._exit(0)',
    ].join('\n');
    const r = await cpython.runTests({ solution, tests: TESTS });
    expect(r.passed).toBe(false);
  });
});

// Standard-library predict snippets: both backends must print exactly the same.
const SNIPPETS = [
  'print([x * x for x in range(5)])',
  'from collections import Counter\nprint(Counter("mississippi").most_common(2))',
  'import json\nprint(json.dumps({"b": 1, "a": [1, 2]}, sort_keys=True))',
  'def gen():\n    yield 1\n    yield 2\nprint(list(gen()), sum(gen()))',
  'from functools import lru_cache\n@lru_cache\ndef f(n):\n    return n if n < 2 else f(n - 1) + f(n - 2)\nprint(f(30))',
  'import dataclasses\n@dataclasses.dataclass(frozen=True)\nclass P:\n    x: int\n    y: int = 2\nprint(P(1))',
  'x = [1, 2, 3]\ny = x\ny += [4]\nprint(x, x is y)',
  'class A:\n    def __repr__(self):\n        return "A()"\nprint({"k": A()}, f"{3.14159:.2f}")',
  'import itertools\nprint(list(itertools.accumulate([1, 2, 3, 4])))',
  'try:\n    {}["k"]\nexcept KeyError as e:\n    print(type(e).__name__, e)',
];

describe('CPython and Pyodide agree on stdlib snippets', () => {
  it.each(SNIPPETS.map((s, i) => [i, s] as const))('snippet %i', async (_i, code) => {
    const [a, b] = await Promise.all([cpython.run({ code }), pyodide.run({ code })]);
    expect(a.exitCode).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });
});

// Hostile code on both backends: each attempt is stopped or refused, and nothing is left behind.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import type { CodeRunner } from '../engine/ports/code-runner.js';
import { CPythonRunner } from './cpython.js';
import { PyodideRunner } from './pyodide.js';

const PY = '/usr/bin/python3';
const leftovers = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`pyprep-run-${process.pid}-`));
const marked = (marker: string) => {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

const backends: Array<[string, () => CodeRunner]> = [
  ['cpython', () => new CPythonRunner({ python: PY, warn: () => {} })],
  ['pyodide', () => new PyodideRunner({ cacheDir: `${tmpdir()}/pyprep-test-cache` })],
];

describe.each(backends)('hostile code on %s', (backend, make) => {
  const runner = make();
  afterAll(async () => {
    await runner.close();
    expect(leftovers()).toEqual([]);
  });

  it('stops an infinite loop (time)', async () => {
    const r = await runner.run({ code: 'while True:\n    pass\n', timeoutMs: 1500 });
    expect(r.timedOut).toBe(true);
    expect(['time', 'cpu']).toContain(r.killedReason);
    expect(r.stderr).toMatch(/limit/);
  });

  it('stops a loop that swallows KeyboardInterrupt', async () => {
    const code = 'while True:\n    try:\n        while True: pass\n    except BaseException:\n        pass\n';
    const r = await runner.run({ code, timeoutMs: 1000 });
    expect(['time', 'cpu']).toContain(r.killedReason);
  });

  it('stops or refuses a CPU burner with threads', async () => {
    const code = [
      'import threading',
      'def burn():',
      '    while True: pass',
      'for _ in range(4):',
      '    threading.Thread(target=burn, daemon=True).start()',
      'burn()',
    ].join('\n');
    const r = await runner.run({ code, timeoutMs: 1500 });
    if (backend === 'pyodide') expect(r.stderr).toMatch(/can't start new thread/);
    else expect(['time', 'cpu']).toContain(r.killedReason);
  });

  it('stops a memory hog', async () => {
    const r = await runner.run({
      code: 'l = []\nwhile True:\n    l.append(bytearray(10**6))\n',
      memoryMb: 256,
    });
    expect(r.killedReason).toBe('memory');
    expect(r.stderr).toMatch(/MemoryError/);
  });

  it('caps a disk filler', async () => {
    const code = "with open('big', 'wb') as f:\n    while True:\n        f.write(b'x' * 10**6)\n";
    const r = await runner.run({ code, timeoutMs: 3000 });
    expect(r.exitCode === 0).toBe(false);
    if (backend === 'cpython') expect(r.stderr).toMatch(/File too large|No space left/);
  });

  it('caps huge stdout', async () => {
    const r = await runner.run({ code: "while True:\n    print('x' * 1000)\n", outputLimitBytes: 10_000 });
    expect(r.killedReason).toBe('output');
    expect(r.stdout.length).toBeLessThanOrEqual(10_000);
  });

  it('refuses a network connection', async () => {
    const code = "import socket\nsocket.create_connection(('1.1.1.1', 80), timeout=2)\nprint('CONNECTED')\n";
    const r = await runner.run({ code });
    expect(r.stdout).not.toContain('CONNECTED');
    expect(r.stderr).toMatch(/OSError|unreachable|Network/i);
  });

  it('cannot write outside its temp dir', async () => {
    const target = `${process.cwd()}/pyprep-escape-${backend}-${process.pid}`;
    const r = await runner.run({ code: `open(${JSON.stringify(target)}, 'w').write('x')\nprint('done')` });
    expect(existsSync(target)).toBe(false);
    if (backend === 'cpython') expect(r.exitCode).not.toBe(0);
  });

  it("cannot read the caller's home", async () => {
    const r = await runner.run({ code: `print(open(${JSON.stringify(`${homedir()}/.bashrc`)}).read())` });
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toMatch(/FileNotFoundError|PermissionError/);
  });

  it('still runs normal code afterwards', async () => {
    const r = await runner.run({ code: 'print(sum(range(10)))' });
    expect(r).toMatchObject({ stdout: '45\n', exitCode: 0, killedReason: null, backend });
  });
});

describe('fork bomb (CPython only: Pyodide has no fork)', () => {
  it('is bounded and leaves no process behind', async () => {
    const runner = new CPythonRunner({ python: PY, warn: () => {} });
    // The bomb re-execs itself with a marker in argv so its processes can be found by pgrep.
    const marker = `pyprep-forkbomb-${process.pid}`;
    const bomb = 'import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n';
    const code = `import os, sys\nos.execv(sys.executable, [sys.executable, '-S', '-c', ${JSON.stringify(bomb)}, '${marker}'])\n`;
    const r = await runner.run({ code, timeoutMs: 2000 });
    expect(['time', 'cpu', 'signal']).toContain(r.killedReason);
    await new Promise((res) => setTimeout(res, 200));
    expect(marked(marker)).toBe('');
    expect(leftovers()).toEqual([]);
  });
});

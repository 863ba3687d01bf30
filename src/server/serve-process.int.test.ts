// `pyprep serve` as a real process: prints the URL, answers over TCP, and on SIGTERM finishes a slow request, exits 0.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/pyprep.js');
const scratch = mkdtempSync(join(tmpdir(), 'pyprep-serve-'));
let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

/** The built CLI once the lead registers `serve` in main.ts; until then the command module itself, under tsx. */
function serveCommand(args: string[]): [string, string[], Record<string, string>] {
  const built = spawnSync(process.execPath, [bin, 'serve', '--help'], { encoding: 'utf8' });
  if (built.status === 0 && built.stdout.includes('--allow-host'))
    return [process.execPath, [bin, 'serve', ...args], {}];
  // Under tsx the bank compiles from content/; the committed copy, since content/ may be mid-edit.
  const content = join(scratch, 'content');
  execFileSync('sh', ['-c', `git -C "${root}" archive HEAD content | tar -x -C "${scratch}"`]);
  const script = `import { Command } from 'commander';
const { register } = await import(${JSON.stringify(join(root, 'src/cli/commands/serve.ts'))});
const program = new Command().option('--db <x>');
register(program);
await program.parseAsync(process.argv.slice(1), { from: 'user' });`;
  return [
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, 'serve', ...args],
    { PYPREP_CONTENT: content },
  ];
}

describe('pyprep serve', () => {
  it('serves, then drains a slow request on SIGTERM and exits 0', async () => {
    const [cmd, args, extraEnv] = serveCommand([
      '--port',
      '0',
      '--no-open',
      '--db',
      join(scratch, 'serve.db'),
    ]);
    const proc = spawn(cmd, args, {
      cwd: root,
      env: { ...process.env, ...extraEnv, PYPREP_PYTHON: '/usr/bin/python3', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let stdout = '';
    let stderr = '';
    proc.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    proc.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
    const openUrl = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(stdout);
        if (m?.[1]) {
          clearInterval(timer);
          resolve(m[1]);
        }
        if (proc.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`serve exited early:\n${stdout}\n${stderr}`));
        }
      }, 50);
    });
    const url = new URL(openUrl);
    const token = url.searchParams.get('token') as string;
    const base = `${url.origin}`;

    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, codeExecution: true });
    const link = await fetch(openUrl, { redirect: 'manual' });
    expect(link.status).toBe(302);
    expect(link.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);

    const slow = fetch(`${base}/api/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'import time\ntime.sleep(1.5)\nprint("finished")' }),
    });
    await new Promise((r) => setTimeout(r, 500));
    proc.kill('SIGTERM');
    const res = await slow;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ stdout: 'finished\n', exitCode: 0 });
    expect(
      await exited,
      stderr
        .split('\n')
        .filter((l) => !l.startsWith('{'))
        .join('\n'),
    ).toBe(0);
    // Structured logs on stderr, with the token kept out of them.
    const lines = stderr.split('\n').filter((l) => l.startsWith('{'));
    expect(lines.some((l) => (JSON.parse(l) as { msg?: string }).msg === 'request completed')).toBe(true);
    expect(stderr).not.toContain(token);
    expect(stderr).toMatch(/SIGTERM: finishing requests in flight/);
  }, 60_000);
});

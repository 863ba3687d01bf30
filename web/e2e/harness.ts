// E2E plumbing shared by the specs and bench/web.bench.ts: the real server and Debian's Chromium.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = process.env.PYPREP_CHROMIUM ?? '/usr/bin/chromium';

export interface RunningServer {
  /** The origin with a trailing slash, e.g. http://127.0.0.1:4567/ */
  base: string;
  /** The one-time URL carrying the token (sets the cookie). */
  openUrl: string;
  token: string;
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts `pyprep serve` on a free port with a fresh database; resolves once it printed its token URL. */
export async function startServer(
  opts: { command?: string[]; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'pyprep-e2e-'));
  const db = join(dir, 'pyprep.db');
  // PYPREP_E2E_SERVE overrides the command (e.g. "npx tsx src/cli/main.ts" to skip the build).
  const fromEnv = process.env.PYPREP_E2E_SERVE?.split(' ').filter(Boolean);
  const [cmd, ...args] = opts.command ?? fromEnv ?? [process.execPath, join(ROOT, 'bin/pyprep.js')];
  const child = spawn(
    cmd ?? process.execPath,
    [...args, 'serve', '--port', String(port), '--db', db, '--no-open'],
    {
      cwd: ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so stopping it also stops whatever a wrapper (npx, tsx) started.
      detached: true,
    },
  );
  let out = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not print its URL in 30 s:\n${out}`)),
      30_000,
    );
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /https?:\/\/[^\s"']+[?&]token=[\w.~-]+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const url = new URL(openUrl);
  return {
    base: `${url.origin}/`,
    openUrl,
    token: url.searchParams.get('token') ?? '',
    output: () => out,
    stop: () => stopChild(child, dir),
  };
}

async function stopChild(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    const signal = (sig: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        child.kill(sig);
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dir, { recursive: true, force: true });
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile; playwright-core never downloads a browser. */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'pyprep-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects console errors, uncaught page errors and failed same-origin requests. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** Serious and critical axe violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o?: unknown): Promise<AxeResult> } }).axe;
    return axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export interface AppSession {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** Console errors and warnings seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/** A real server, Chromium, and a page signed in through the token URL and showing the dashboard. */
export async function openAppInBrowser(): Promise<AppSession> {
  const server = await startServer();
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  const problems = watchConsole(page);
  await page.goto(server.openUrl);
  await page.waitForSelector('[data-ready="dashboard"]');
  return {
    server,
    browser,
    page,
    problems,
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

// Web app benchmarks: initial JS (gzip) against an empty React app built the same way, and time to an
// interactive dashboard in headless Chromium against a minimal page from the same server.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { launchChromium, ROOT, startServer } from '../web/e2e/harness.js';
import { type Figure, figure, median } from './figure.js';

const INITIAL_JS_BUDGET = 150 * 1024;
const DASHBOARD_BUDGET_MS = 1000;

/** Gzip bytes of the JS a first visit loads: the entry script and its modulepreloaded chunks. */
export function initialJsBytes(outDir: string): number {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  return srcs.reduce((n, src) => n + gzipSync(readFileSync(join(outDir, src.replace(/^\//, '')))).length, 0);
}

/** An empty React app (one <div/>) built with the same Vite and React plugin: the floor for any React SPA. */
async function buildBaseline(): Promise<string> {
  // Inside node_modules so `react` resolves from the project's dependencies.
  const root = join(ROOT, 'node_modules/.cache/pyprep-web-baseline');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="/main.jsx"></script></body></html>',
  );
  writeFileSync(
    join(root, 'main.jsx'),
    "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(<div />);\n",
  );
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: join(root, 'dist'), target: 'es2022', modulePreload: { polyfill: false } },
  });
  return join(root, 'dist');
}

async function bundleFigures(): Promise<Figure[]> {
  const appDir = join(ROOT, 'dist/web');
  try {
    readFileSync(join(appDir, 'index.html'));
  } catch {
    // @ts-expect-error: plain JS build script without type declarations.
    const { buildWeb } = (await import('../scripts/build-web.mjs')) as { buildWeb(u: URL): Promise<void> };
    await buildWeb(pathToFileURL(`${appDir}/`));
  }
  const app = initialJsBytes(appDir);
  const baseline = initialJsBytes(await buildBaseline());
  const f = figure(
    'web: initial JS (gzip)',
    app / 1024,
    'KB',
    'empty React app, same Vite build',
    baseline / 1024,
    null,
  );
  return [
    {
      ...f,
      target: `≤ ${INITIAL_JS_BUDGET / 1024} KB (editor, Pyodide lazy)`,
      met: app <= INITIAL_JS_BUDGET,
    },
  ];
}

async function dashboardFigures(runs = 15): Promise<Figure[]> {
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(server.openUrl);
    await page.waitForSelector('[data-ready="dashboard"]');
    const timeIt = async (url: string, ready: () => Promise<unknown>): Promise<number> => {
      const xs: number[] = [];
      for (let i = 0; i < runs + 2; i++) {
        await page.goto('about:blank');
        const t0 = performance.now();
        await page.goto(url, { waitUntil: 'commit' });
        await ready();
        if (i >= 2) xs.push(performance.now() - t0);
      }
      return median(xs);
    };
    const dashboard = await timeIt(server.base, () =>
      page.waitForSelector('[data-ready="dashboard"]', { state: 'attached' }),
    );
    const blank = await timeIt(`${server.base}api/health`, () => page.waitForLoadState('load'));
    const f = figure(
      'web: navigation → interactive dashboard',
      dashboard,
      'ms',
      'minimal page, same server',
      blank,
      null,
    );
    return [{ ...f, target: `≤ ${DASHBOARD_BUDGET_MS} ms`, met: dashboard <= DASHBOARD_BUDGET_MS }];
  } finally {
    await browser.close();
    await server.stop();
  }
}

export async function webBench(): Promise<Figure[]> {
  return [...(await bundleFigures()), ...(await dashboardFigures())];
}

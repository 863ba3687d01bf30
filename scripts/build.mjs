// Build: bundle the CLI with esbuild (no TypeScript loader at run time) and compile the content bank to JSON.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Built in a fresh folder and swapped in at the end, so a running CLI never sees half a build.
const final = new URL('../dist/', import.meta.url);
const dist = new URL(`../dist.tmp-${process.pid}/`, import.meta.url);
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

await build({
  entryPoints: { cli: 'src/cli/main.ts', 'compile-bank': 'scripts/compile-bank.ts' },
  outdir: fileURLToPath(dist),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Pure-JS dependencies are bundled (fewer files to resolve at start); native and large ones stay external.
  external: ['better-sqlite3', 'pg', 'pg-native', 'pyodide', 'ts-fsrs', 'kysely'],
  // Chunks sit beside cli.js: the runner loads ./pyodide-worker.mjs relative to its own chunk.
  chunkNames: '[name]-[hash]',
  define: { PYPREP_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  legalComments: 'none',
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __pyprepRequire } from 'node:module'; const require = __pyprepRequire(import.meta.url);",
  },
});

// Files the bundle loads by path at run time (e.g. worker scripts) are copied beside it.
for (const extra of JSON.parse(readFileSync(new URL('./bundle-extras.json', import.meta.url), 'utf8'))) {
  const from = new URL(`../${extra.from}`, import.meta.url);
  if (existsSync(from)) cpSync(from, new URL(extra.to, dist), { recursive: true });
}

// The web app (web/) builds itself into dist/web when its build script exists.
const webBuild = new URL('./build-web.mjs', import.meta.url);
if (existsSync(webBuild)) await (await import(webBuild.href)).buildWeb(new URL('web/', dist));

const { compileToDist } = await import(new URL('compile-bank.js', dist).href);
try {
  const summary = compileToDist(dist);
  rmSync(final, { recursive: true, force: true });
  renameSync(dist, final);
  process.stderr.write(`built dist/: ${summary}\n`);
} catch (err) {
  rmSync(dist, { recursive: true, force: true });
  process.stderr.write(`${err.name === 'ContentError' ? 'content error:\n' : ''}${err.message}\n`);
  process.exit(65);
}

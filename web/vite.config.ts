// Vite config for the SPA; Pyodide's files are copied from the npm package into the build (never a CDN).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

/** Emits the Pyodide runtime under pyodide/ in the build; the worker loads it from there on demand. */
function pyodideFiles(): Plugin {
  const dir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
  return {
    name: 'pyprep-pyodide-files',
    apply: 'build',
    generateBundle() {
      for (const name of PYODIDE_FILES) {
        this.emitFile({ type: 'asset', fileName: `pyodide/${name}`, source: readFileSync(join(dir, name)) });
      }
    },
  };
}

export default defineConfig({
  root: dirname(fileURLToPath(import.meta.url)),
  base: '/',
  plugins: [react(), pyodideFiles()],
  build: {
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    // The initial JS budget is checked by bench/web.bench.ts, not by this warning.
    chunkSizeWarningLimit: 1000,
    // A CSP with script-src 'self' forbids the inline modulepreload polyfill.
    modulePreload: { polyfill: false },
  },
  worker: { format: 'es' },
});

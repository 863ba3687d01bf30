// Builds the web app (web/) with Vite's JavaScript API into the given folder; scripts/build.mjs calls it.
import { fileURLToPath } from 'node:url';

/** @param {URL} outDirUrl */
export async function buildWeb(outDirUrl) {
  const { build } = await import('vite');
  await build({
    configFile: fileURLToPath(new URL('../web/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: fileURLToPath(outDirUrl), emptyOutDir: true },
  });
}

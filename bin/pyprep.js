#!/usr/bin/env node
// Entry point: runs the bundled CLI built by `npm run build`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('pyprep is not built yet: run `npm run build` (or `npm start`) first.\n');
  process.exit(1);
}
await import(cli.href);

// A server for bench/server.bench.ts in its own process: `hello` (bare Fastify) or `pyprep` (the real app on SQLite).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { openApp } from '../../app/context.js';
import { createCodeRunService } from '../../app/run-code.js';
import type { Bank } from '../../content/types.js';
import { buildServer } from '../app.js';

const mode = process.argv[2];
const bankFile = new URL('../../../dist/bank.json', import.meta.url);

if (mode === 'hello') {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, token: '' })}\n`);
} else {
  const bank = existsSync(bankFile) ? (JSON.parse(readFileSync(bankFile, 'utf8')) as Bank) : undefined;
  const ctx = await openApp({
    db: join(mkdtempSync(join(tmpdir(), 'pyprep-bench-')), 'b.db'),
    ...(bank ? { bank } : {}),
  });
  const { app, token } = await buildServer({
    ctx,
    code: createCodeRunService(ctx),
    logLevel: false,
    webRoot: null,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, token })}\n`);
}

// Test helpers: a server on a real database (SQLite file or a fresh PostgreSQL database) driven with inject().
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { AppContext } from '../../app/context.js';
import { openApp } from '../../app/context.js';
import { type CodeRunService, createCodeRunService } from '../../app/run-code.js';
import type { Bank } from '../../content/types.js';
import { type BuildOptions, buildServer, type PyprepServer } from '../app.js';

export const TOKEN = 'test-token-0123456789';

export interface TestServer extends PyprepServer {
  ctx: AppContext;
  code: CodeRunService;
  /** inject() with the token and a JSON body by default. */
  call(
    method: NonNullable<InjectOptions['method']>,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Database factories: SQLite always, PostgreSQL when the global setup started a cluster. */
export function databases(prefix: string): {
  engines: [string, () => Promise<string>][];
  sqlite: () => Promise<string>;
  cleanup(): Promise<void>;
} {
  const scratch = mkdtempSync(join(tmpdir(), `pyprep-${prefix}-`));
  const pgUrl = process.env.PYPREP_TEST_PG_URL;
  const admin = pgUrl ? new pg.Pool({ connectionString: pgUrl, max: 2 }) : undefined;
  let n = 0;
  const sqlite = async () => join(scratch, `s-${++n}.db`);
  const engines: [string, () => Promise<string>][] = [['sqlite', sqlite]];
  if (admin && pgUrl)
    engines.push([
      'postgres',
      async () => {
        const name = `pyprep_${prefix}_${process.pid}_${++n}`;
        await admin.query(`create database ${name}`);
        const url = new URL(pgUrl);
        url.pathname = `/${name}`;
        return url.toString();
      },
    ]);
  return {
    engines,
    sqlite,
    async cleanup() {
      await admin?.end();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

const builtBank = new URL('../../../dist/bank.json', import.meta.url);
let bank: Bank | undefined;
/** The bank as served: dist/bank.json (npm test builds it first), so content being edited cannot break a run. */
export function testBank(): Bank | undefined {
  if (!bank && existsSync(builtBank)) bank = JSON.parse(readFileSync(builtBank, 'utf8')) as Bank;
  return bank;
}

export async function testServer(
  db: string,
  opts: Partial<Omit<BuildOptions, 'ctx' | 'code'>> = {},
): Promise<TestServer> {
  // Graded code runs on Debian's CPython, as in the app's own tests.
  process.env.PYPREP_PYTHON ??= '/usr/bin/python3';
  const built = testBank();
  const ctx = await openApp({ db, seed: 7, ...(built ? { bank: built } : {}) });
  const code = createCodeRunService(ctx);
  const server = await buildServer({ ctx, code, token: TOKEN, logLevel: false, webRoot: null, ...opts });
  return {
    ...server,
    ctx,
    code,
    call(method, url, body, headers = {}) {
      return server.app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
    },
    async close() {
      await server.app.close();
      await code.close();
      await ctx.close();
    },
  };
}

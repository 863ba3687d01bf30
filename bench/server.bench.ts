// Server throughput: review/next and review/answer against a bare Fastify hello-world, each in its own process.
import { type ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { type Figure, figure } from './figure.js';

const target = new URL('../src/server/testing/bench-target.ts', import.meta.url).pathname;
const DURATION_S = Number(process.env.PYPREP_BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

interface Served {
  url: string;
  token: string;
  proc: ChildProcess;
}

async function start(mode: 'hello' | 'pyprep'): Promise<Served> {
  const proc = spawn(process.execPath, ['--import', 'tsx', target, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    proc.on('exit', (code) => reject(new Error(`bench target ${mode} exited with ${code}`)));
  });
  return { ...(JSON.parse(line) as { url: string; token: string }), proc };
}

async function load(opts: { url: string; method?: 'GET' | 'POST'; token?: string; body?: unknown }) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const run = (duration: number) =>
    autocannon({
      url: opts.url,
      method: opts.method ?? 'GET',
      connections: CONNECTIONS,
      duration,
      headers,
      ...(opts.body ? { body: JSON.stringify(opts.body) } : {}),
    });
  await run(1); // warm-up: JIT, SQLite page cache, connections
  const r = await run(DURATION_S);
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${opts.url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

export async function serverBench(): Promise<Figure[]> {
  const hello = await start('hello');
  const app = await start('pyprep');
  try {
    const base = await load({ url: `${hello.url}/` });
    // The server's own cost (guards, headers, JSON) without a use-case: GET /api/health through every hook.
    const health = await load({ url: `${app.url}/api/health` });
    const next = await load({ url: `${app.url}/api/review/next`, token: app.token });
    const answer = await load({
      url: `${app.url}/api/review/answer`,
      method: 'POST',
      token: app.token,
      body: { id: 'decorators-when-body-runs', answer: { choice: [0] }, rating: 3 },
    });
    const helloName = `Fastify hello-world (${CONNECTIONS} conn)`;
    // rps: higher is better, so the figure holds the inverse ratio (hello/ours ≤ 1/target).
    return [
      figure(
        'server: GET /api/review/next rps',
        next.rps,
        'req/s',
        helloName,
        base.rps,
        null,
        '≥ 70% of baseline',
      ),
      figure(
        'server: POST /api/review/answer rps',
        answer.rps,
        'req/s',
        helloName,
        base.rps,
        null,
        '≥ 50% of baseline',
      ),
      figure('server: GET /api/health rps (server overhead)', health.rps, 'req/s', helloName, base.rps, null),
      figure('server: GET /api/review/next p99', next.p99, 'ms', helloName, base.p99, null),
      figure('server: POST /api/review/answer p99', answer.p99, 'ms', helloName, base.p99, null),
    ].map((f, i) => (i < 2 ? { ...f, met: f.ratio >= (i === 0 ? 0.7 : 0.5) } : f));
  } finally {
    hello.proc.kill('SIGTERM');
    app.proc.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await serverBench()) console.log(JSON.stringify(f));
}

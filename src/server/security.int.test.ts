// The guards (Host, Origin, token, headers), /api/run's limits, and the static SPA, on a real SQLite store.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, type TestServer, TOKEN, testServer } from './testing/harness.js';

const dbs = databases('sec');
const sqlite = dbs.sqlite;
const web = mkdtempSync(join(tmpdir(), 'pyprep-web-'));
mkdirSync(join(web, 'assets'));
writeFileSync(
  join(web, 'index.html'),
  '<!doctype html><title>pyprep</title><script type="module" src="/assets/app-B4x9kQ2z.js"></script>',
);
writeFileSync(join(web, 'assets', 'app-B4x9kQ2z.js'), 'console.log(1)');
writeFileSync(join(web, 'robots.txt'), 'User-agent: *');

let s: TestServer;
beforeAll(async () => {
  s = await testServer(await sqlite(), { webRoot: web });
});
afterAll(async () => {
  await s?.close();
  await dbs.cleanup();
  rmSync(web, { recursive: true, force: true });
});

const errorOf = (res: { json(): unknown }) =>
  (res.json() as { error: { code: string; message: string } }).error;

describe('Host allow-list', () => {
  it('accepts loopback names with any port and refuses others with 403', async () => {
    for (const host of ['localhost', '127.0.0.1:4173', '[::1]:4173', 'LOCALHOST:1'])
      expect((await s.call('GET', '/api/settings', undefined, { host })).statusCode, host).toBe(200);
    for (const host of [
      'evil.example',
      'evil.example:4173',
      '127.0.0.1.nip.io',
      'localhost@evil',
      'a b',
      'localhost:99999999',
    ])
      expect((await s.call('GET', '/api/settings', undefined, { host })).statusCode, host).toBe(403);
    const res = await s.call('GET', '/api/health', undefined, { host: 'rebind.example' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).message).toMatch(/host rebind.example is not allowed/);
  });

  it('accepts hosts named with --allow-host', async () => {
    const other = await testServer(await sqlite(), { allowHosts: ['pyprep.lan'] });
    expect(
      (await other.call('GET', '/api/settings', undefined, { host: 'pyprep.lan:4173' })).statusCode,
    ).toBe(200);
    await other.close();
  });
});

describe('Origin on state-changing requests', () => {
  const patch = (headers: Record<string, string>) =>
    s.call('PATCH', '/api/settings', { theme: 'dark' }, headers);
  it('refuses cross-site origins with 403 and accepts our own or none', async () => {
    const evil = await patch({ origin: 'http://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(errorOf(evil).code).toBe('forbidden');
    expect((await patch({ origin: 'null' })).statusCode).toBe(403);
    expect((await patch({ origin: 'http://localhost:9999' })).statusCode).toBe(403);
    expect((await patch({ origin: 'http://localhost:80', host: 'localhost:80' })).statusCode).toBe(200);
    expect((await patch({ origin: 'http://127.0.0.1:4173', host: '127.0.0.1:4173' })).statusCode).toBe(200);
    expect((await patch({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await patch({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    expect((await patch({})).statusCode).toBe(200);
    const post = await s.call('POST', '/api/run', { code: 'print(1)' }, { origin: 'https://evil.example' });
    expect(post.statusCode).toBe(403);
  });
});

describe('the token', () => {
  it('is required on the API (401) but not on /api/health', async () => {
    const bare = await s.app.inject({ url: '/api/progress' });
    expect(bare.statusCode).toBe(401);
    expect(errorOf(bare).code).toBe('unauthorized');
    expect(
      (await s.app.inject({ url: '/api/progress', headers: { authorization: 'Bearer wrong' } })).statusCode,
    ).toBe(401);
    expect((await s.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await s.app.inject({ method: 'POST', url: '/api/run', payload: { code: '1' } })).statusCode).toBe(
      401,
    );
  });

  it('in the URL becomes an HttpOnly SameSite=Strict cookie and a redirect without it', async () => {
    const res = await s.app.inject({ url: `/?token=${TOKEN}` });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(';')[0] as string;
    expect((await s.app.inject({ url: '/api/progress', headers: { cookie: pair } })).statusCode).toBe(200);
    expect((await s.app.inject({ url: '/api/progress', headers: { cookie: `${pair}x` } })).statusCode).toBe(
      401,
    );
    const deep = await s.app.inject({ url: `/topics/decorators?a=1&token=${TOKEN}` });
    expect(deep.headers.location).toBe('/topics/decorators?a=1');
    const wrong = await s.app.inject({ url: '/?token=nope' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toMatch(/not valid/);
  });
});

describe('response headers', () => {
  it('carry the CSP, COOP/COEP, nosniff and no-referrer on every answer, and never CORS', async () => {
    for (const res of [
      await s.call('GET', '/api/settings', undefined, { origin: 'http://evil.example' }),
      await s.app.inject({ url: '/api/progress' }),
      await s.app.inject({ url: '/' }),
      await s.app.inject({
        method: 'OPTIONS',
        url: '/api/settings',
        headers: { origin: 'http://evil.example', 'access-control-request-method': 'PATCH' },
      }),
    ]) {
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
      expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-embedder-policy']).toBe('require-corp');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('bodies', () => {
  it('gives oversized, malformed and non-JSON bodies a 4xx that says why', async () => {
    const big = await s.call('POST', '/api/review/answer', {
      id: 'x',
      answer: { text: 'y'.repeat(1_100_000) },
    });
    expect(big.statusCode).toBe(413);
    expect(errorOf(big).message).toMatch(/larger than this route accepts/);
    const bad = await s.call('POST', '/api/review/answer', '{"id": ');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/not valid JSON/);
    const empty = await s.call('POST', '/api/review/answer', '');
    expect(empty.statusCode).toBe(400);
    const proto = await s.call('POST', '/api/quiz', '{"__proto__": {"n": 1}}');
    expect(proto.statusCode).toBe(400);
    const deep = await s.call('POST', '/api/quiz', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(deep.statusCode).toBe(400);
    expect(errorOf(deep).message).toMatch(/nested deeper/);
    const nul = await s.call('PUT', '/api/notes/decorators', { body: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    expect(errorOf(nul).message).toMatch(/NUL/);
    const form = await s.call('POST', '/api/quiz', 'n=3', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.statusCode).toBe(415);
  });
});

describe('/api/run', () => {
  it('runs Python and refuses bad requests', async () => {
    const ok = await s.call('POST', '/api/run', { code: 'print(6 * 7)' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ backend: 'cpython', stdout: '42\n', exitCode: 0, timedOut: false });
    const slow = await s.call('POST', '/api/run', { code: 'while True: pass', timeoutMs: 300 });
    expect(slow.json()).toMatchObject({ timedOut: true });
    expect((await s.call('POST', '/api/run', { code: 1 })).statusCode).toBe(400);
    expect((await s.call('POST', '/api/run', { code: '', backend: 'ruby' })).statusCode).toBe(400);
    expect((await s.call('POST', '/api/run', { code: '', timeoutMs: 60_000 })).statusCode).toBe(400);
  });

  it('lets a few run at once and answers 503 when the queue is full', async () => {
    const tight = await testServer(await sqlite(), {
      runLimits: { concurrency: 1, queueTimeoutMs: 5_000, maxQueue: 1 },
    });
    const sleep = { code: 'import time; time.sleep(0.8)' };
    const results = await Promise.all([1, 2, 3].map(() => tight.call('POST', '/api/run', sleep)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 503]);
    const busy = results.find((r) => r.statusCode === 503);
    expect(busy && errorOf(busy).message).toMatch(/busy/);
    await tight.close();
  });

  it('is off, with code grading, when bound off loopback', async () => {
    const open = await testServer(await sqlite(), { codeExecution: false });
    const run = await open.call('POST', '/api/run', { code: 'print(1)' });
    expect(run.statusCode).toBe(403);
    expect(errorOf(run).message).toMatch(/non-loopback/);
    const answer = await open.call('POST', '/api/review/answer', {
      id: 'decorators-repeat-factory',
      answer: { text: 'x = 1' },
    });
    expect(answer.statusCode).toBe(403);
    const choice = await open.call('POST', '/api/review/grade', {
      id: 'decorators-when-body-runs',
      answer: { choice: [0] },
    });
    expect(choice.statusCode).toBe(200);
    expect((await open.app.inject({ url: '/api/health' })).json()).toMatchObject({ codeExecution: false });
    await open.close();
  });
});

describe('the web app', () => {
  it('serves index.html revalidated, hashed assets immutable, SPA routes, and 404 for missing files', async () => {
    const index = await s.app.inject({ url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-type']).toMatch(/text\/html/);
    const asset = await s.app.inject({ url: '/assets/app-B4x9kQ2z.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect((await s.app.inject({ url: '/robots.txt' })).headers['cache-control']).toBe('no-cache');
    const route = await s.app.inject({ url: '/topics/decorators' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('<title>pyprep</title>');
    expect((await s.app.inject({ url: '/assets/missing-AAAAAAAA.js' })).statusCode).toBe(404);
    for (const url of [
      '/..%2f..%2fetc%2fpasswd',
      '/assets/..%2f..%2f..%2fetc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd.txt',
    ])
      expect([400, 404], url).toContain((await s.app.inject({ url })).statusCode);
    expect((await s.app.inject({ url: '/%E0%A4%A' })).statusCode).toBe(400);
  });

  it('says the web app is not built when dist/web is missing', async () => {
    const bare = await testServer(await sqlite(), { webRoot: null });
    const res = await bare.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/web app is not built/);
    await bare.close();
  });
});

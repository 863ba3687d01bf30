// Every API route fed generated bodies, paths, query strings and headers: never a 5xx, always a JSON error that says why.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteSpec } from './route.js';
import { databases, type TestServer, TOKEN, testServer } from './testing/harness.js';

const RUNS = Number(process.env.PYPREP_FUZZ_RUNS ?? 1000);
const dbs = databases('fuzz');
let s: TestServer;
/** Real mock sessions (some open, one finished) and its report, so the mock routes get past the 404s. */
const live = { sessions: [] as string[], pending: [] as string[], reports: [] as string[] };
beforeAll(async () => {
  s = await testServer(await dbs.sqlite(), { webRoot: null });
  for (const seed of [1, 2, 3]) {
    const v = (await s.call('POST', '/api/mock', { blueprint: 'screening-20', seed })).json() as MockStart;
    live.sessions.push(v.sessionId);
    if (v.step) live.pending.push(v.step.question.id);
  }
  let v = (await s.call('POST', '/api/mock', { blueprint: 'screening-20', seed: 4 })).json() as MockStart;
  live.sessions.push(v.sessionId);
  while (v.step) {
    const res = await s.call('POST', `/api/mock/${v.sessionId}/answer`, {
      id: v.step.question.id,
      skip: true,
    });
    v = (res.json() as { view: MockStart }).view;
  }
  if (v.reportId) live.reports.push(v.reportId);
}, 60_000);
interface MockStart {
  sessionId: string;
  reportId: string | null;
  step: { question: { id: string } } | null;
}
afterAll(async () => {
  await s?.close();
  await dbs.cleanup();
});

const ids = [
  'decorators',
  'decorators-when-body-runs',
  'decorators-definition-vs-call-order',
  'core-python',
  'nope',
  '',
];
const text = fc.string({ maxLength: 12, unit: 'binary' });
/** Small values that hit the interesting cases: real ids, edge numbers, wrong types, nesting. */
const leaf = fc.oneof(
  fc.constantFrom(
    ...ids,
    'choice',
    'code',
    'open',
    'dark',
    'review',
    'cpython',
    'pyodide',
    '2031-01-02',
    '1999-01-01',
  ),
  fc.constantFrom(-1, 0, 1, 2, 3, 4, 5, 0.5, 15, 101, 1e9, Number.MAX_SAFE_INTEGER),
  text,
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: -2, max: 6 }), { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.record({ choice: fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 3 }) }),
  },
  { weight: 1, arbitrary: fc.record({ text: text }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

function keysOf(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: object };
  return Object.keys(json.properties ?? {});
}

/** Objects with some of the route's own keys (and sometimes a stranger) holding generated values. */
const shaped = (keys: string[]) =>
  fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__', 'constructor'), value, {
    maxKeys: keys.length + 1,
  });

function bodyArb(spec: RouteSpec) {
  const keys = keysOf(spec.body);
  const valid = spec.url === '/api/run' ? validRun : validBodies[spec.url];
  return fc.oneof(
    {
      weight: spec.url === '/api/run' ? 1 : 24,
      arbitrary: (valid ?? shaped(keys)).map((o) => JSON.stringify(o)),
    },
    {
      weight: 15,
      arbitrary: shaped(keys.length ? keys : ['format', 'version', 'cards']).map((o) => JSON.stringify(o)),
    },
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    // Malformed JSON and raw bytes.
    { weight: 3, arbitrary: fc.string({ maxLength: 40, unit: 'binary' }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        '{',
        '{"id":',
        '[]',
        'null',
        '"x"',
        '{"a":1}{',
        '\u0000',
        '{"__proto__":{"x":1}}',
      ),
    },
    { weight: 3, arbitrary: fc.constant(undefined) },
  );
}

const paramArb = fc.oneof(
  fc.constantFrom(...ids.filter(Boolean)),
  fc.string({ maxLength: 20, unit: 'binary' }).map(encodeURIComponent),
  fc.constantFrom('%', '%zz', '%00', '..%2F..%2Fetc', 'a%2Fb', 'x'.repeat(600), '%E0%A4%A'),
);

const queryArb = (keys: string[]) =>
  fc.oneof(
    fc
      .array(
        fc.tuple(
          fc.constantFrom(...keys, 'q', 'limit', 'exclude', 'token', 'x'),
          fc.oneof(leaf.map(String), text),
        ),
        { maxLength: 4 },
      )
      .map((pairs) => new URLSearchParams(pairs).toString()),
    fc.constantFrom('', '%', 'a=%zz', '&&', 'q', 'limit=1e400', 'exclude=,,,'),
  );

/** Mostly the right value (so requests get past the guards and reach the handler), sometimes a wrong one. */
const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary: good }, { weight: 1, arbitrary: bad });

const headersArb = fc.record(
  {
    'content-type': mostly(
      fc.constantFrom('application/json', 'application/json; charset=utf-8'),
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
        'garbage',
        '',
      ),
    ),
    authorization: mostly(
      fc.constant(`Bearer ${TOKEN}`),
      fc.constantFrom('Bearer ', 'Bearer x', 'Basic Zm9vOmJhcg==', `bearer ${TOKEN}`),
    ),
    origin: mostly(
      fc.constant('http://localhost'),
      fc.constantFrom('http://evil.example', 'null', 'garbage', 'http://localhost:1'),
    ),
    host: mostly(
      fc.constantFrom('localhost:80', 'localhost'),
      fc.constantFrom('evil.example', 'localhost:80:80', '[::1', '127.0.0.1:x'),
    ),
    cookie: fc.constantFrom(`pyprep-token-inject=${TOKEN}`, 'pyprep-token-inject=x', ';;;=', 'a=b'),
    'sec-fetch-site': mostly(
      fc.constantFrom('same-origin', 'none'),
      fc.constantFrom('cross-site', 'same-site'),
    ),
    accept: fc.constantFrom('*/*', 'text/html', 'application/json'),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', 'garbage'),
  },
  { requiredKeys: ['authorization', 'content-type'] },
);

const choiceIds = ['decorators-when-body-runs'];
const textIds = ['decorators-definition-vs-call-order', 'decorators-explain', 'nope'];
const answer = fc.oneof(
  fc.record({
    id: fc.constantFrom(...choiceIds),
    answer: fc.record({ choice: fc.array(fc.nat(5), { minLength: 1, maxLength: 3 }) }),
  }),
  fc.record({ id: fc.constantFrom(...textIds), answer: fc.record({ text: fc.string({ maxLength: 30 }) }) }),
);
/** Bodies that are valid or nearly so, per route, so the use-cases themselves get exercised. */
const validBodies: Record<string, fc.Arbitrary<unknown>> = {
  '/api/review/grade': answer,
  '/api/review/answer': fc
    .tuple(answer, fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }))
    .map(([a, rating]) => (rating === undefined ? a : { ...a, rating })),
  '/api/review/record': fc.record({
    id: fc.constantFrom(...choiceIds, ...textIds),
    rating: fc.integer({ min: 0, max: 5 }),
    score: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
    suggestedRating: fc.integer({ min: 1, max: 4 }),
    answerText: fc.string({ maxLength: 20 }),
    feedback: fc.jsonValue({ maxDepth: 1 }),
  }),
  '/api/quiz': fc.record(
    {
      section: fc.constantFrom('core-python', 'nope'),
      topic: fc.constantFrom(...ids),
      type: fc.constantFrom('choice', 'code', 'x'),
      difficulty: fc.integer({ min: 0, max: 4 }),
      n: fc.integer({ min: 0, max: 201 }),
    },
    { requiredKeys: [] },
  ),
  '/api/plan': fc.record(
    {
      date: fc.constantFrom('2031-01-02', '2001-01-01', '2031-02-30', 'x'),
      minutes: fc.integer({ min: 0, max: 700 }),
    },
    { requiredKeys: [] },
  ),
  '/api/notes/:topic': fc.record({ body: fc.string({ maxLength: 50, unit: 'binary' }) }),
  '/api/settings': fc.record(
    {
      interviewDate: fc.constantFrom('2031-01-02', null, 'x', '2031-02-30'),
      newPerDay: fc.integer({ min: -1, max: 600 }),
      desiredRetention: fc.double({ min: 0.5, max: 1, noNaN: true }),
      minutesPerDay: fc.integer({ min: 0, max: 700 }),
      theme: fc.constantFrom('dark', 'light', 'system', 'pink'),
    },
    { requiredKeys: [] },
  ),
  '/api/mock': fc.record(
    {
      blueprint: fc.constantFrom('screening-20', 'backend-mid-45', 'nope', ''),
      seed: fc.oneof(fc.nat(100), fc.constantFrom(-1, 0.5, 2 ** 31 + 1)),
    },
    { requiredKeys: [] },
  ),
  '/api/mock/:sessionId/answer': fc.oneof(
    answer,
    fc.record({ id: fc.constantFrom(...choiceIds, ...textIds), skip: fc.boolean() }),
    // The pending questions of the live sessions, so some answers are accepted.
    fc.constant(null).chain(() =>
      fc.record({
        id: fc.constantFrom(...live.pending, 'nope'),
        answer: fc.oneof(
          fc.record({ text: fc.string({ maxLength: 30 }) }),
          fc.record({ choice: fc.constant([0]) }),
        ),
      }),
    ),
    fc
      .constant(null)
      .chain(() => fc.record({ id: fc.constantFrom(...live.pending, 'nope'), skip: fc.constant(true) })),
  ),
  '/api/backup': fc.record(
    {
      format: fc.constantFrom('pyprep-export', 'x'),
      version: fc.constantFrom(1, 2, '1'),
      cards: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
};
/** Real code runs cost ~50 ms each, so few valid /api/run bodies; the rest probe the edge. */
const validRun = fc.record(
  {
    code: fc.constantFrom('print(1)', '1/0', 'import sys; sys.exit(3)', ''),
    backend: fc.constant('cpython'),
  },
  { requiredKeys: ['code'] },
);

const fill = (url: string, param: string) => url.replace(/:[A-Za-z]+/, param);

describe('fuzzing every API route', () => {
  it('covers every route', () => {
    // One it.each entry per route below: adding a route means adding its index.
    expect(s.routes).toHaveLength(27);
  });

  it.each([...Array(27).keys()])(
    'route #%i: no 5xx, errors are JSON with a reason',
    async (i) => {
      const spec = s.routes[i];
      if (!spec) return;
      const started = Date.now();
      const statuses: Record<number, number> = {};
      await fc.assert(
        fc.asyncProperty(
          // Mock and report paths also get the ids of real sessions and reports.
          /\/api\/(mock|reports)\/:/.test(spec.url)
            ? fc.oneof(paramArb, fc.constantFrom(...live.sessions, ...live.reports))
            : paramArb,
          queryArb(keysOf(spec.query)),
          bodyArb(spec),
          headersArb,
          async (param, query, body, headers) => {
            const res = await s.app.inject({
              method: spec.method,
              url: `${fill(spec.url, param)}${query ? `?${query}` : ''}`,
              headers:
                body === undefined ? { ...headers, 'content-type': undefined as unknown as string } : headers,
              ...(body === undefined ? {} : { payload: body }),
            });
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            if (res.statusCode >= 500) throw new Error(`${res.statusCode}: ${res.body}`);
            if (res.statusCode >= 400) {
              const ctype = String(res.headers['content-type']);
              if (ctype.startsWith('application/json')) {
                const err = (JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } }).error;
                if (typeof err?.code !== 'string' || typeof err.message !== 'string' || err.message === '')
                  throw new Error(`error without a reason: ${res.body}`);
              }
            }
            if (/\n\s+at .+:\d+:\d+/.test(res.body)) throw new Error(`stack trace leaked: ${res.body}`);
          },
        ),
        {
          numRuns: RUNS,
          ...(process.env.PYPREP_FUZZ_SEED ? { seed: Number(process.env.PYPREP_FUZZ_SEED) } : {}),
        },
      );
      process.stderr.write(
        `fuzz ${spec.method} ${spec.url}: ${RUNS} cases in ${Date.now() - started} ms ${JSON.stringify(statuses)}\n`,
      );
    },
    300_000,
  );
});

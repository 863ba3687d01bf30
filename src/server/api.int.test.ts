// Every route's happy path and its errors, in-process (inject) on real SQLite and real PostgreSQL with real CPython.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, type TestServer, testServer } from './testing/harness.js';

const dbs = databases('api');
afterAll(() => dbs.cleanup());

const errorOf = (res: { json(): unknown }) =>
  (res.json() as { error: { code: string; message: string } }).error;

describe.each(dbs.engines)('the API on %s', (_name, newDb) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer(await newDb());
  });
  afterAll(() => s.close());

  it('answers /api/health without a token, and the OpenAPI document with one', async () => {
    const health = await s.app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ ok: true, codeExecution: true });
    const doc = await s.call('GET', '/api/openapi.json');
    expect(doc.statusCode).toBe(200);
    const json = doc.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(json.openapi).toBe('3.1.0');
    for (const r of s.routes)
      expect(json.paths[r.url.replace(/:(\w+)/g, '{$1}')]).toHaveProperty(r.method.toLowerCase());
    const answer = json.paths['/api/review/answer']?.post as {
      requestBody: { content: Record<string, { schema: { properties: object } }> };
    };
    expect(Object.keys(answer.requestBody.content['application/json']?.schema.properties ?? {})).toContain(
      'answer',
    );
  });

  it('serves the syllabus, progress, a topic page and search', async () => {
    const syl = (await s.call('GET', '/api/syllabus')).json() as { sections: unknown[] };
    expect(syl.sections).toHaveLength(13);
    const progress = await s.call('GET', '/api/progress');
    expect(progress.statusCode).toBe(200);
    expect(progress.json()).toHaveProperty('heatmap');
    const topic = await s.call('GET', '/api/topics/decorators');
    expect(topic.statusCode).toBe(200);
    expect((topic.json() as { noteHtml: string }).noteHtml).toContain('<');
    const missing = await s.call('GET', '/api/topics/decorater');
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).message).toMatch(/did you mean "decorators"/);
    const found = (await s.call('GET', '/api/search?q=decorator&limit=3')).json() as {
      results: { id: string }[];
    };
    expect(found.results.length).toBeGreaterThan(0);
    expect(found.results.length).toBeLessThanOrEqual(3);
    expect((await s.call('GET', '/api/search')).statusCode).toBe(400);
    expect((await s.call('GET', '/api/search?q=x&limit=abc')).statusCode).toBe(400);
    expect(errorOf(await s.call('GET', '/api/search?q=%20')).message).toMatch(/type something/);
  });

  it('runs a review: next, grade (records nothing), record, answer', async () => {
    const next = await s.call('GET', '/api/review/next');
    expect(next.statusCode).toBe(200);
    const card = next.json() as { id: string; kind: string };
    expect(card.kind).toBe('new');
    expect(next.body).not.toMatch(/"(answer|solution|tests|correct)"/);
    const other = (await s.call('GET', `/api/review/next?exclude=${card.id}`)).json() as { id: string };
    expect(other.id).not.toBe(card.id);
    expect((await s.call('GET', '/api/review/next?exclude=a&exclude=b')).statusCode).toBe(400);

    const graded = await s.call('POST', '/api/review/grade', {
      id: 'decorators-when-body-runs',
      answer: { choice: [1] },
    });
    expect(graded.statusCode).toBe(200);
    const g = graded.json() as {
      correct: boolean;
      suggestedRating: number;
      score: number;
      answerText: string;
      feedback: unknown;
    };
    expect(g).toMatchObject({ correct: false, suggestedRating: 1 });
    expect(
      ((await s.call('GET', '/api/progress')).json() as { totals: { reviews: number } }).totals.reviews,
    ).toBe(0);

    const recorded = await s.call('POST', '/api/review/record', {
      id: 'decorators-when-body-runs',
      rating: 3,
      score: g.score,
      suggestedRating: g.suggestedRating,
      answerText: g.answerText,
      feedback: g.feedback,
      durationMs: 1200,
    });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({ id: 'decorators-when-body-runs', rating: 3 });

    const answered = await s.call('POST', '/api/review/answer', {
      id: 'decorators-definition-vs-call-order',
      answer: { text: 'nonsense' },
      rating: 2,
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ rating: 2 });
    expect(
      ((await s.call('GET', '/api/progress')).json() as { totals: { reviews: number } }).totals.reviews,
    ).toBe(2);
  });

  it('refuses bad answers with the reason', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ answer: { choice: [0] } }, 400, /id/],
      [{ id: 'nope', answer: { choice: [0] } }, 404, /unknown question id "nope"/],
      [{ id: 'decorators-when-body-runs', answer: { text: 'x' } }, 400, /choice question/],
      [{ id: 'decorators-when-body-runs', answer: { choice: [99] } }, 400, /option 100 does not exist/],
      [{ id: 'decorators-when-body-runs', answer: { choice: [] } }, 400, /pick at least one/],
      [{ id: 'decorators-when-body-runs', answer: { choice: [0] }, extra: 1 }, 400, /extra/],
    ];
    for (const [body, status, message] of cases) {
      const res = await s.call('POST', '/api/review/answer', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(errorOf(res).message).toMatch(message);
    }
    const rec = await s.call('POST', '/api/review/record', {
      id: 'decorators-when-body-runs',
      rating: 5,
      score: 1,
      suggestedRating: 3,
      answerText: '',
    });
    expect(rec.statusCode).toBe(400);
    expect(errorOf(rec).code).toBe('bad-input');
    const ghost = await s.call('POST', '/api/review/record', {
      id: 'ghost',
      rating: 3,
      score: 1,
      suggestedRating: 3,
      answerText: '',
    });
    expect(ghost.statusCode).toBe(404);
  });

  it('grades a code answer on real CPython', async () => {
    const q = s.ctx.bank.questions.find((x) => x.id === 'decorators-repeat-factory');
    if (q?.type !== 'code') throw new Error('golden code question missing');
    const pass = await s.call('POST', '/api/review/grade', { id: q.id, answer: { text: q.solution } });
    expect(pass.statusCode).toBe(200);
    expect(pass.json()).toMatchObject({ correct: true });
    const fail = await s.call('POST', '/api/review/answer', { id: q.id, answer: { text: q.starter } });
    expect(fail.json()).toMatchObject({ correct: false, rating: 1 });
  });

  it('starts quizzes and plans', async () => {
    const quiz = await s.call('POST', '/api/quiz', { n: 3, type: 'choice' });
    expect(quiz.statusCode).toBe(200);
    const qs = (quiz.json() as { questions: { type: string }[] }).questions;
    expect(qs.length).toBeGreaterThan(0);
    expect(qs.every((q) => q.type === 'choice')).toBe(true);
    expect((await s.call('POST', '/api/quiz')).statusCode).toBe(200);
    expect((await s.call('POST', '/api/quiz', { section: 'nope' })).statusCode).toBe(404);
    expect((await s.call('POST', '/api/quiz', { n: 0 })).statusCode).toBe(400);
    expect((await s.call('POST', '/api/quiz', { difficulty: 4 })).statusCode).toBe(400);

    const noDate = await s.call('POST', '/api/plan', {});
    expect(noDate.statusCode).toBe(400);
    expect(errorOf(noDate).message).toMatch(/no interview date/);
    const year = new Date().getFullYear() + 1;
    const plan = await s.call('POST', '/api/plan', { date: `${year}-06-01`, minutes: 60 });
    expect(plan.statusCode).toBe(200);
    expect(errorOf(await s.call('POST', '/api/plan', { date: 'tomorrow' })).message).toMatch(/2026-12-24/);
  });

  it("keeps the user's notes and settings", async () => {
    expect((await s.call('GET', '/api/notes/decorators')).json()).toMatchObject({
      body: '',
      updatedAt: null,
    });
    const saved = await s.call('PUT', '/api/notes/decorators', { body: '# mine\nwraps!' });
    expect(saved.statusCode).toBe(200);
    expect((await s.call('GET', '/api/notes/decorators')).json()).toMatchObject({ body: '# mine\nwraps!' });
    expect((await s.call('PUT', '/api/notes/nope', { body: 'x' })).statusCode).toBe(404);
    expect((await s.call('GET', '/api/notes/nope')).statusCode).toBe(404);
    expect((await s.call('PUT', '/api/notes/decorators', { body: 'x'.repeat(100_001) })).statusCode).toBe(
      400,
    );
    const plain = await s.call('PUT', '/api/notes/decorators', 'hello', { 'content-type': 'text/plain' });
    expect(plain.statusCode).toBe(415);
    expect(errorOf(plain).code).toBe('wrong-content-type');

    expect((await s.call('GET', '/api/settings')).json()).toMatchObject({ newPerDay: 10, theme: 'system' });
    const patched = await s.call('PATCH', '/api/settings', { newPerDay: 20, theme: 'dark' });
    expect(patched.json()).toMatchObject({ newPerDay: 20, theme: 'dark' });
    expect((await s.call('GET', '/api/settings')).json()).toMatchObject({ newPerDay: 20, theme: 'dark' });
    expect((await s.call('PATCH', '/api/settings', { newPerDay: -1 })).statusCode).toBe(400);
    expect(errorOf(await s.call('PATCH', '/api/settings', { colour: 'red' })).message).toMatch(/colour/);
  });

  it('exports a backup and imports it back; refuses what is not one', async () => {
    const exported = await s.call('GET', '/api/backup');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(/attachment/);
    const bundle = exported.json() as { format: string };
    expect(bundle.format).toBe('pyprep-export');
    const imported = await s.call('POST', '/api/backup', bundle);
    expect(imported.statusCode).toBe(200);
    const notOne = await s.call('POST', '/api/backup', { format: 'zip' });
    expect(notOne.statusCode).toBe(400);
    expect(errorOf(notOne).message).toMatch(/not a pyprep backup/);
    // Bigger than the 1 MiB default, within the 32 MiB backup limit: accepted (unknown keys are ignored).
    const big = await s.call('POST', '/api/backup', { ...bundle, padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.statusCode).toBe(200);
    const huge = await s.call('POST', '/api/backup', { ...bundle, padding: 'x'.repeat(33 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(errorOf(huge).code).toBe('too-large');
  });

  it('answers unknown routes with a JSON 404', async () => {
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['POST', '/api/nope'],
      ['DELETE', '/api/settings'],
    ] as const) {
      const res = await s.call(method, url);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(errorOf(res).code).toBe('not-found');
    }
  });

  it.runIf(_name === 'postgres')('gives a lost database as 503 with its message, never a stack', async () => {
    const url = await newDb();
    const broken = await testServer(url);
    expect((await broken.call('GET', '/api/settings')).statusCode).toBe(200);
    const admin = new pg.Client({ connectionString: process.env.PYPREP_TEST_PG_URL });
    await admin.connect();
    await admin.query(`drop database ${new URL(url).pathname.slice(1)} with (force)`);
    await admin.end();
    const res = await broken.call('PATCH', '/api/settings', { newPerDay: 3 });
    expect(res.statusCode).toBe(503);
    expect(errorOf(res)).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/^database: /),
    });
    expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
    await broken.close().catch(() => {});
  });
});

// Every route's happy path and its errors, in-process (inject) on real SQLite and real PostgreSQL with real CPython.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, type TestServer, testServer } from './testing/harness.js';

const dbs = databases('api');
afterAll(() => dbs.cleanup());

interface MockViewLike {
  sessionId: string;
  secondsLeft: number;
  reportId: string | null;
  step: { kind: string; question: { id: string; type: string } } | null;
  scorecard: { signal: string } | null;
}

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

  it('sits a mock interview, saves the scorecard and serves it as JSON, Markdown and HTML', async () => {
    const list = (await s.call('GET', '/api/mock/blueprints')).json() as { blueprints: { id: string }[] };
    expect(list.blueprints.map((b) => b.id)).toContain('screening-20');
    const started = await s.call('POST', '/api/mock', { blueprint: 'screening-20', seed: 4 });
    expect(started.statusCode).toBe(200);
    let v = started.json() as MockViewLike;
    expect(v).toMatchObject({ blueprint: { id: 'screening-20', minutes: 20 }, answered: 0, reportId: null });
    expect(v.secondsLeft).toBeGreaterThan(20 * 60 - 5);
    expect(v.step?.question).not.toHaveProperty('difficulty');
    expect(started.body).not.toMatch(/"(answer|solution|tests|correct|difficulty)"/);
    expect((await s.call('GET', `/api/mock/${v.sessionId}`)).json()).toMatchObject({
      sessionId: v.sessionId,
      step: { question: { id: v.step?.question.id } },
    });

    const url = `/api/mock/${v.sessionId}/answer`;
    const wrong = await s.call('POST', url, { id: 'decorators-explain', skip: true });
    expect(wrong.statusCode).toBe(409);
    expect(errorOf(wrong).message).toMatch(/waiting for an answer to/);
    for (const body of [
      {},
      { id: v.step?.question.id },
      { id: v.step?.question.id, answer: { choice: 'a' } },
      { id: v.step?.question.id, answer: { text: 'x' }, extra: 1 },
      { id: '', skip: true },
    ]) {
      const res = await s.call('POST', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorOf(res).code).toBe('bad-input');
    }

    let graded = 0;
    for (let i = 0; v.step && i < 30; i++) {
      const q = s.ctx.bank.questions.find((x) => x.id === v.step?.question.id);
      if (!q) throw new Error(`unknown question ${v.step.question.id}`);
      // Alternate a model answer and a skip, so both paths run.
      const answer =
        v.step.kind === 'followup-text'
          ? { text: 'I would measure first, then add an index.' }
          : i % 2 === 1
            ? null
            : q.type === 'choice'
              ? { choice: q.options.flatMap((o, n) => (o.correct ? [n] : [])) }
              : { text: q.type === 'predict' ? q.output : q.type === 'code' ? q.solution : q.answer };
      const res = await s.call('POST', url, { id: q.id, ...(answer ? { answer } : { skip: true }) });
      expect(res.statusCode, res.body).toBe(200);
      const out = res.json() as { graded: unknown; view: MockViewLike };
      if (out.graded) graded++;
      v = out.view;
    }
    expect(v.step).toBeNull();
    expect(graded).toBeGreaterThan(0);
    expect(v.reportId).toEqual(expect.any(String));
    expect(v.scorecard?.signal).toMatch(/^(Strong hire|Hire|Lean no|No)$/);
    const after = await s.call('POST', url, { id: 'decorators-explain', skip: true });
    expect(after.statusCode).toBe(409);

    const reports = (await s.call('GET', '/api/reports')).json() as { reports: { id: string }[] };
    expect(reports.reports[0]?.id).toBe(v.reportId);
    const one = await s.call('GET', `/api/reports/${v.reportId}`);
    expect(one.json()).toMatchObject({ id: v.reportId, scorecard: { blueprint: 'screening-20' } });
    const md = await s.call('GET', `/api/reports/${v.reportId}.md`);
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.headers['content-disposition']).toMatch(
      /^attachment; filename="pyprep-mock-screening-20-.+\.md"$/,
    );
    expect(md.body).toMatch(/^# Mock interview scorecard/);
    const html = await s.call('GET', `/api/reports/${v.reportId}.html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.headers['content-disposition']).toMatch(/^attachment; filename=".+\.html"$/);
    expect(html.body).toMatch(/^<!doctype html>/);
    expect(html.body).not.toMatch(/<script/);
  });

  it('answers unknown mock sessions, blueprints and reports with 404, bad starts with 400', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/mock/no-such-session', undefined],
      ['POST', '/api/mock/no-such-session/answer', { id: 'decorators-explain', skip: true }],
      ['POST', '/api/mock', { blueprint: 'nope' }],
      ['GET', '/api/reports/no-such-report', undefined],
      ['GET', '/api/reports/no-such-report.md', undefined],
      ['GET', '/api/reports/no-such-report.html', undefined],
    ] as const) {
      const res = await s.call(method, url, body);
      expect(res.statusCode, url).toBe(404);
      expect(errorOf(res).code).toBe('not-found');
    }
    for (const body of [{ blueprint: 5 }, { seed: -1 }, { seed: 1.5 }, { blueprint: 'screening-20', x: 1 }]) {
      const res = await s.call('POST', '/api/mock', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('refuses code answers in a mock while code execution is off', async () => {
    const off = await testServer(await newDb(), { codeExecution: false });
    try {
      // Skips through the interview until a code exercise is pending.
      // Seeds that reach one quickly on a fresh database come first.
      const tries: [string, number][] = [
        ['django-heavy-45', 0],
        ['fastapi-heavy-45', 2],
        ...[1, 2, 3, 4, 5].map((n): [string, number] => ['fastapi-heavy-45', n * 7]),
      ];
      for (const [blueprint, seed] of tries) {
        let v = (await off.call('POST', '/api/mock', { blueprint, seed })).json() as MockViewLike;
        const url = `/api/mock/${v.sessionId}/answer`;
        while (v.step && v.step.question.type !== 'code')
          v = (
            (await off.call('POST', url, { id: v.step.question.id, skip: true })).json() as {
              view: MockViewLike;
            }
          ).view;
        if (!v.step) continue;
        const res = await off.call('POST', url, { id: v.step.question.id, answer: { text: 'pass' } });
        expect(res.statusCode).toBe(403);
        expect(errorOf(res).message).toMatch(/loopback/);
        expect((await off.call('POST', url, { id: v.step.question.id, skip: true })).statusCode).toBe(200);
        return;
      }
      throw new Error('no mock reached a code question');
    } finally {
      await off.close();
    }
  }, 60_000);

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

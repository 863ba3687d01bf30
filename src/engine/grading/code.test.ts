import { describe, expect, it } from 'vitest';
import type { TestRunResult } from '../ports/code-runner.js';
import { gradeCode } from './code.js';
import { countTests, gradeAnswer } from './grade.js';

describe('gradeCode', () => {
  it('scores the share of passing tests and lists failures with message and line', () => {
    const r = gradeCode({
      tests: [
        { name: 'test_empty', passed: true },
        { name: 'test_many', passed: false, message: 'assert 2 == 3', line: 7, file: 'tests' },
      ],
    });
    expect(r).toMatchObject({ correct: false, score: 0.5, suggestedRating: 2 });
    expect(r.feedback.failing).toEqual([
      { name: 'test_many', passed: false, message: 'assert 2 == 3', line: 7, file: 'tests' },
    ]);
    expect(r.feedback.summary).toMatch(/test_many \(tests, line 7\): assert 2 == 3/);
  });
  it('is correct only when every test passes', () => {
    const r = gradeCode({ tests: [{ name: 'a', passed: true }] }, 1);
    expect(r).toMatchObject({ correct: true, score: 1, suggestedRating: 3 });
  });
  it('counts tests that never ran as failing and shows the error', () => {
    const r = gradeCode({ tests: [], stderr: 'SyntaxError: invalid syntax' }, 3);
    expect(r).toMatchObject({ correct: false, score: 0, suggestedRating: 1 });
    expect(r.feedback.total).toBe(3);
    expect(r.feedback.error).toMatch(/SyntaxError/);
  });
  it('is never correct after a timeout', () => {
    const r = gradeCode({ tests: [{ name: 'a', passed: true }], timedOut: true }, 2);
    expect(r.correct).toBe(false);
    expect(r.feedback.summary).toMatch(/time limit/);
  });
});

describe('gradeCode with the runner port', () => {
  it('takes a TestRunResult as it comes', () => {
    const run: TestRunResult = {
      stdout: '',
      stderr: 'Traceback...\nImportError: cannot import name fib',
      exitCode: 1,
      timedOut: false,
      killedReason: null,
      durationMs: 40,
      backend: 'cpython',
      tests: [],
      error: 'ImportError: cannot import name fib',
      passed: false,
    };
    const r = gradeCode(run, 2);
    expect(r).toMatchObject({ correct: false, score: 0, suggestedRating: 1 });
    expect(r.feedback.error).toBe('ImportError: cannot import name fib');
    expect(r.feedback.summary).toMatch(/No test ran/);
  });
});

describe('gradeAnswer', () => {
  it('counts test functions', () => {
    expect(countTests('def test_a():\n  pass\n\nasync def test_b():\n  pass\ndef helper(): pass\n')).toBe(2);
  });
  it('refuses an answer of the wrong type', () => {
    const q = {
      id: 'x',
      type: 'predict' as const,
      topicId: 't',
      difficulty: 1 as const,
      prompt: 'p',
      promptHtml: '',
      answer: '',
      answerHtml: '',
      requires: [],
      followups: [],
      file: 'f',
      line: 1,
      code: 'print(1)',
      output: '1',
    };
    expect(gradeAnswer(q, { type: 'predict', output: '1' }).correct).toBe(true);
    expect(() => gradeAnswer(q, { type: 'open', text: '1' })).toThrow(/predict question/);
  });
});

// verifyBank against a small hand-built bank, on real CPython.
import { describe, expect, it } from 'vitest';
import type { Bank, Question } from '../content/types.js';
import { normalizeOutput, verifyBank } from './verify.js';

const base = {
  topicId: 't1',
  difficulty: 1 as const,
  prompt: '',
  promptHtml: '',
  answer: '',
  answerHtml: '',
  requires: [] as string[],
  followups: [] as string[],
  file: 'x.yaml',
  line: 1,
};

const questions: Question[] = [
  { ...base, id: 'p-ok', type: 'predict', code: 'print("a  ")\nprint(1)\n\n', output: 'a\n1\n' },
  { ...base, id: 'p-bad', type: 'predict', code: 'print(2)', output: '3\n' },
  {
    ...base,
    id: 'c-ok',
    type: 'code',
    starter: 'def f():\n    pass\n',
    solution: 'def f():\n    return 1\n',
    tests: 'from solution import f\ndef test_f():\n    assert f() == 1\n',
  },
  {
    ...base,
    id: 'c-starter-passes',
    type: 'code',
    starter: 'def f():\n    return 1\n',
    solution: 'def f():\n    return 1\n',
    tests: 'from solution import f\ndef test_f():\n    assert f() == 1\n',
  },
  { ...base, id: 'p-new-django', type: 'predict', code: 'print(1)', output: '1', requires: ['django>=99'] },
  {
    ...base,
    id: 'p-django',
    type: 'predict',
    code: 'import django\nprint("ok")',
    output: 'ok',
    requires: ['django'],
  },
];

const bank: Bank = {
  blueprints: [],
  syllabus: {
    sections: [
      {
        id: 's1',
        number: 1,
        title: 'S',
        topics: [{ id: 't1', sectionId: 's1', title: 'T', seed: 'T', weight: 1, related: [], aliases: [] }],
      },
    ],
  },
  notes: {
    t1: {
      topicId: 't1',
      file: 's1/t1.md',
      markdown: '',
      html: '',
      requires: [],
      blocks: [
        { lang: 'python', code: 'assert 1 + 1 == 2\n', run: true, line: 10 },
        { lang: 'python', code: 'raise SystemExit(3)\n', run: true, line: 20 },
        { lang: 'python', code: 'this is not run', run: false, line: 30 },
      ],
    },
  },
  questions,
};

describe('verifyBank on CPython', () => {
  it('checks predict output, code tests, starters and note blocks, and skips what it cannot run', async () => {
    const progress: number[] = [];
    const r = await verifyBank(bank, { python: '/usr/bin/python3', onProgress: (d) => progress.push(d) });
    expect(r.failed.map((f) => f.id)).toEqual(['c-starter-passes', 'p-bad', 't1:note:20']);
    expect(r.failed.find((f) => f.id === 'p-bad')!.reason).toMatch(/expected\n3\n--- got\n2/);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.reason).toMatch(/^needs Django ≥ 99 \(have \d+\.\d+/);
    expect(r.checked).toBe(7);
    expect(r.passed).toBe(4);
    expect(progress.at(-1)).toBe(8);
  });

  it('filters by topic', async () => {
    const r = await verifyBank(bank, { python: '/usr/bin/python3', topic: 'nope' });
    expect(r.checked).toBe(0);
  });
});

describe('normalizeOutput', () => {
  it('ignores trailing whitespace per line and at the end', () => {
    expect(normalizeOutput('a  \nb\t\n\n')).toBe('a\nb');
  });
});

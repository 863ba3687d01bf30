// Bank-wide grader checks that hold for every open/design question, now and as content grows.
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../content/load.js';
import type { Bank, DesignQuestion, OpenQuestion, Question } from '../../content/types.js';
import { seedToInt } from '../random/seeded.js';
import { HARD_FLOOR } from './rating.js';
import { compileRubric, gradeRubricCompiled } from './rubric.js';
import { buildVocabulary } from './vocabulary.js';

/** Coverage an answer that shows no knowledge (empty, the prompt parroted) must stay under. */
const LOW = 0.34;
/** An answer written for another topic must stay under the Hard floor, so it is rated Again. */
const FOREIGN_LOW = HARD_FLOOR;
/** Answers from other topics tried per question: a sample keyed by the pair, so it is stable as the bank grows. */
const FOREIGN_SAMPLES = 8;

type Rubric = OpenQuestion | DesignQuestion;
const isRubric = (q: Question): q is Rubric => q.type === 'open' || q.type === 'design';

function opt(text: string) {
  return { text, correct: false, why: 'x', html: text, whyHtml: 'x' };
}

/** A tiny bank so the checks run even before content exists. */
function smallBank(): Bank {
  const base = { promptHtml: '', answerHtml: '', requires: [], followups: [], file: 'f.yaml', line: 1 };
  const topic = (id: string, title: string) => ({
    id,
    sectionId: 's',
    title,
    seed: title,
    weight: 2 as const,
    related: [],
    aliases: [],
  });
  return {
    syllabus: {
      sections: [
        { id: 's', number: 1, title: 'S', topics: [topic('gil', 'GIL'), topic('n-plus-one', 'N+1')] },
      ],
    },
    blueprints: [],
    notes: {},
    questions: [
      {
        ...base,
        id: 'gil-what',
        type: 'open',
        topicId: 'gil',
        difficulty: 2,
        prompt: 'What is the GIL?',
        answer:
          'A mutex in CPython so only one thread executes bytecode at a time; CPU-bound threads do not run in parallel, so use multiprocessing; I/O releases it.',
        points: [
          { text: 'a lock around the interpreter', phrases: ['mutex', 'interpreter lock'] },
          { text: 'one thread runs bytecode at a time', phrases: ['one thread', 'bytecode'] },
          { text: 'CPU-bound work needs processes', phrases: ['multiprocessing', 'processes', 'cpu bound'] },
        ],
      },
      {
        ...base,
        id: 'n-plus-one-why',
        type: 'open',
        topicId: 'n-plus-one',
        difficulty: 2,
        prompt: 'Why does my list view make hundreds of queries?',
        answer:
          'Accessing a foreign key in a loop runs one query per row; fix it with select_related (a JOIN) or prefetch_related.',
        points: [
          { text: 'one query per row', phrases: ['query per row', 'n+1'] },
          { text: 'select_related joins', phrases: ['select_related', 'join'] },
          { text: 'prefetch_related batches', phrases: ['prefetch_related'] },
        ],
      },
      {
        ...base,
        id: 'gil-choice',
        type: 'choice',
        topicId: 'gil',
        difficulty: 1,
        prompt: 'p',
        answer: '',
        options: [opt('a'), opt('b')],
      },
    ],
  };
}

function checkBank(name: string, bank: Bank): void {
  const rubricQuestions = bank.questions.filter(isRubric);
  const related = new Map<string, Set<string>>();
  for (const s of bank.syllabus.sections) {
    for (const t of s.topics) {
      for (const r of t.related) {
        if (!related.has(t.id)) related.set(t.id, new Set());
        if (!related.has(r)) related.set(r, new Set());
        related.get(t.id)!.add(r);
        related.get(r)!.add(t.id);
      }
    }
  }
  const compiled = new Map(rubricQuestions.map((q) => [q.id, compileRubric(q.points, q.prompt)]));
  const vocabulary = buildVocabulary(bank);
  const grade = (q: Rubric, answer: string) =>
    gradeRubricCompiled(compiled.get(q.id)!, answer, { vocabulary });

  describe(`bank-wide rubric checks: ${name} (${rubricQuestions.length} open/design questions)`, () => {
    it.each(rubricQuestions.map((q) => [q.id, q] as const))(
      '%s: the model answer covers its whole rubric',
      (_id, q) => {
        const missed = grade(q, q.answer)
          .feedback.points.filter((p) => !p.covered)
          .map((p) => p.text);
        expect(missed, `${q.file}:${q.line}: the model answer misses these points`).toEqual([]);
      },
    );

    it.each(rubricQuestions.map((q) => [q.id, q] as const))(
      '%s: empty and parroted answers score low',
      (_id, q) => {
        expect(grade(q, '').score).toBe(0);
        expect(grade(q, q.prompt).score, `${q.file}:${q.line}: repeating the prompt scores`).toBeLessThan(
          LOW,
        );
      },
    );

    it.each(rubricQuestions.map((q) => [q.id, q] as const))(
      '%s: answers from other topics score low',
      (_id, q) => {
        const near = related.get(q.topicId) ?? new Set<string>();
        const others = rubricQuestions.filter((o) => o.topicId !== q.topicId && !near.has(o.topicId));
        const key = (o: Rubric) => seedToInt(`${q.id}|${o.id}`);
        const sample = [...others].sort((a, b) => key(a) - key(b)).slice(0, FOREIGN_SAMPLES);
        for (const o of sample) {
          const r = grade(q, o.answer);
          const hits = r.feedback.points.filter((p) => p.covered).map((p) => `${p.text} <- "${p.quote}"`);
          expect(
            r.score,
            `${q.file}:${q.line}: the answer of ${o.id} covers ${hits.join('; ')}`,
          ).toBeLessThan(FOREIGN_LOW);
        }
      },
    );
  });
}

checkBank('small built-in bank', smallBank());
// A bank that does not compile is a failing test here, not a crashed file (the small-bank checks still run).
let contentBank: Bank | undefined;
let loadError: unknown;
try {
  contentBank = loadBank();
} catch (err) {
  loadError = err;
}
if (contentBank) checkBank('content/', contentBank);
else
  it('content/ compiles', () => {
    throw loadError;
  });

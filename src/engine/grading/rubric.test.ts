import { describe, expect, it } from 'vitest';
import { compileRubric, gradeRubric, promptOnlyPhrases } from './rubric.js';

const question = {
  prompt: 'Why is my Django list view making hundreds of queries, and how do you fix it?',
  points: [
    {
      text: 'It is the N+1 problem: one query per row for a related object',
      phrases: ['n+1', 'one query per row', 'query per object'],
    },
    { text: 'select_related follows foreign keys with a SQL join', phrases: ['select_related', 'sql join'] },
    {
      text: 'prefetch_related runs one extra query per relation and joins in Python',
      phrases: ['prefetch_related', 'second query'],
    },
    {
      text: 'Measure it with django-debug-toolbar or assertNumQueries',
      phrases: ['debug toolbar', 'assertNumQueries', 'count the queries'],
    },
  ],
};

describe('gradeRubric', () => {
  it('covers every point of a full answer and quotes its words', () => {
    const answer =
      'Classic N+1: the template touches book.author so Django runs one query per row. ' +
      'Use select_related for the foreign key, which does a SQL JOIN, and prefetch_related for many-to-many, ' +
      'which issues a second query. Check it with the Django Debug Toolbar.';
    const r = gradeRubric(question, answer);
    expect(r.score).toBe(1);
    expect(r.correct).toBe(true);
    expect(r.suggestedRating).toBe(3);
    const first = r.feedback.points[0]!;
    expect(first.covered).toBe(true);
    expect(first.quote).toBe('one query per row');
    // The longest matching phrase is quoted: the two-word "sql join" beats the one identifier.
    expect(r.feedback.points[1]!.quote).toBe('SQL JOIN');
    expect(r.feedback.summary).toMatch(/Covered 4 of 4/);
  });

  it('reports missed points as talking points', () => {
    const r = gradeRubric(question, 'It is N+1; add select_related.');
    expect(r.score).toBe(0.5);
    expect(r.correct).toBe(false);
    expect(r.suggestedRating).toBe(2);
    const missed = r.feedback.points.filter((p) => !p.covered).map((p) => p.text);
    expect(missed).toEqual([question.points[2]!.text, question.points[3]!.text]);
    expect(r.feedback.summary).toMatch(/✗ prefetch_related/);
  });

  it('tolerates word order within a window, inflections and one-letter typos', () => {
    const r = gradeRubric(question, 'the queries get counted with assertNumQuerys; a join in sql');
    const covered = r.feedback.points.map((p) => p.covered);
    expect(covered).toEqual([false, true, false, true]);
  });

  it('does not match phrase words scattered far apart', () => {
    const r = gradeRubric(
      question,
      'SQL is a language. We talked about many many other things today before the join.',
    );
    expect(r.feedback.points[1]!.covered).toBe(false);
  });

  it('does not accept a typo in a short word', () => {
    const q = { prompt: 'Explain it.', points: [{ text: 'uses a lock', phrases: ['lock'] }] };
    expect(gradeRubric(q, 'a lick').score).toBe(0);
    expect(gradeRubric(q, 'a lock').score).toBe(1);
  });

  it('gives nothing for the empty answer or the question repeated back', () => {
    expect(gradeRubric(question, '').score).toBe(0);
    expect(gradeRubric(question, '   ').suggestedRating).toBe(1);
    expect(gradeRubric(question, question.prompt).score).toBe(0);
  });

  it('ignores phrases made only of prompt words but keeps phrases that add words', () => {
    const q = {
      prompt: 'What is the GIL and why does it matter for threads?',
      points: [
        { text: 'one thread runs bytecode at a time', phrases: ['gil', 'one thread at a time'] },
        { text: 'CPU-bound threads do not speed up', phrases: ['threads', 'cpu bound'] },
      ],
    };
    expect(promptOnlyPhrases(q)).toEqual(['gil', 'threads']);
    expect(gradeRubric(q, 'The GIL matters for threads.').score).toBe(0);
    expect(gradeRubric(q, 'only one thread at a time; cpu-bound work does not scale').score).toBe(1);
    expect(compileRubric(q.points, q.prompt)[0]!.phrases[1]!.promptOnly).toBe(false);
  });
});

describe('typos against a vocabulary', () => {
  const q = { prompt: 'Explain the race.', points: [{ text: 'stale write', phrases: ['older value'] }] };
  it('reads an unknown near-miss as a typo but a known word as itself', () => {
    expect(gradeRubric(q, 'the oldr value').score).toBe(0);
    expect(gradeRubric(q, 'the olderr value').score).toBe(1);
    expect(gradeRubric(q, 'sorted in order by value').score).toBe(1);
    expect(gradeRubric(q, 'sorted in order by value', { vocabulary: new Set(['order']) }).score).toBe(0);
  });

  it('keeps identifiers whole and meaningful function words in phrases', () => {
    const q = {
      prompt: 'How do you send an email only after the order is saved?',
      points: [
        { text: 'transaction.on_commit', phrases: ['on_commit'] },
        { text: 'the callback runs once', phrases: ['runs once'] },
        { text: 'not inside the transaction', phrases: ['outside the transaction'] },
      ],
    };
    const vague = gradeRubric(
      q,
      'Commit the transaction, then the task runs every time a signal fires, outside the view.',
    );
    expect(vague.feedback.points.map((p) => p.covered)).toEqual([false, false, false]);
    const good = gradeRubric(
      q,
      'Use transaction.on_commit: the hook runs once, outside the transaction, after COMMIT.',
    );
    expect(good.score).toBe(1);
  });
});

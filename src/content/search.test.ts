import { describe, expect, it } from 'vitest';
import { loadBank } from './load.js';
import { buildSearchIndex, questionTitle, searchTerms } from './search.js';
import type { Bank, Note, Question, Topic } from './types.js';

const topic = (id: string, title: string, aliases: string[] = []): Topic => ({
  id,
  sectionId: 's',
  title,
  seed: title,
  weight: 2,
  related: [],
  aliases,
});
const note = (topicId: string, markdown: string): Note => ({
  topicId,
  file: `${topicId}.md`,
  markdown,
  html: '',
  requires: [],
  blocks: [],
});
const open = (id: string, topicId: string, prompt: string): Question => ({
  id,
  topicId,
  type: 'open',
  difficulty: 2,
  prompt,
  promptHtml: '',
  answer: '',
  answerHtml: '',
  requires: [],
  followups: [],
  file: 'f',
  line: 1,
  points: [],
});

const bank: Bank = {
  blueprints: [],
  syllabus: {
    sections: [
      {
        id: 's',
        number: 1,
        title: 'S',
        topics: [
          topic('n-plus-one', 'N+1 problem', ['n plus one', 'n+1 queries']),
          topic('select-related', 'select_related vs prefetch_related', ['join']),
          topic('gil', 'GIL', ['global interpreter lock']),
          topic('hpa', 'Horizontal Pod Autoscaler', ['hpa', 'autoscaling']),
          topic('decorators', 'Decorators'),
        ],
      },
    ],
  },
  notes: {
    'n-plus-one': note(
      'n-plus-one',
      'A list view that loops over objects and touches a related object on each row runs one query per row: ' +
        'hundreds of queries for a page of hundreds of rows. Django debug toolbar shows the repeated queries.',
    ),
    'select-related': note(
      'select-related',
      'select_related follows foreign keys with a SQL join in the same query; prefetch_related runs a second ' +
        'query per relation. Both reduce queries in a Django view.',
    ),
    gil: note('gil', 'CPython lets one thread run bytecode at a time. Threads still help for I/O.'),
    decorators: note('decorators', 'A decorator wraps a function: functools.wraps keeps its name.'),
  },
  questions: [
    open('gil-threads', 'gil', 'Why do CPU-bound threads not speed up in CPython?'),
    open('decorators-wraps', 'decorators', 'Why use `functools.wraps` in a decorator?'),
    open(
      'np1-detect',
      'n-plus-one',
      '```python\nfor b in Book.objects.all():\n    print(b.author)\n```\nHow many queries does this run?',
    ),
  ],
};
const index = buildSearchIndex(bank);
const top = (q: string) => index.search(q, { limit: 1 })[0]?.id;

describe('search', () => {
  it('ranks the topic that answers a plainly worded interview question first', () => {
    expect(top('why is my django list view making hundreds of queries')).toBe('n-plus-one');
    expect(top('how do CPU bound threads behave in CPython')).toBe('gil');
  });

  it('finds topics by alias both ways', () => {
    expect(top('global interpreter lock')).toBe('gil');
    expect(top('GIL')).toBe('gil');
    expect(top('n plus one')).toBe('n-plus-one');
    expect(top('N+1')).toBe('n-plus-one');
    expect(top('hpa')).toBe('hpa');
    expect(top('horizontal pod autoscaler')).toBe('hpa');
  });

  it('returns questions with their topic and a readable title', () => {
    const r = index.search('functools wraps', { kinds: ['question'] });
    expect(r[0]).toMatchObject({
      kind: 'question',
      id: 'decorators-wraps',
      topic: 'decorators',
      title: 'Why use functools.wraps in a decorator?',
    });
    expect(r.every((x) => x.kind === 'question')).toBe(true);
  });

  it('tolerates a one-letter typo in a longer word', () => {
    expect(top('decoratr')).toBe('decorators');
  });

  it('returns nothing for nothing, respects the limit, sorts by score', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('the of and')).toEqual([]);
    expect(index.search('zzzqqq')).toEqual([]);
    const r = index.search('queries', { limit: 2 });
    expect(r).toHaveLength(2);
    expect(r[0]!.score).toBeGreaterThanOrEqual(r[1]!.score);
  });

  it('cuts text into stemmed words without stop words', () => {
    expect(searchTerms('The Queries are running')).toEqual(['queri', 'run']);
    expect(questionTitle('```python\nprint(1)\n```\nWhat does **this** print?')).toBe(
      'What does this print?',
    );
  });
});

describe('search over the real bank', () => {
  let cached: ReturnType<typeof buildSearchIndex> | undefined;
  const realIndex = () => {
    cached ??= buildSearchIndex(loadBank());
    return cached;
  };
  it('ranks topics named by title or alias first', () => {
    const idx = realIndex();
    const first = (q: string) => idx.search(q, { limit: 1 })[0]?.topic;
    expect(first('global interpreter lock')).toMatch(/gil/);
    expect(first('horizontal pod autoscaler')).toBe('hpa');
    expect(first('n plus one')).toBe('n-plus-one');
    expect(first('mutable default argument')).toBe('default-mutable-arguments');
    expect(['n-plus-one', 'select-related-vs-prefetch-related']).toContain(
      first('why is my django list view making hundreds of queries'),
    );
  });

  it('answers a query over the whole bank in at most 5 ms', () => {
    const idx = realIndex();
    const queries = [
      'why is my django list view making hundreds of queries',
      'GIL threads',
      'cache stampede redis',
      'decoratr',
    ];
    for (const q of queries) idx.search(q);
    const t = performance.now();
    const rounds = 50;
    for (let i = 0; i < rounds; i++) for (const q of queries) idx.search(q);
    const perQuery = (performance.now() - t) / (rounds * queries.length);
    expect(perQuery).toBeLessThan(5);
  });
});

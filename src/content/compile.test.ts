import { describe, expect, it } from 'vitest';
import { compileBank } from './compile.js';
import { ContentError, type ContentProblem } from './errors.js';

const syllabus = `sections:
  - id: core
    number: 1
    title: Core
    topics:
      - id: decorators
        title: Decorators
        seed: Decorators
        weight: 3
        related: [closures]
      - id: closures
        title: Closures
        seed: Closures
        weight: 2
`;

const note = (topic = 'decorators', extra = ''): string => `---
topic: ${topic}
---
## 30-second answer
A decorator wraps a function.
## Explanation
It is a callable that takes a callable.
## Example
\`\`\`python
print("hi")
\`\`\`
${extra}## Pitfalls
Forgetting wraps.
## What interviewers listen for
functools.wraps.
## Follow-ups
Decorators with arguments.
`;

const openQ = `- id: decorators-what
  type: open
  difficulty: 1
  prompt: What is a decorator?
  answer: A callable that wraps another callable.
  points:
    - { text: wraps a function, phrases: [wrap] }
    - { text: returns a callable, phrases: [return] }
    - { text: uses at-syntax, phrases: ["@"] }
`;

function problems(files: Record<string, string>): ContentProblem[] {
  try {
    compileBank(new Map(Object.entries({ 'syllabus.yaml': syllabus, ...files })));
  } catch (err) {
    if (err instanceof ContentError) return err.problems;
    throw err;
  }
  return [];
}

function expectProblem(files: Record<string, string>, file: string, line: number, message: RegExp): void {
  const found = problems(files);
  expect(found, JSON.stringify(found)).toContainEqual(
    expect.objectContaining({ file, line, message: expect.stringMatching(message) }),
  );
}

describe('compileBank', () => {
  it('compiles a valid topic into notes, questions and safe HTML', () => {
    const bank = compileBank(
      new Map(
        Object.entries({
          'syllabus.yaml': syllabus,
          'core/decorators.md': note('decorators', 'Raw <script>alert(1)</script> is escaped.\n'),
          'core/decorators.questions.yaml': openQ,
        }),
      ),
    );
    expect(bank.questions).toHaveLength(1);
    expect(bank.questions[0]).toMatchObject({
      id: 'decorators-what',
      type: 'open',
      topicId: 'decorators',
      line: 1,
    });
    const n = bank.notes.decorators;
    expect(n?.blocks).toEqual([{ lang: 'python', code: 'print("hi")\n', run: true, line: 9 }]);
    expect(n?.html).toContain('<span class="hljs-built_in">print</span>');
    expect(n?.html).not.toContain('<script>');
    expect(n?.html).toContain('&lt;script&gt;');
  });

  it('reports bad YAML with its line', () => {
    expectProblem(
      {
        'core/decorators.md': note(),
        'core/decorators.questions.yaml': '- id: x\n  type: open\n  type: code\n',
      },
      'core/decorators.questions.yaml',
      3,
      /bad YAML: Map keys must be unique/,
    );
  });

  it('reports an unknown topic', () => {
    expectProblem(
      { 'core/generators.md': note('generators') },
      'core/generators.md',
      1,
      /unknown topic "generators"/,
    );
  });

  it('reports a topic filed under the wrong section', () => {
    expectProblem({ 'web/decorators.md': note() }, 'web/decorators.md', 1, /belongs to section "core"/);
  });

  it('reports a duplicate question id across files, naming the first', () => {
    const closuresQ = openQ.replace('decorators-what', 'closures-what');
    expectProblem(
      {
        'core/decorators.md': note(),
        'core/closures.md': note('closures'),
        'core/decorators.questions.yaml': openQ,
        'core/closures.questions.yaml': `${closuresQ}${closuresQ}`,
      },
      'core/closures.questions.yaml',
      10,
      /duplicate question id "closures-what" \(first in core\/closures.questions.yaml:1\)/,
    );
  });

  it('reports a missing rubric on an open question', () => {
    const q = openQ.slice(0, openQ.indexOf('  points:'));
    expectProblem(
      { 'core/decorators.md': note(), 'core/decorators.questions.yaml': q },
      'core/decorators.questions.yaml',
      1,
      /points/,
    );
  });

  it('reports a rubric that is too short at its line', () => {
    const q = openQ.replace('    - { text: uses at-syntax, phrases: ["@"] }\n', '');
    expectProblem(
      { 'core/decorators.md': note(), 'core/decorators.questions.yaml': q },
      'core/decorators.questions.yaml',
      7,
      /at least 3 points/,
    );
  });

  it('reports a choice question with no correct option', () => {
    const q = `- id: decorators-pick
  type: choice
  difficulty: 2
  prompt: Which?
  answer: Neither.
  options:
    - { text: A, correct: false, why: no }
    - { text: B, correct: false, why: no }
`;
    expectProblem(
      { 'core/decorators.md': note(), 'core/decorators.questions.yaml': q },
      'core/decorators.questions.yaml',
      7,
      /at least one correct option/,
    );
  });

  it('reports a misspelt field, an unknown type and a bad difficulty at their lines', () => {
    const q = `- id: decorators-a
  type: predict
  difficulty: 4
  prompt: What prints?
  answer: One.
  code: print(1)
  outptu: "1"
- id: decorators-b
  type: essay
  difficulty: 1
  prompt: x
  answer: y
`;
    const found = problems({ 'core/decorators.md': note(), 'core/decorators.questions.yaml': q });
    const at = (line: number): string[] => found.filter((p) => p.line === line).map((p) => p.message);
    expect(at(3).join()).toMatch(/difficulty must be 1, 2 or 3/);
    expect(found.map((p) => p.message).join()).toMatch(/outptu/);
    expect(at(9).join()).toMatch(/type must be one of/);
  });

  it('reports an unknown requirement and a question id outside its topic', () => {
    const q = openQ
      .replace('  difficulty: 1\n', '  difficulty: 1\n  requires: [flask]\n')
      .replace('decorators-what', 'closures-what');
    const found = problems({ 'core/decorators.md': note(), 'core/decorators.questions.yaml': q });
    expect(found.map((p) => `${p.line}:${p.message}`).join('\n')).toMatch(
      /4:question 1: requires.0: must be one of/,
    );
  });

  it('reports missing and misordered note sections', () => {
    const missing = note().replace('## Follow-ups\nDecorators with arguments.\n', '');
    expectProblem(
      { 'core/decorators.md': missing },
      'core/decorators.md',
      16,
      /missing section "## Follow-ups"/,
    );
    const swapped = note().replace('## Explanation', '## Pitfalls');
    expectProblem({ 'core/decorators.md': swapped }, 'core/decorators.md', 6, /expected "## Explanation"/);
  });

  it('reports a note whose frontmatter names another topic, and a code block with no language', () => {
    expectProblem(
      { 'core/decorators.md': note().replace('topic: decorators', 'topic: closures') },
      'core/decorators.md',
      2,
      /does not match the file name/,
    );
    expectProblem(
      { 'core/decorators.md': note().replace('```python', '```') },
      'core/decorators.md',
      9,
      /needs a language/,
    );
  });

  it('reports questions without a note and a related topic that does not exist', () => {
    expectProblem(
      { 'core/decorators.questions.yaml': openQ },
      'core/decorators.questions.yaml',
      1,
      /have no note/,
    );
    const bad = syllabus.replace('related: [closures]', 'related: [generators]');
    let found: ContentProblem[] = [];
    try {
      compileBank(new Map([['syllabus.yaml', bad]]));
    } catch (err) {
      found = (err as ContentError).problems;
    }
    expect(found).toContainEqual({
      file: 'syllabus.yaml',
      line: 10,
      message: 'related topic "generators" of "decorators" does not exist',
    });
  });

  it('reports an unexpected file', () => {
    expectProblem({ 'core/notes.txt': 'hello' }, 'core/notes.txt', 1, /unexpected file/);
  });
});

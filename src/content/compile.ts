// Compiles content files (already read) into a typed Bank; every problem is collected with its file and line.
import { ContentError, type ContentProblem } from './errors.js';
import { renderInline, renderMarkdown } from './markdown.js';
import { parseNote } from './note.js';
import { blueprintSchema, questionFileSchema, questionSchema, syllabusSchema } from './schema.js';
import type { Bank, Blueprint, Note, Question, Syllabus, Topic } from './types.js';
import { parseYaml, validateAt, type YamlSource } from './yaml-source.js';

/** Content files keyed by their path relative to the content folder, with `/` separators. */
export type ContentFiles = ReadonlyMap<string, string>;

const TOP_LEVEL_FILES = new Set(['syllabus.yaml', 'SYLLABUS.txt', 'FORMAT.md']);
const BLUEPRINT_FILE = /^blueprints\/([a-z0-9-]+)\.yaml$/;

export function compileBank(files: ContentFiles): Bank {
  const problems: ContentProblem[] = [];
  const syllabus = compileSyllabus(files, problems);
  if (!syllabus) throw new ContentError(problems);
  const topics = new Map<string, Topic>();
  for (const s of syllabus.sections) for (const t of s.topics) topics.set(t.id, t);

  const notes: Record<string, Note> = {};
  const questions: Question[] = [];
  const questionIds = new Map<string, string>();
  const questionFiles: { path: string; topicId: string }[] = [];
  const blueprints: Blueprint[] = [];

  for (const [path, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const parts = path.split('/');
    if (parts.length === 1 && TOP_LEVEL_FILES.has(path)) continue;
    if (parts[0] === 'blueprints') {
      const bp = BLUEPRINT_FILE.test(path) ? compileBlueprint(path, text, syllabus, problems) : null;
      if (bp) blueprints.push(bp);
      else if (!BLUEPRINT_FILE.test(path))
        problems.push({ file: path, line: 1, message: 'unexpected file: expected blueprints/<id>.yaml' });
      continue;
    }
    const m = /^([a-z0-9-]+)\/([a-z0-9-]+)(\.md|\.questions\.yaml)$/.exec(path);
    if (!m) {
      problems.push({
        file: path,
        line: 1,
        message: 'unexpected file: expected <section>/<topic>.md or <section>/<topic>.questions.yaml',
      });
      continue;
    }
    const [, sectionId = '', topicId = '', kind] = m;
    const topic = topics.get(topicId);
    if (!topic) {
      problems.push({ file: path, line: 1, message: `unknown topic "${topicId}" (not in syllabus.yaml)` });
      continue;
    }
    if (topic.sectionId !== sectionId) {
      problems.push({
        file: path,
        line: 1,
        message: `topic "${topicId}" belongs to section "${topic.sectionId}", not "${sectionId}"`,
      });
      continue;
    }
    if (kind === '.md') {
      const note = parseNote(path, text, topicId, problems);
      if (note) notes[topicId] = note;
    } else {
      questionFiles.push({ path, topicId });
      for (const q of compileQuestions(path, text, topicId, problems)) {
        const prev = questionIds.get(q.id);
        if (prev)
          problems.push({
            file: path,
            line: q.line,
            message: `duplicate question id "${q.id}" (first in ${prev})`,
          });
        else {
          questionIds.set(q.id, `${path}:${q.line}`);
          questions.push(q);
        }
      }
    }
  }
  for (const { path, topicId } of questionFiles) {
    if (
      !notes[topicId] &&
      !problems.some((p) => p.file.startsWith(path.replace(/\.questions\.yaml$/, '.md')))
    ) {
      problems.push({
        file: path,
        line: 1,
        message: `questions for topic "${topicId}" have no note (${path.replace(/\.questions\.yaml$/, '.md')})`,
      });
    }
  }
  if (problems.length > 0) throw new ContentError(problems);
  return { syllabus, blueprints, notes, questions };
}

function compileBlueprint(
  file: string,
  text: string,
  syllabus: Syllabus,
  problems: ContentProblem[],
): Blueprint | null {
  const src = parseYaml(file, text, problems);
  if (!src) return null;
  const raw = validateAt(src, blueprintSchema, [], src.value, problems);
  if (!raw) return null;
  const before = problems.length;
  if (`blueprints/${raw.id}.yaml` !== file)
    problems.push({ file, line: src.lineOf(['id']), message: `id "${raw.id}" must match the file name` });
  const sectionIds = new Set(syllabus.sections.map((s) => s.id));
  raw.stages.forEach((stage, si) => {
    stage.sections.forEach((sec, i) => {
      if (!sectionIds.has(sec))
        problems.push({
          file,
          line: src.lineOf(['stages', si, 'sections', i]),
          message: `unknown section "${sec}"`,
        });
    });
  });
  const total = raw.stages.reduce((n, st) => n + st.minutes, 0);
  if (total !== raw.minutes) {
    problems.push({
      file,
      line: src.lineOf(['minutes']),
      message: `the stages add up to ${total} minutes, not ${raw.minutes}`,
    });
  }
  return problems.length > before ? null : { ...raw, file };
}

function compileSyllabus(files: ContentFiles, problems: ContentProblem[]): Syllabus | null {
  const file = 'syllabus.yaml';
  const text = files.get(file);
  if (text === undefined) {
    problems.push({ file, line: 1, message: 'missing: the syllabus is required' });
    return null;
  }
  const src = parseYaml(file, text, problems);
  if (!src) return null;
  const raw = validateAt(src, syllabusSchema, [], src.value, problems);
  if (!raw) return null;
  const seen = new Map<string, string>();
  const sections = raw.sections.map((s, si) => {
    if (seen.has(s.id))
      problems.push({ file, line: src.lineOf(['sections', si, 'id']), message: `duplicate id "${s.id}"` });
    seen.set(s.id, 'section');
    const topics = s.topics.map((t, ti): Topic => {
      if (seen.has(t.id)) {
        problems.push({
          file,
          line: src.lineOf(['sections', si, 'topics', ti, 'id']),
          message: `duplicate id "${t.id}"`,
        });
      }
      seen.set(t.id, 'topic');
      return { ...t, sectionId: s.id };
    });
    return { id: s.id, number: s.number, title: s.title, topics };
  });
  for (const [si, s] of sections.entries()) {
    for (const [ti, t] of s.topics.entries()) {
      for (const [ri, r] of t.related.entries()) {
        if (seen.get(r) === 'topic') continue;
        const line = src.lineOf(['sections', si, 'topics', ti, 'related', ri]);
        problems.push({ file, line, message: `related topic "${r}" of "${t.id}" does not exist` });
      }
    }
  }
  return problems.length > 0 ? null : { sections };
}

function compileQuestions(
  file: string,
  text: string,
  topicId: string,
  problems: ContentProblem[],
): Question[] {
  const src = parseYaml(file, text, problems);
  if (!src) return [];
  const list = validateAt(
    src,
    questionFileSchema,
    [],
    src.value,
    problems,
    'the file must be a YAML list of questions: ',
  );
  if (!list) return [];
  const out: Question[] = [];
  list.forEach((item, i) => {
    const q = validateAt(src, questionSchema, [i], item, problems, `question ${i + 1}: `);
    if (!q) return;
    const line = src.lineOf([i]);
    if (!q.id.startsWith(`${topicId}-`)) {
      problems.push({
        file,
        line: src.lineOf([i, 'id']),
        message: `question id "${q.id}" must start with its topic id "${topicId}-"`,
      });
      return;
    }
    out.push(toQuestion(q, topicId, file, line, src));
  });
  return out;
}

function toQuestion(
  q: import('./schema.js').RawQuestion,
  topicId: string,
  file: string,
  line: number,
  _src: YamlSource,
): Question {
  const common = {
    id: q.id,
    topicId,
    difficulty: q.difficulty,
    prompt: q.prompt,
    promptHtml: renderMarkdown(q.prompt),
    answer: q.answer,
    answerHtml: renderMarkdown(q.answer),
    requires: q.requires,
    followups: q.followups,
    file,
    line,
  };
  switch (q.type) {
    case 'open':
    case 'design':
      return { ...common, type: q.type, points: q.points };
    case 'choice':
      return {
        ...common,
        type: 'choice',
        options: q.options.map((o) => ({ ...o, html: renderInline(o.text), whyHtml: renderInline(o.why) })),
      };
    case 'predict':
      return { ...common, type: 'predict', code: q.code, output: q.output };
    case 'code':
      return { ...common, type: 'code', starter: q.starter, tests: q.tests, solution: q.solution };
  }
}

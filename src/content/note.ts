// A topic note: YAML frontmatter, then fixed `##` sections in a fixed order.
import type { ContentProblem } from './errors.js';
import { fences, KNOWN_FENCE_LANGUAGES, renderMarkdown } from './markdown.js';
import { noteFrontmatterSchema } from './schema.js';
import type { Note, NoteBlock } from './types.js';
import { parseYaml, validateAt } from './yaml-source.js';

export const NOTE_SECTIONS = [
  '30-second answer',
  'Explanation',
  'Example',
  'Pitfalls',
  'What interviewers listen for',
  'Follow-ups',
] as const;
const OPTIONAL_SECTIONS = ['Version notes'];

export function parseNote(
  file: string,
  text: string,
  topicId: string,
  problems: ContentProblem[],
): Note | null {
  const before = problems.length;
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') {
    problems.push({ file, line: 1, message: 'a note must start with a --- frontmatter block' });
    return null;
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) {
    problems.push({ file, line: 1, message: 'frontmatter is not closed with ---' });
    return null;
  }
  const src = parseYaml(file, lines.slice(1, end).join('\n'), problems, 1);
  if (!src) return null;
  const fm = validateAt(src, noteFrontmatterSchema, [], src.value ?? {}, problems, 'frontmatter: ');
  if (fm && fm.topic !== topicId) {
    problems.push({
      file,
      line: src.lineOf(['topic']),
      message: `topic "${fm.topic}" does not match the file name "${topicId}"`,
    });
  }
  const bodyStart = end + 1;
  const body = lines.slice(bodyStart).join('\n');
  checkSections(file, lines, bodyStart, problems);
  const blocks: NoteBlock[] = [];
  for (const f of fences(body)) {
    const [lang = '', ...flags] = f.info.split(/\s+/);
    const line = f.line + bodyStart + 1;
    if (lang === '') {
      problems.push({
        file,
        line,
        message: 'a code block needs a language (python, yaml, dockerfile, bash, text, …)',
      });
      continue;
    }
    if (!KNOWN_FENCE_LANGUAGES.has(lang))
      problems.push({ file, line, message: `unknown code block language "${lang}"` });
    const unknownFlag = flags.find((fl) => fl !== 'norun');
    if (unknownFlag)
      problems.push({ file, line, message: `unknown code block flag "${unknownFlag}" (only "norun")` });
    blocks.push({ lang, code: f.content, run: lang === 'python' && !flags.includes('norun'), line });
  }
  if (problems.length > before || !fm) return null;
  return { topicId, file, markdown: body, html: renderMarkdown(body), requires: fm.requires, blocks };
}

function checkSections(file: string, lines: string[], bodyStart: number, problems: ContentProblem[]): void {
  const found: { title: string; line: number }[] = [];
  let inFence = false;
  lines.forEach((l, i) => {
    if (i < bodyStart) return;
    if (/^(```|~~~)/.test(l.trim())) inFence = !inFence;
    const m = inFence ? null : /^##\s+(.+?)\s*$/.exec(l);
    if (m?.[1]) found.push({ title: m[1], line: i + 1 });
  });
  const expected = [...NOTE_SECTIONS];
  let next = 0;
  for (const h of found) {
    if (h.title === expected[next]) next++;
    else if (OPTIONAL_SECTIONS.includes(h.title) && next === expected.length) continue;
    else {
      const want = expected[next] ?? OPTIONAL_SECTIONS.join(' or ');
      problems.push({
        file,
        line: h.line,
        message: `unexpected section "## ${h.title}": expected "## ${want}" here`,
      });
      return;
    }
  }
  if (next < expected.length) {
    problems.push({ file, line: lines.length, message: `missing section "## ${expected[next]}"` });
  }
}

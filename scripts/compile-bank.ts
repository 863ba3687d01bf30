// Compiles content/ once at build time into dist/: the full bank (with rendered HTML, for the web app), a lean bank
// without HTML (the terminal never shows it, and it parses in half the time), and the syllabus alone.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBank } from '../src/content/load.js';

const HTML_KEYS = new Set(['html', 'promptHtml', 'answerHtml', 'whyHtml']);

export function compileToDist(dist: URL): string {
  const bank = loadBank();
  const write = (name: string, value: unknown, replacer?: (k: string, v: unknown) => unknown) =>
    writeFileSync(fileURLToPath(new URL(name, dist)), JSON.stringify(value, replacer));
  write('bank.json', bank);
  write('bank-lean.json', bank, (k, v) => (HTML_KEYS.has(k) ? '' : v));
  write('syllabus.json', bank.syllabus);
  const topics = bank.syllabus.sections.reduce((n, s) => n + s.topics.length, 0);
  return `${topics} topics, ${Object.keys(bank.notes).length} notes, ${bank.questions.length} questions`;
}

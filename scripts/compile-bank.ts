// Compiles content/ once at build time into dist/bank.json and dist/syllabus.json.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBank } from '../src/content/load.js';

export function compileToDist(dist: URL): string {
  const bank = loadBank();
  writeFileSync(fileURLToPath(new URL('bank.json', dist)), JSON.stringify(bank));
  writeFileSync(fileURLToPath(new URL('syllabus.json', dist)), JSON.stringify(bank.syllabus));
  const topics = bank.syllabus.sections.reduce((n, s) => n + s.topics.length, 0);
  return `${topics} topics, ${Object.keys(bank.notes).length} notes, ${bank.questions.length} questions`;
}

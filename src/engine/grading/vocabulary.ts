// The words the bank itself uses, so the grader can tell a real word from a typo of another word.
import type { Bank } from '../../content/types.js';
import { normalizedWords } from './text.js';

export function buildVocabulary(bank: Bank): Set<string> {
  const vocab = new Set<string>();
  const add = (text: string) => {
    for (const w of normalizedWords(text)) vocab.add(w);
  };
  for (const note of Object.values(bank.notes)) add(note.markdown);
  for (const q of bank.questions) {
    add(q.prompt);
    add(q.answer);
    for (const f of q.followups) add(f);
    if (q.type === 'choice') for (const o of q.options) add(`${o.text} ${o.why}`);
    if (q.type === 'open' || q.type === 'design')
      for (const p of q.points) add(`${p.text} ${p.phrases.join(' ')}`);
  }
  return vocab;
}

// Reads the compiled bank (dist/bank.json) so the tests can answer questions correctly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Question } from '../../src/content/types.js';
import { ROOT } from './harness.js';

export function loadBank(): { questions: Question[] } {
  return JSON.parse(readFileSync(join(ROOT, 'dist/bank.json'), 'utf8')) as { questions: Question[] };
}

/** A topic whose code questions all run on the plain standard library, and one of those questions. */
export function plainCodeTopic(questions: readonly Question[]): string {
  const byTopic = new Map<string, Question[]>();
  for (const q of questions)
    if (q.type === 'code') byTopic.set(q.topicId, [...(byTopic.get(q.topicId) ?? []), q]);
  for (const [topic, qs] of byTopic) if (qs.every((q) => q.requires.length === 0)) return topic;
  throw new Error('the bank has no code question without requirements');
}

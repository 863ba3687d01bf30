// What a face may show before the answer: never the answer, the solution, the tests or the correct option.
import type { Question } from '../content/types.js';

export interface PublicQuestion {
  id: string;
  topic: string;
  type: Question['type'];
  difficulty: number;
  prompt: string;
  promptHtml: string;
  code?: string;
  options?: { text: string; html: string }[];
  starter?: string;
  /** How many options are correct (choice), so a face knows whether to allow several. */
  correctCount?: number;
}

export function publicQuestion(q: Question): PublicQuestion {
  const base = {
    id: q.id,
    topic: q.topicId,
    type: q.type,
    difficulty: q.difficulty,
    prompt: q.prompt,
    promptHtml: q.promptHtml,
  };
  switch (q.type) {
    case 'predict':
      return { ...base, code: q.code };
    case 'choice':
      return {
        ...base,
        options: q.options.map((o) => ({ text: o.text, html: o.html })),
        correctCount: q.options.filter((o) => o.correct).length,
      };
    case 'code':
      return { ...base, starter: q.starter };
    default:
      return base;
  }
}

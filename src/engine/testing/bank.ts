// Builds small synthetic banks for engine tests (no content files needed).
import type { Bank, Difficulty, Question, QuestionType, Section, Topic } from '../../content/types.js';

export interface TopicSpec {
  id: string;
  section?: string;
  weight?: 1 | 2 | 3;
  questions?: number;
  types?: QuestionType[];
  title?: string;
  aliases?: string[];
}

export function makeQuestion(
  id: string,
  topicId: string,
  type: QuestionType,
  difficulty: Difficulty,
): Question {
  const base = {
    id,
    topicId,
    difficulty,
    prompt: `Question ${id}`,
    promptHtml: '',
    answer: `Answer ${id}`,
    answerHtml: '',
    requires: [],
    followups: [],
    file: `${topicId}.questions.yaml`,
    line: 1,
  };
  switch (type) {
    case 'choice':
      return { ...base, type, options: [{ text: 'a', correct: true, why: 'w', html: 'a', whyHtml: 'w' }] };
    case 'predict':
      return { ...base, type, code: 'print(1)', output: '1' };
    case 'code':
      return { ...base, type, starter: '', tests: 'def test_a():\n    pass\n', solution: '' };
    default:
      return { ...base, type, points: [{ text: 'p', phrases: ['p'] }] };
  }
}

export function makeBank(specs: readonly TopicSpec[]): Bank {
  const sections = new Map<string, Section>();
  const questions: Question[] = [];
  for (const spec of specs) {
    const sectionId = spec.section ?? 's1';
    let section = sections.get(sectionId);
    if (!section) {
      section = { id: sectionId, number: sections.size + 1, title: sectionId, topics: [] };
      sections.set(sectionId, section);
    }
    const topic: Topic = {
      id: spec.id,
      sectionId,
      title: spec.title ?? spec.id,
      seed: spec.title ?? spec.id,
      weight: spec.weight ?? 2,
      related: [],
      aliases: spec.aliases ?? [],
    };
    section.topics.push(topic);
    const types = spec.types ?? ['open', 'choice', 'predict'];
    for (let i = 0; i < (spec.questions ?? 3); i++) {
      const difficulty = ((i % 3) + 1) as Difficulty;
      questions.push(makeQuestion(`${spec.id}-q${i}`, spec.id, types[i % types.length]!, difficulty));
    }
  }
  return { syllabus: { sections: [...sections.values()] }, blueprints: [], notes: {}, questions };
}

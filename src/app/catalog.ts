// Read-only views of the syllabus and the bank, in the JSON shapes the CLI promises (extend, never rename).
import type { Bank, Question, Syllabus } from '../content/types.js';

export interface SyllabusView {
  sections: {
    id: string;
    number: number;
    title: string;
    topics: { id: string; title: string; seed: string; weight: number }[];
  }[];
}

export function syllabusView(syllabus: Syllabus): SyllabusView {
  return {
    sections: syllabus.sections.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      topics: s.topics.map((t) => ({ id: t.id, title: t.title, seed: t.seed, weight: t.weight })),
    })),
  };
}

export interface BankView {
  topics: {
    id: string;
    section: string;
    title: string;
    noteMarkdown: string | null;
    questions: Record<string, unknown>[];
  }[];
}

export function bankView(bank: Bank, filter: { section?: string; topic?: string } = {}): BankView {
  const topics: BankView['topics'] = [];
  for (const s of bank.syllabus.sections) {
    if (filter.section && s.id !== filter.section) continue;
    for (const t of s.topics) {
      if (filter.topic && t.id !== filter.topic) continue;
      const note = bank.notes[t.id];
      const questions = bank.questions.filter((q) => q.topicId === t.id).map(questionView);
      if (!note && questions.length === 0) continue;
      topics.push({
        id: t.id,
        section: s.id,
        title: t.title,
        noteMarkdown: note?.markdown ?? null,
        questions,
      });
    }
  }
  return { topics };
}

function questionView(q: Question): Record<string, unknown> {
  const base = {
    id: q.id,
    type: q.type,
    difficulty: q.difficulty,
    prompt: q.prompt,
    answer: q.answer,
    requires: q.requires,
  };
  switch (q.type) {
    case 'open':
    case 'design':
      return { ...base, points: q.points, followups: q.followups };
    case 'choice':
      return { ...base, options: q.options.map((o) => ({ text: o.text, correct: o.correct, why: o.why })) };
    case 'predict':
      return { ...base, code: q.code, output: q.output };
    case 'code':
      return { ...base, starter: q.starter, tests: q.tests, solution: q.solution };
  }
}

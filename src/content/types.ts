// The compiled, typed bank: what every other part reads. Pure data, no I/O.

export type QuestionType = 'open' | 'choice' | 'predict' | 'code' | 'design';
export type Difficulty = 1 | 2 | 3;

export interface Topic {
  id: string;
  sectionId: string;
  title: string;
  seed: string;
  weight: 1 | 2 | 3;
  related: string[];
  aliases: string[];
}

export interface Section {
  id: string;
  number: number;
  title: string;
  topics: Topic[];
}

export interface Syllabus {
  sections: Section[];
}

/** A fenced code block of a note; `run` blocks are executed by `pyprep verify`. */
export interface NoteBlock {
  lang: string;
  code: string;
  run: boolean;
  line: number;
}

export interface Note {
  topicId: string;
  file: string;
  markdown: string;
  html: string;
  requires: string[];
  blocks: NoteBlock[];
}

/** A rubric point: covered when the answer shows one of its phrases (normalized, stemmed). */
export interface RubricPoint {
  text: string;
  phrases: string[];
}

export interface ChoiceOption {
  text: string;
  correct: boolean;
  why: string;
  html: string;
  whyHtml: string;
}

interface QuestionBase {
  id: string;
  topicId: string;
  difficulty: Difficulty;
  prompt: string;
  promptHtml: string;
  /** Model answer (open/design) or the explanation shown after answering. */
  answer: string;
  answerHtml: string;
  requires: string[];
  followups: string[];
  file: string;
  line: number;
}

export interface OpenQuestion extends QuestionBase {
  type: 'open';
  points: RubricPoint[];
}
export interface DesignQuestion extends QuestionBase {
  type: 'design';
  points: RubricPoint[];
}
export interface ChoiceQuestion extends QuestionBase {
  type: 'choice';
  options: ChoiceOption[];
}
export interface PredictQuestion extends QuestionBase {
  type: 'predict';
  code: string;
  output: string;
}
export interface CodeQuestion extends QuestionBase {
  type: 'code';
  starter: string;
  tests: string;
  solution: string;
}

export type Question = OpenQuestion | DesignQuestion | ChoiceQuestion | PredictQuestion | CodeQuestion;

/** One stage of a mock interview: a time budget and the sections its questions come from. */
export interface BlueprintStage {
  id: string;
  title: string;
  minutes: number;
  sections: string[];
  /** Questions asked in this stage (follow-ups come on top, within the time budget). */
  questions: number;
  types: QuestionType[];
}

export interface Blueprint {
  id: string;
  title: string;
  description: string;
  minutes: number;
  stages: BlueprintStage[];
  file: string;
}

export interface Bank {
  syllabus: Syllabus;
  /** Mock-interview blueprints, from content/blueprints/. */
  blueprints: Blueprint[];
  /** Authored notes by topic id (a syllabus topic may have none yet). */
  notes: Record<string, Note>;
  questions: Question[];
}

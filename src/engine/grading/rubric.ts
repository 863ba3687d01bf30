// Grades open and design answers by rubric coverage: which talking points the answer shows, in its own words.
import type { RubricPoint } from '../../content/types.js';
import { clampScore, RUBRIC_PASS, suggestRating } from './rating.js';
import { contentWords, isMeaningful, isStopword, sameWord, type Word, words } from './text.js';
import type { GradeResult, RubricFeedback, RubricPointFeedback } from './types.js';

/** Extra answer words allowed between the words of one phrase, in any order. */
export const PHRASE_SLACK = 2;
const QUOTE_MAX = 140;

export interface CompiledPhrase {
  phrase: string;
  words: Word[];
  /** Every word also occurs in the prompt: repeating the question would match it, so it is no evidence. */
  promptOnly: boolean;
}

export interface CompiledPoint {
  text: string;
  phrases: CompiledPhrase[];
}

function phraseWords(phrase: string): Word[] {
  const all = words(phrase);
  const content = all.filter((w) => !isStopword(w.norm) || isMeaningful(w.norm));
  // A phrase made only of function words ("is not") keeps them, since its author meant them.
  return content.length > 0 ? content : all;
}

/** Compiles a rubric once per question; the prompt decides which phrases cannot count. */
export function compileRubric(points: readonly RubricPoint[], prompt: string): CompiledPoint[] {
  const promptWords = words(prompt);
  const inPrompt = (w: Word) => promptWords.some((p) => sameWord(p, w));
  return points.map((point) => ({
    text: point.text,
    phrases: point.phrases.map((phrase) => {
      const ws = phraseWords(phrase);
      return { phrase, words: ws, promptOnly: ws.length === 0 || ws.every(inPrompt) };
    }),
  }));
}

export interface PhraseMatch {
  phrase: string;
  start: number;
  end: number;
  size: number;
}

/** Finds the phrase's words inside one window of the answer's content words, in any order. */
export function findPhrase(answer: readonly Word[], phrase: CompiledPhrase): PhraseMatch | null {
  const n = phrase.words.length;
  if (n === 0) return null;
  const window = n === 1 ? 1 : n + PHRASE_SLACK;
  for (let i = 0; i < answer.length; i++) {
    const first = answer[i]!;
    if (!phrase.words.some((p) => sameWord(first, p))) continue;
    const used = new Array<boolean>(n).fill(false);
    let found = 0;
    let last = i;
    for (let j = i; j < Math.min(answer.length, i + window) && found < n; j++) {
      const w = answer[j]!;
      const k = phrase.words.findIndex((p, idx) => !used[idx] && sameWord(w, p));
      if (k >= 0) {
        used[k] = true;
        found++;
        last = j;
      }
    }
    if (found === n) return { phrase: phrase.phrase, start: first.start, end: answer[last]!.end, size: n };
  }
  return null;
}

function quote(text: string, m: PhraseMatch): string {
  const q = text.slice(m.start, m.end).replace(/\s+/g, ' ').trim();
  return q.length <= QUOTE_MAX ? q : `${q.slice(0, QUOTE_MAX - 1)}…`;
}

/** The best evidence for one point: the longest matching phrase, then the earliest. */
export function matchPoint(text: string, answer: readonly Word[], point: CompiledPoint): RubricPointFeedback {
  let best: PhraseMatch | null = null;
  for (const phrase of point.phrases) {
    if (phrase.promptOnly) continue;
    const m = findPhrase(answer, phrase);
    if (m && (!best || m.size > best.size || (m.size === best.size && m.start < best.start))) best = m;
  }
  return best
    ? { text: point.text, covered: true, quote: quote(text, best), phrase: best.phrase }
    : { text: point.text, covered: false, quote: null, phrase: null };
}

function summarize(points: RubricPointFeedback[], coverage: number): string {
  const covered = points.filter((p) => p.covered);
  const lines = [`Covered ${covered.length} of ${points.length} points (${Math.round(coverage * 100)}%).`];
  for (const p of points) {
    lines.push(p.covered ? `  ✓ ${p.text} — you said "${p.quote}"` : `  ✗ ${p.text}`);
  }
  return lines.join('\n');
}

export interface RubricOptions {
  /** Words the bank uses (see buildVocabulary): such words in an answer are never read as typos. */
  vocabulary?: ReadonlySet<string>;
}

/** Coverage of `answer` against the rubric (points already compiled against the prompt). */
export function gradeRubricCompiled(
  points: readonly CompiledPoint[],
  answer: string,
  options: RubricOptions = {},
): GradeResult<RubricFeedback> {
  const answerWords = contentWords(answer, options.vocabulary);
  const results = points.map((p) => matchPoint(answer, answerWords, p));
  const coverage = clampScore(results.length ? results.filter((r) => r.covered).length / results.length : 0);
  const correct = coverage >= RUBRIC_PASS;
  return {
    correct,
    score: coverage,
    suggestedRating: suggestRating(coverage, correct),
    feedback: { kind: 'rubric', coverage, points: results, summary: summarize(results, coverage) },
  };
}

export function gradeRubric(
  question: { prompt: string; points: readonly RubricPoint[] },
  answer: string,
  options: RubricOptions = {},
): GradeResult<RubricFeedback> {
  return gradeRubricCompiled(compileRubric(question.points, question.prompt), answer, options);
}

/** Rubric phrases that can never count because the prompt already contains all their words (for authors). */
export function promptOnlyPhrases(question: { prompt: string; points: readonly RubricPoint[] }): string[] {
  return compileRubric(question.points, question.prompt).flatMap((p) =>
    p.phrases.filter((ph) => ph.promptOnly).map((ph) => ph.phrase),
  );
}

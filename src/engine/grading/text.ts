// Words of a free-text answer: normalized, stemmed (Porter, via `stemmer`), with offsets for quoting.
import { distance } from 'fastest-levenshtein';
import { stemmer } from 'stemmer';

export interface Word {
  /** Lower-cased, accents stripped. */
  norm: string;
  stem: string;
  /** Offsets into the original text, to quote the answer's own words. */
  start: number;
  end: number;
  /** A word the bank itself uses: spelled like a real word, so never treated as a typo of another. */
  known?: boolean;
}

// Function words carry no evidence; negations ("not", "no", "without") are kept on purpose.
const STOPWORDS = new Set(
  (
    'a an the and or but if then else of to in on at by for with from as into onto about than so that this these ' +
    'those it its it s is are was were be been being am do does did done has have had having i me my we our you ' +
    'your he she they them their there here what which who whom whose when where why how can could should would ' +
    'will shall may might must also just very really quite some any each every all both more most such own same ' +
    'too only s t d ll re ve m up out over again further once use used using uses e g eg ie etc'
  ).split(' '),
);

// Identifiers keep their underscores (`on_commit`, `select_related`): split, they would match any "commit".
const WORD = /[\p{L}\p{N}]+(?:_+[\p{L}\p{N}]+)*/gu;

// Function words that still change a technical claim ("evaluated once", "same object", "every call"): kept.
const MEANINGFUL = new Set(
  'once only same every each all both more most again over out up before after must can will than'.split(' '),
);

// Stemming dominates grading time and answers reuse words, so stems are remembered (bounded).
const stemCache = new Map<string, string>();
function stem(norm: string): string {
  if (norm.includes('_')) return norm;
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = stemmer(norm);
    if (stemCache.size < 100_000) stemCache.set(norm, s);
  }
  return s;
}

/** Normalized words only (no stems, no offsets): for building vocabularies fast. */
export function normalizedWords(text: string): string[] {
  return Array.from(text.matchAll(WORD), (m) => normalizeWord(m[0]));
}

export function normalizeWord(raw: string): string {
  if (/^[a-z0-9]+$/.test(raw)) return raw;
  return raw.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}

/** A stop word that is evidence when a rubric phrase names it ("once", "same", "every"). */
export function isMeaningful(norm: string): boolean {
  return MEANINGFUL.has(norm);
}

/** All words of `text`, stop words included; words in `vocabulary` are marked known. */
export function words(text: string, vocabulary?: ReadonlySet<string>): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const norm = normalizeWord(m[0]);
    const w: Word = { norm, stem: stem(norm), start: m.index, end: m.index + m[0].length };
    if (vocabulary?.has(norm)) w.known = true;
    out.push(w);
  }
  return out;
}

/** The words that can be evidence: stop words dropped, except the meaningful ones. */
export function contentWords(text: string, vocabulary?: ReadonlySet<string>): Word[] {
  return words(text, vocabulary).filter((w) => !STOPWORDS.has(w.norm) || MEANINGFUL.has(w.norm));
}

/**
 * Same word after stemming, or a one-letter typo in a word of 5+ letters. Numbers must match exactly, and a
 * known word is never a typo ("order" is not a misspelt "older").
 */
export function sameWord(a: Word, b: Word): boolean {
  if (a.stem === b.stem || a.norm === b.norm) return true;
  if (a.known || b.known) return false;
  if (a.norm.length < 5 || b.norm.length < 5) return false;
  if (/\d/.test(a.norm) || /\d/.test(b.norm)) return false;
  if (Math.abs(a.norm.length - b.norm.length) > 1) return false;
  return distance(a.norm, b.norm) <= 1;
}

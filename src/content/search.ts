// Full-text search over the bank: BM25F over stemmed words, boosted when a title or alias is named in the query.
import { distance } from 'fastest-levenshtein';
import { stemmer } from 'stemmer';
import type { Bank } from './types.js';

export interface SearchResult {
  kind: 'topic' | 'question';
  id: string;
  topic: string;
  title: string;
  score: number;
}

export interface SearchOptions {
  limit?: number;
  kinds?: readonly ('topic' | 'question')[];
}

export interface SearchIndex {
  search(query: string, options?: SearchOptions): SearchResult[];
  readonly size: number;
}

// Field weights: a word in a topic's title or alias says far more than one in its note.
const FIELD_WEIGHT = {
  title: 5,
  alias: 5,
  seed: 2,
  note: 1,
  questions: 0.6,
  prompt: 1.5,
  topicTitle: 0.8,
} as const;
type Field = keyof typeof FIELD_WEIGHT;
const K1 = 1.2;
const B = 0.75;
/** Added when every word of a title or alias appears in the query (scaled by its length). */
const NAMED_BONUS = 2.5;
/** Topics outrank their own questions on equal evidence. */
const TOPIC_PRIOR = 1.15;

const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as into about than so that this these those it its is ' +
    'are was were be been being am do does did has have had i me my we our you your he she they them their there ' +
    'what which who whom when where why how can could should would will shall may might must just very some any ' +
    'each all both more most such own same too only s t d ll re ve m vs versus explain difference between ' +
    'happens happen making make makes get gets'
  ).split(' '),
);
const WORD = /[\p{L}\p{N}]+/gu;

// Stemming is the slow part of indexing; the same words recur, so remember them.
const stemCache = new Map<string, string>();
function stem(norm: string): string {
  let s = stemCache.get(norm);
  if (s === undefined) {
    s = stemmer(norm);
    if (stemCache.size < 200_000) stemCache.set(norm, s);
  }
  return s;
}

function normalizedWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    const norm = /^[a-z0-9]+$/.test(w) ? w : w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    if (!STOPWORDS.has(norm)) out.push(norm);
  }
  return out;
}

/** Normalized, stemmed words without stop words: what the index stores and a query is cut into. */
export function searchTerms(text: string): string[] {
  return normalizedWords(text).map(stem);
}

interface Doc {
  kind: 'topic' | 'question';
  id: string;
  topic: string;
  title: string;
  /** Stem lists of the title and aliases, for the "named in the query" bonus. */
  names: string[][];
  fields: Partial<Record<Field, string[]>>;
  /** Title/alias/prompt text, whose words a misspelt query word may be meant as. */
  rawText: string;
}

/** A question's title: the first line of prose in its prompt, without Markdown marks. */
export function questionTitle(prompt: string): string {
  const prose = prompt.replace(/```[\s\S]*?(```|$)/g, '\n');
  const line =
    prose
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? prompt.trim();
  const clean = line
    .replace(/[`*_#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > 100 ? `${clean.slice(0, 99)}…` : clean;
}

function collectDocs(bank: Bank): Doc[] {
  const docs: Doc[] = [];
  const promptsOf = new Map<string, string[]>();
  for (const q of bank.questions) {
    const list = promptsOf.get(q.topicId) ?? [];
    list.push(q.prompt);
    promptsOf.set(q.topicId, list);
  }
  for (const section of bank.syllabus.sections) {
    for (const t of section.topics) {
      docs.push({
        kind: 'topic',
        id: t.id,
        topic: t.id,
        title: t.title,
        names: [t.title, ...t.aliases].map(searchTerms).filter((n) => n.length > 0),
        fields: {
          title: searchTerms(t.title),
          alias: searchTerms(t.aliases.join(' ')),
          seed: searchTerms(t.seed),
          note: searchTerms(bank.notes[t.id]?.markdown ?? ''),
          questions: searchTerms((promptsOf.get(t.id) ?? []).join('\n')),
        },
        rawText: `${t.aliases.join(' ')} ${t.seed} ${bank.notes[t.id]?.markdown ?? ''}`,
      });
    }
  }
  const topicTitle = new Map(
    bank.syllabus.sections.flatMap((s) => s.topics.map((t) => [t.id, t.title] as const)),
  );
  for (const q of bank.questions) {
    docs.push({
      kind: 'question',
      id: q.id,
      topic: q.topicId,
      title: questionTitle(q.prompt),
      names: [],
      fields: { prompt: searchTerms(q.prompt), topicTitle: searchTerms(topicTitle.get(q.topicId) ?? '') },
      rawText: q.prompt,
    });
  }
  return docs;
}

export function buildSearchIndex(bank: Bank): SearchIndex {
  const docs = collectDocs(bank);
  const fields = Object.keys(FIELD_WEIGHT) as Field[];
  const avgLen = new Map<Field, number>();
  for (const f of fields) {
    const lens = docs.map((d) => d.fields[f]?.length ?? 0).filter((n) => n > 0);
    avgLen.set(f, lens.length ? lens.reduce((a, b) => a + b, 0) / lens.length : 1);
  }
  // postings: term -> [doc index, saturated BM25F term weight]
  const postings = new Map<string, { doc: number; w: number }[]>();
  docs.forEach((d, i) => {
    const tf = new Map<string, number>();
    for (const f of fields) {
      const terms = d.fields[f];
      if (!terms?.length) continue;
      const norm = 1 - B + (B * terms.length) / avgLen.get(f)!;
      const counts = new Map<string, number>();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [t, c] of counts) tf.set(t, (tf.get(t) ?? 0) + (FIELD_WEIGHT[f] * c) / norm);
    }
    for (const [t, x] of tf) {
      const list = postings.get(t) ?? [];
      list.push({ doc: i, w: x / (K1 + x) });
      postings.set(t, list);
    }
  });
  const n = docs.length;
  const idf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  // Unstemmed words of the bank by first letter, to read a query word that matches nothing as a typo.
  const wordsByInitial = new Map<string, Set<string>>();
  for (const d of docs) {
    for (const w of normalizedWords(`${d.title} ${d.rawText}`)) {
      if (w.length < 4) continue;
      const set = wordsByInitial.get(w[0]!) ?? new Set<string>();
      set.add(w);
      wordsByInitial.set(w[0]!, set);
    }
  }
  const resolve = (word: string): string[] => {
    const term = stem(word);
    if (postings.has(term) || word.length < 5 || /\d/.test(word)) return [term];
    const near: string[] = [];
    for (const v of wordsByInitial.get(word[0]!) ?? []) {
      if (Math.abs(v.length - word.length) <= 1 && distance(v, word) <= 1) near.push(stem(v));
    }
    return [...new Set(near)];
  };

  return {
    size: n,
    search(query, options = {}) {
      const limit = options.limit ?? 10;
      const kinds = options.kinds;
      const qWords = [...new Set(normalizedWords(query))];
      if (qWords.length === 0 || limit <= 0) return [];
      const qTerms = qWords.map(stem);
      const scores = new Float64Array(n);
      for (const qw of qWords) {
        for (const term of resolve(qw)) {
          const list = postings.get(term);
          if (!list) continue;
          const weight = idf(list.length);
          for (const p of list) scores[p.doc]! += weight * p.w;
        }
      }
      const qSet = new Set(qTerms);
      const results: SearchResult[] = [];
      for (let i = 0; i < n; i++) {
        let s = scores[i]!;
        if (s <= 0) continue;
        const d = docs[i]!;
        if (kinds && !kinds.includes(d.kind)) continue;
        for (const name of d.names) {
          if (name.every((t) => qSet.has(t))) s += NAMED_BONUS * Math.min(name.length, 3);
        }
        if (d.kind === 'topic') s *= TOPIC_PRIOR;
        results.push({
          kind: d.kind,
          id: d.id,
          topic: d.topic,
          title: d.title,
          score: Math.round(s * 1000) / 1000,
        });
      }
      results.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
      return results.slice(0, limit);
    },
  };
}

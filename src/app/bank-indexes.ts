// Indexes derived from the bank, built once per bank on first use (search index, grading vocabulary).
import { buildSearchIndex, type SearchIndex } from '../content/search.js';
import type { Bank } from '../content/types.js';
import { buildVocabulary } from '../engine/grading/vocabulary.js';

const searchIndexes = new WeakMap<Bank, SearchIndex>();
const vocabularies = new WeakMap<Bank, Set<string>>();

export function searchIndexOf(bank: Bank): SearchIndex {
  let index = searchIndexes.get(bank);
  if (!index) {
    index = buildSearchIndex(bank);
    searchIndexes.set(bank, index);
  }
  return index;
}

export function vocabularyOf(bank: Bank): Set<string> {
  let vocab = vocabularies.get(bank);
  if (!vocab) {
    vocab = buildVocabulary(bank);
    vocabularies.set(bank, vocab);
  }
  return vocab;
}

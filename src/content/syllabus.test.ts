import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findContentDir, loadBank } from './load.js';

const dir = findContentDir();
const bank = loadBank(dir);
const topics = bank.syllabus.sections.flatMap((s) => s.topics);

describe('syllabus.yaml against SYLLABUS.txt', () => {
  it('has every topic line of SYLLABUS.txt as exactly one seed, in order', () => {
    const lines = readFileSync(`${dir}/SYLLABUS.txt`, 'utf8').split('\n');
    const seeds = lines.filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
    expect(seeds).toHaveLength(149);
    expect(topics.map((t) => t.seed)).toEqual(seeds);
  });

  it('has the 13 sections in order with their topic counts', () => {
    const headers = readFileSync(`${dir}/SYLLABUS.txt`, 'utf8')
      .split('\n')
      .filter((l) => /^\d+\. /.test(l));
    expect(bank.syllabus.sections.map((s) => s.number)).toEqual(headers.map((h) => Number(h.split('.')[0])));
    expect(bank.syllabus.sections.map((s) => s.topics.length)).toEqual([
      25, 20, 13, 18, 10, 9, 8, 6, 10, 9, 7, 8, 6,
    ]);
  });

  it('keeps repeated lines as separate topics that point at each other', () => {
    const byId = new Map(topics.map((t) => [t.id, t]));
    for (const [a, b] of [
      ['event-loop', 'event-loop-internals'],
      ['drf-api-testing', 'api-testing'],
      ['zero-downtime-deployment', 'k8s-zero-downtime'],
    ] as const) {
      expect(byId.get(a)?.seed).toBeDefined();
      expect(byId.get(a)?.related).toContain(b);
      expect(byId.get(b)?.related).toContain(a);
    }
  });

  it('gives every topic a unique id and a weight of 1 to 3, using all three', () => {
    expect(new Set(topics.map((t) => t.id)).size).toBe(149);
    const weights = new Set(topics.map((t) => t.weight));
    expect([...weights].sort()).toEqual([1, 2, 3]);
  });
});

describe('the content standard, for every topic', () => {
  // Each topic: a note, ≥6 questions, ≥2 open, ≥1 choice, a predict or code item, difficulties 1 and 3.
  it.each(topics.map((t) => [t.id] as const))('%s has a note and questions to the standard', (id) => {
    expect(bank.notes[id], `${id} has no note`).toBeDefined();
    const qs = bank.questions.filter((q) => q.topicId === id);
    const count = (type: string) => qs.filter((q) => q.type === type).length;
    expect(qs.length).toBeGreaterThanOrEqual(6);
    expect(count('open')).toBeGreaterThanOrEqual(2);
    expect(count('choice')).toBeGreaterThanOrEqual(1);
    expect(count('predict') + count('code')).toBeGreaterThanOrEqual(1);
    expect(qs.some((q) => q.difficulty === 1) && qs.some((q) => q.difficulty === 3)).toBe(true);
  });
});

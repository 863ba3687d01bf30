import { describe, expect, it } from 'vitest';
import { seededRandom, seedToInt, shuffle } from './seeded.js';

describe('seededRandom', () => {
  it('repeats for one seed and differs between seeds', () => {
    const a = seededRandom('s1');
    const b = seededRandom('s1');
    const c = seededRandom('s2');
    const xs = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
  it('shuffles without losing items, deterministically', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const s1 = shuffle(items, seededRandom(7));
    expect(shuffle(items, seededRandom(7))).toEqual(s1);
    expect([...s1].sort((x, y) => x - y)).toEqual(items);
    expect(s1).not.toEqual(items);
  });
  it('folds strings to 32-bit ints', () => {
    expect(seedToInt('abc')).toBe(seedToInt('abc'));
    expect(seedToInt('abc')).not.toBe(seedToInt('abd'));
  });
});

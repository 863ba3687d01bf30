import { describe, expect, it } from 'vitest';
import { addDays, dayKey, daysBetween, parseDay, startOfDay } from './time.js';

describe('day arithmetic', () => {
  const at = new Date('2025-03-01T23:30:00Z');
  it('finds the start of the day in UTC and in an offset', () => {
    expect(startOfDay(at).toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(startOfDay(at, 120).toISOString()).toBe('2025-03-01T22:00:00.000Z');
    expect(dayKey(at, 120)).toBe('2025-03-02');
    expect(dayKey(at, -60)).toBe('2025-03-01');
  });
  it('parses days strictly', () => {
    expect(parseDay('2025-02-28').toISOString()).toBe('2025-02-28T00:00:00.000Z');
    expect(() => parseDay('2025-02-30')).toThrow(/calendar date/);
    expect(() => parseDay('tomorrow')).toThrow(/calendar date/);
  });
  it('counts days between instants', () => {
    expect(daysBetween(at, addDays(at, 3))).toBe(3);
    expect(daysBetween(new Date('2025-03-01T23:00:00Z'), new Date('2025-03-02T01:00:00Z'))).toBe(1);
  });
});

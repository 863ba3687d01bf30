// A YYYY-MM-DD that is a real day: "2031-02-30" matches the pattern but would break every later date read.
import { z } from 'zod';

export function isCalendarDay(day: string): boolean {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-24')
  .refine(isCalendarDay, 'not a calendar date (e.g. 2026-02-30 does not exist)');

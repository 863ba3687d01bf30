// Dates the app stores must be real calendar days: "2031-02-30" passes a YYYY-MM-DD pattern but breaks every later read.
export function isCalendarDay(day: string | null | undefined): boolean {
  if (day === null || day === undefined) return true;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

export const notACalendarDay = { message: 'not a calendar date (e.g. 2026-02-30 does not exist)' };

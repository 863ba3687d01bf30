// Calendar-day arithmetic on instants, with the user's UTC offset passed in (the engine has no time zone).
export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The instant the calendar day containing `at` begins, for a clock `utcOffsetMinutes` ahead of UTC. */
export function startOfDay(at: Date, utcOffsetMinutes = 0): Date {
  const shifted = at.getTime() + utcOffsetMinutes * MINUTE_MS;
  return new Date(Math.floor(shifted / DAY_MS) * DAY_MS - utcOffsetMinutes * MINUTE_MS);
}

/** YYYY-MM-DD of the calendar day containing `at`. */
export function dayKey(at: Date, utcOffsetMinutes = 0): string {
  return new Date(at.getTime() + utcOffsetMinutes * MINUTE_MS).toISOString().slice(0, 10);
}

/** Parses YYYY-MM-DD into that day's start (UTC offset applied); throws on anything else. */
export function parseDay(day: string, utcOffsetMinutes = 0): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${day}`);
  }
  return new Date(ms - utcOffsetMinutes * MINUTE_MS);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** Whole calendar days from `from`'s day to `to`'s day. */
export function daysBetween(from: Date, to: Date, utcOffsetMinutes = 0): number {
  return Math.round(
    (startOfDay(to, utcOffsetMinutes).getTime() - startOfDay(from, utcOffsetMinutes).getTime()) / DAY_MS,
  );
}

// The engine never reads the clock itself: callers pass a Clock (or a Date) in.
export interface Clock {
  now(): Date;
}

/** A clock stuck at one instant, for tests and replays. */
export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
}

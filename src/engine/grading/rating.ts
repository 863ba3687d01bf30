// The one place where a grade becomes a suggested FSRS rating; the user may always pick another.
import type { FsrsRating } from '../scheduling/scheduler.js';

/** Rubric coverage at or above this counts as a correct open/design answer. */
export const RUBRIC_PASS = 0.75;
/** Below this score an incorrect answer is rated Again; at or above it, Hard. */
export const HARD_FLOOR = 0.5;

/**
 * Score -> suggested rating:
 * - correct (choice/predict exact, every test passing, rubric coverage >= RUBRIC_PASS) -> 3 Good;
 * - not correct but score >= HARD_FLOOR (half the points, tests or output lines) -> 2 Hard;
 * - otherwise -> 1 Again.
 * 4 Easy is never suggested: a grader sees what was answered, not how effortlessly; the user picks Easy.
 */
export function suggestRating(score: number, correct: boolean): FsrsRating {
  if (correct) return 3;
  if (score >= HARD_FLOOR) return 2;
  return 1;
}

export function clampScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.min(1, Math.max(0, score));
}

// FSRS scheduling through ts-fsrs: one place that turns settings into a scheduler, time always passed in.
import { type Card, createEmptyCard, type FSRS, fsrs, generatorParameters } from 'ts-fsrs';
import type { CardState, FsrsCardFields, NewReviewLog } from '../ports/repository.js';
import { DAY_MS } from '../time.js';

/** FSRS ratings: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type FsrsRating = 1 | 2 | 3 | 4;
export const RATINGS: readonly FsrsRating[] = [1, 2, 3, 4];

export interface SchedulerSettings {
  /** Probability of recall FSRS aims for when it picks an interval (0.7..0.99). */
  desiredRetention: number;
  /** Longest interval FSRS may give, in days. */
  maximumIntervalDays: number;
  /** Spread due dates a little so cards learned together are not always due together. */
  enableFuzz: boolean;
  /** Same-day learning steps (1 min, 10 min) for new and lapsed cards. */
  shortTermSteps: boolean;
}

export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = {
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
  enableFuzz: false,
  shortTermSteps: true,
};

/** The FSRS part of a review log, as the Repository stores it (the caller adds source, score, answer...). */
export type FsrsLogFields = Pick<
  NewReviewLog,
  | 'rating'
  | 'state'
  | 'due'
  | 'stability'
  | 'difficulty'
  | 'elapsed_days'
  | 'last_elapsed_days'
  | 'scheduled_days'
  | 'learning_steps'
  | 'review'
>;

export interface RatedCard {
  card: FsrsCardFields;
  log: FsrsLogFields;
}

function toFsrs(card: FsrsCardFields): Card {
  const { last_review, ...rest } = card;
  return last_review ? { ...rest, last_review } : { ...rest };
}

function fromFsrs(card: Card): FsrsCardFields {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as CardState,
    last_review: card.last_review ?? null,
  };
}

export interface Scheduler {
  readonly settings: SchedulerSettings;
  /** A card never reviewed, due now. */
  newCard(now: Date): FsrsCardFields;
  /** Applies the final rating (the user's, or the suggested one) at `now`. */
  rate(card: FsrsCardFields, rating: FsrsRating, now: Date): RatedCard;
  /** Probability of recall at `at` (0 for a card never reviewed). */
  retrievability(card: FsrsCardFields, at: Date): number;
  /** When the card would next be due for each possible rating (for showing on the rating buttons). */
  preview(card: FsrsCardFields, now: Date): Record<FsrsRating, Date>;
}

export function isRating(value: unknown): value is FsrsRating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export function createScheduler(overrides: Partial<SchedulerSettings> = {}): Scheduler {
  const settings: SchedulerSettings = { ...DEFAULT_SCHEDULER_SETTINGS, ...overrides };
  const { desiredRetention, maximumIntervalDays } = settings;
  if (!(desiredRetention >= 0.7 && desiredRetention <= 0.99)) {
    throw new RangeError(`desired retention must be between 0.7 and 0.99, got ${desiredRetention}`);
  }
  if (!(Number.isInteger(maximumIntervalDays) && maximumIntervalDays >= 1)) {
    throw new RangeError(`maximum interval must be a whole number of days >= 1, got ${maximumIntervalDays}`);
  }
  const f: FSRS = fsrs(
    generatorParameters({
      request_retention: desiredRetention,
      maximum_interval: maximumIntervalDays,
      enable_fuzz: settings.enableFuzz,
      enable_short_term: settings.shortTermSteps,
    }),
  );
  return {
    settings,
    newCard: (now) => fromFsrs(createEmptyCard(now)),
    rate(card, rating, now) {
      if (!isRating(rating)) throw new RangeError(`rating must be 1..4, got ${String(rating)}`);
      const rated = f.next(toFsrs(card), now, rating);
      const next = fromFsrs(rated.card);
      const l = rated.log;
      const log: FsrsLogFields = {
        rating,
        state: l.state as CardState,
        due: l.due,
        stability: l.stability,
        difficulty: l.difficulty,
        elapsed_days: l.elapsed_days,
        last_elapsed_days: l.last_elapsed_days,
        scheduled_days: l.scheduled_days,
        learning_steps: l.learning_steps,
        review: l.review,
      };
      // ts-fsrs keeps Easy one day past Good even at the cap; the user's maximum wins.
      if (next.scheduled_days > maximumIntervalDays) {
        next.scheduled_days = maximumIntervalDays;
        next.due = new Date(now.getTime() + maximumIntervalDays * DAY_MS);
      }
      return { card: next, log };
    },
    retrievability(card, at) {
      if (card.reps === 0 || card.last_review === null) return 0;
      return f.get_retrievability(toFsrs(card), at, false);
    },
    preview(card, now) {
      const p = f.repeat(toFsrs(card), now);
      return { 1: p[1].card.due, 2: p[2].card.due, 3: p[3].card.due, 4: p[4].card.due };
    },
  };
}

// Minutes a study plan budgets per activity (estimates for a focused learner; the caller may override them).
import type { QuestionType } from '../../content/types.js';

export interface PlanCosts {
  /** Reading a topic's study note once. */
  note: number;
  /** First attempt at a question, by type (answering plus reading the feedback). */
  learn: Record<QuestionType, number>;
  /** A later review, by type (shorter: the answer is familiar). */
  review: Record<QuestionType, number>;
}

export const DEFAULT_PLAN_COSTS: PlanCosts = {
  note: 10,
  learn: { choice: 1.5, predict: 2, open: 4, code: 8, design: 10 },
  review: { choice: 0.5, predict: 1, open: 2, code: 4, design: 5 },
};

export function mergeCosts(overrides: Partial<PlanCosts> = {}): PlanCosts {
  return {
    note: overrides.note ?? DEFAULT_PLAN_COSTS.note,
    learn: { ...DEFAULT_PLAN_COSTS.learn, ...overrides.learn },
    review: { ...DEFAULT_PLAN_COSTS.review, ...overrides.review },
  };
}

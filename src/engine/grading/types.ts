// What every grader returns: a score, a suggested rating and feedback the user can act on.
import type { FsrsRating } from '../scheduling/scheduler.js';

export interface ChoiceFeedback {
  kind: 'choice';
  /** Indices (0-based) the user picked and the correct ones. */
  selected: number[];
  correctOptions: number[];
  /** Why each picked-but-wrong option is wrong, and why each missed correct option is right. */
  wrongPicks: { index: number; text: string; why: string }[];
  missed: { index: number; text: string; why: string }[];
  summary: string;
}

export interface DiffLine {
  /** ' ' same, '-' expected but missing, '+' printed but not expected. */
  op: ' ' | '-' | '+';
  text: string;
}

export interface PredictFeedback {
  kind: 'predict';
  expected: string;
  actual: string;
  diff: DiffLine[];
  summary: string;
}

export interface CodeTestFeedback {
  name: string;
  passed: boolean;
  message: string;
  line: number | null;
  /** Which file `line` points into. */
  file: 'tests' | 'solution' | null;
}

export interface CodeFeedback {
  kind: 'code';
  passed: number;
  total: number;
  failing: CodeTestFeedback[];
  timedOut: boolean;
  /** The run's stderr tail when the code did not even get to the tests (syntax error, crash). */
  error: string | null;
  summary: string;
}

export interface RubricPointFeedback {
  text: string;
  covered: boolean;
  /** The answer's own words that showed the point (covered points). */
  quote: string | null;
  /** The rubric phrase that matched (covered points). */
  phrase: string | null;
}

export interface RubricFeedback {
  kind: 'rubric';
  coverage: number;
  points: RubricPointFeedback[];
  summary: string;
}

export type Feedback = ChoiceFeedback | PredictFeedback | CodeFeedback | RubricFeedback;

export interface GradeResult<F extends Feedback = Feedback> {
  correct: boolean;
  /** 0..1 */
  score: number;
  suggestedRating: FsrsRating;
  feedback: F;
}

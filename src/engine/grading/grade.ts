// One entry point for the use-cases: grades any question from the user's answer.
import type { Question } from '../../content/types.js';
import { gradeChoice } from './choice.js';
import { gradeCode, type TestRunOutcome } from './code.js';
import { gradePredict } from './predict.js';
import { gradeRubric, type RubricOptions } from './rubric.js';
import type { GradeResult } from './types.js';

/** The user's answer; for `code` the app runs the tests through the CodeRunner first and passes the result. */
export type Answer =
  | { type: 'choice'; selected: readonly number[] }
  | { type: 'predict'; output: string }
  | { type: 'code'; run: TestRunOutcome }
  | { type: 'open' | 'design'; text: string };

export function gradeAnswer(question: Question, answer: Answer, options: RubricOptions = {}): GradeResult {
  switch (question.type) {
    case 'choice':
      if (answer.type !== 'choice') break;
      return gradeChoice(question, answer.selected);
    case 'predict':
      if (answer.type !== 'predict') break;
      return gradePredict(question, answer.output);
    case 'code':
      if (answer.type !== 'code') break;
      return gradeCode(answer.run, countTests(question.tests));
    case 'open':
    case 'design':
      if (answer.type !== 'open' && answer.type !== 'design') break;
      return gradeRubric(question, answer.text, options);
  }
  throw new TypeError(`question ${question.id} is a ${question.type} question, got a ${answer.type} answer`);
}

/** Number of `def test_…` functions in a test file (so tests that never ran still count as failing). */
export function countTests(tests: string): number {
  return (tests.match(/^(?:async\s+)?def\s+test_\w*\s*\(/gm) ?? []).length;
}

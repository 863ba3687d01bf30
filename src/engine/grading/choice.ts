// Grades a multiple-choice answer exactly, explaining each wrong pick and each missed right option.
import type { ChoiceOption } from '../../content/types.js';
import { clampScore, suggestRating } from './rating.js';
import type { ChoiceFeedback, GradeResult } from './types.js';

const letter = (i: number) => String.fromCharCode(65 + i);

/** `selected` holds 0-based option indices; out-of-range indices are an error, not a wrong answer. */
export function gradeChoice(
  question: { options: readonly ChoiceOption[] },
  selected: readonly number[],
): GradeResult<ChoiceFeedback> {
  const { options } = question;
  for (const i of selected) {
    if (!Number.isInteger(i) || i < 0 || i >= options.length) {
      throw new RangeError(`option ${i} does not exist (this question has ${options.length} options)`);
    }
  }
  const picked = [...new Set(selected)].sort((a, b) => a - b);
  const correctOptions = options.flatMap((o, i) => (o.correct ? [i] : []));
  const wrongPicks = picked
    .filter((i) => !options[i]!.correct)
    .map((i) => ({ index: i, text: options[i]!.text, why: options[i]!.why }));
  const missed = correctOptions
    .filter((i) => !picked.includes(i))
    .map((i) => ({ index: i, text: options[i]!.text, why: options[i]!.why }));
  const correct = wrongPicks.length === 0 && missed.length === 0;
  // Several right options: partial credit for right picks, minus wrong ones.
  const hits = correctOptions.length - missed.length;
  const score = correct ? 1 : clampScore((hits - wrongPicks.length) / Math.max(1, correctOptions.length));
  const lines: string[] = [correct ? 'Correct.' : 'Not quite.'];
  for (const w of wrongPicks) lines.push(`  ✗ ${letter(w.index)}. ${w.text} — ${w.why}`);
  for (const m of missed) lines.push(`  ✓ ${letter(m.index)}. ${m.text} — ${m.why}`);
  if (correct) {
    for (const i of correctOptions) lines.push(`  ✓ ${letter(i)}. ${options[i]!.text} — ${options[i]!.why}`);
  }
  return {
    correct,
    score,
    suggestedRating: suggestRating(score, correct),
    feedback: {
      kind: 'choice',
      selected: picked,
      correctOptions,
      wrongPicks,
      missed,
      summary: lines.join('\n'),
    },
  };
}

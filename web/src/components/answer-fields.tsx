// The answer inputs of a question, shared by review, quiz and the mock interview: options, a text box or the editor.
import type { PublicQuestion } from '../api.js';
import { CodeAnswer } from './code-answer.js';
import { Html } from './common.js';

/** The selection after picking option i: toggles with several correct options, replaces with one. */
export function toggleChoice(selected: readonly number[], i: number, multi: boolean): number[] {
  if (!multi) return [i];
  return selected.includes(i) ? selected.filter((x) => x !== i) : [...selected, i];
}

export const isMulti = (q: Pick<PublicQuestion, 'correctCount'>): boolean => (q.correctCount ?? 1) > 1;

export function AnswerFields({
  question,
  selected,
  onPick,
  text,
  onText,
  disabled,
  onSubmit,
  optionClass = () => '',
}: {
  question: Pick<PublicQuestion, 'id' | 'type' | 'options' | 'correctCount'>;
  selected: readonly number[];
  onPick: (i: number) => void;
  text: string;
  onText: (text: string) => void;
  disabled: boolean;
  onSubmit: () => void;
  /** Extra class of an option (e.g. marked right or wrong after grading). */
  optionClass?: (i: number) => string;
}) {
  const multi = isMulti(question);
  if (question.type === 'choice') {
    return (
      <fieldset disabled={disabled}>
        <legend>{multi ? `Pick ${question.correctCount} options` : 'Pick one option'} (keys 1–9)</legend>
        {question.options?.map((o, i) => (
          <label key={o.text} className={`option ${optionClass(i)}`.trim()}>
            <input
              type={multi ? 'checkbox' : 'radio'}
              name={`q-${question.id}`}
              checked={selected.includes(i)}
              onChange={() => onPick(i)}
            />
            <span className="option-n">{i + 1}</span>
            <Html html={o.html} as="span" />
          </label>
        ))}
      </fieldset>
    );
  }
  if (question.type === 'code') {
    return <CodeAnswer value={text} onChange={onText} onSubmit={onSubmit} disabled={disabled} />;
  }
  const predict = question.type === 'predict';
  return (
    <label className="answer-label">
      {predict ? 'What does this print?' : 'Your answer'}
      <textarea
        className={predict ? 'mono' : undefined}
        rows={predict ? 4 : 8}
        value={text}
        readOnly={disabled}
        onChange={(e) => onText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            // Handled here; the surrounding form must not submit a second time.
            e.preventDefault();
            e.stopPropagation();
            onSubmit();
          }
        }}
      />
    </label>
  );
}

// One question, Anki-style: answer, reveal (grade, Space), then rate 1–4 (keys 1–4) which records the review.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type Answer,
  api,
  type GradeOutcome,
  messageOf,
  type PublicQuestion,
  type ReviewSource,
} from '../api.js';
import { topicHref } from '../route.js';
import { AnswerFields, isMulti, toggleChoice } from './answer-fields.js';
import { Html } from './common.js';
import { FeedbackView } from './feedback.js';

const RATINGS = [
  { n: 1, label: 'Again' },
  { n: 2, label: 'Hard' },
  { n: 3, label: 'Good' },
  { n: 4, label: 'Easy' },
] as const;

type Phase = 'answer' | 'grading' | 'graded' | 'recording';

/** Keys typed into fields must not trigger shortcuts. */
function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') return true;
  return t.tagName === 'INPUT' && !['radio', 'checkbox'].includes((t as HTMLInputElement).type);
}

export function QuestionCard({
  question,
  source,
  onDone,
}: {
  question: PublicQuestion;
  source: ReviewSource;
  onDone: (rating: number, outcome: GradeOutcome) => void;
}) {
  const [phase, setPhase] = useState<Phase>('answer');
  const [selected, setSelected] = useState<number[]>([]);
  const [text, setText] = useState(question.starter ?? '');
  const [outcome, setOutcome] = useState<GradeOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(performance.now());
  const ratingsRef = useRef<HTMLFieldSetElement>(null);
  const multi = isMulti(question);

  const reveal = useCallback(async () => {
    if (phase !== 'answer') return;
    if (question.type === 'choice' && selected.length === 0) {
      setError('Pick an option first.');
      return;
    }
    setPhase('grading');
    setError(null);
    try {
      setOutcome(await api.grade(question.id, answerOf(question, selected, text)));
      setPhase('graded');
    } catch (e) {
      setError(messageOf(e));
      setPhase('answer');
    }
  }, [phase, question, selected, text]);

  const rate = useCallback(
    async (rating: number) => {
      if (phase !== 'graded' || !outcome) return;
      setPhase('recording');
      try {
        await api.record({
          id: question.id,
          rating,
          score: outcome.score,
          suggestedRating: outcome.suggestedRating,
          answerText: outcome.answerText,
          feedback: outcome.feedback,
          durationMs: Math.round(performance.now() - started.current),
          source,
        });
        onDone(rating, outcome);
      } catch (e) {
        setError(messageOf(e));
        setPhase('graded');
      }
    },
    [phase, outcome, question.id, source, onDone],
  );

  useEffect(() => {
    if (phase === 'graded') ratingsRef.current?.querySelector<HTMLButtonElement>('.suggested')?.focus();
  }, [phase]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector('dialog[open]'))
        return;
      const t = e.target as HTMLElement | null;
      const native =
        t && (['BUTTON', 'A', 'SUMMARY'].includes(t.tagName) || (t as HTMLInputElement).type === 'checkbox');
      if (phase === 'answer' && e.key === ' ' && !native) {
        e.preventDefault();
        void reveal();
      } else if (phase === 'answer' && question.type === 'choice' && /^[1-9]$/.test(e.key)) {
        const i = Number(e.key) - 1;
        if (i < (question.options?.length ?? 0)) {
          e.preventDefault();
          setSelected((s) => toggleChoice(s, i, multi));
        }
      } else if (phase === 'graded' && /^[1-4]$/.test(e.key)) {
        e.preventDefault();
        void rate(Number(e.key));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phase, reveal, rate, question, multi]);

  const answered = phase !== 'answer' && phase !== 'grading';
  return (
    <article className="card" data-question-id={question.id} data-question-type={question.type}>
      <header className="card-head">
        <span className={`chip type-${question.type}`}>{question.type}</span>
        <span className="chip">difficulty {question.difficulty}</span>
        <a href={topicHref(question.topic)}>topic: {question.topic}</a>
      </header>
      <Html html={question.promptHtml} className="prompt prose" />
      {question.code && <pre className="code-block">{question.code}</pre>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void reveal();
        }}
      >
        <AnswerFields
          question={question}
          selected={selected}
          onPick={(i) => setSelected((s) => toggleChoice(s, i, multi))}
          text={text}
          onText={setText}
          disabled={answered}
          onSubmit={() => void reveal()}
          optionClass={(i) => optionClass(outcome, i)}
        />
        {!answered && (
          <div className="row">
            <button type="submit" className="primary" disabled={phase === 'grading'}>
              {phase === 'grading' ? 'Checking…' : question.type === 'code' ? 'Submit' : 'Reveal answer'}{' '}
              <kbd>{question.type === 'choice' ? 'Space' : 'Ctrl Enter'}</kbd>
            </button>
          </div>
        )}
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {outcome && answered && (
        <>
          <FeedbackView outcome={outcome} answerText={question.type === 'choice' ? '' : text} />
          <fieldset className="ratings" ref={ratingsRef}>
            <legend>How well did you know it? (keys 1–4)</legend>
            {RATINGS.map((r) => (
              <button
                key={r.n}
                type="button"
                className={`rate rate-${r.n}${r.n === outcome.suggestedRating ? ' suggested' : ''}`}
                disabled={phase === 'recording'}
                onClick={() => void rate(r.n)}
              >
                <kbd>{r.n}</kbd> {r.label}
                {r.n === outcome.suggestedRating && <span className="muted"> (suggested)</span>}
              </button>
            ))}
          </fieldset>
        </>
      )}
    </article>
  );
}

const answerOf = (q: PublicQuestion, selected: number[], text: string): Answer =>
  q.type === 'choice' ? { choice: selected } : { text };

function optionClass(outcome: GradeOutcome | null, i: number): string {
  if (outcome?.feedback.kind !== 'choice') return '';
  const f = outcome.feedback;
  if (f.correctOptions.includes(i)) return 'right';
  return f.selected.includes(i) ? 'wrong' : '';
}

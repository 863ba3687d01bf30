// Feedback after grading: options right/wrong, output diffs, test results, and rubric points with quotes.
import type { GradeOutcome } from '../api.js';
import { Html, pct } from './common.js';

type Feedback = GradeOutcome['feedback'];
type Rubric = Extract<Feedback, { kind: 'rubric' }>;

export function FeedbackView({ outcome, answerText }: { outcome: GradeOutcome; answerText: string }) {
  const f = outcome.feedback;
  return (
    <section className={`feedback ${outcome.correct ? 'ok' : 'bad'}`} aria-labelledby="feedback-title">
      <h2 id="feedback-title">
        {outcome.correct ? 'Correct' : 'Not quite'} <span className="score">({pct(outcome.score)})</span>
      </h2>
      {/* The rubric list below says point by point what its summary says in one line. */}
      {f.kind !== 'rubric' && <p className="summary">{f.summary}</p>}
      {f.kind === 'choice' && <ChoiceDetails f={f} />}
      {f.kind === 'predict' && <PredictDetails f={f} />}
      {f.kind === 'code' && <CodeDetails f={f} />}
      {f.kind === 'rubric' && <RubricDetails f={f} answerText={answerText} />}
      <details className="model-answer" open={!outcome.correct}>
        <summary>Model answer</summary>
        <Html html={outcome.answerHtml} className="prose" />
      </details>
    </section>
  );
}

function ChoiceDetails({ f }: { f: Extract<Feedback, { kind: 'choice' }> }) {
  if (f.wrongPicks.length === 0 && f.missed.length === 0) return null;
  return (
    <ul className="choice-feedback">
      {f.wrongPicks.map((o) => (
        <li key={`w${o.index}`} className="point missed">
          <strong>You picked {o.index + 1}, which is wrong:</strong> {o.text} — {o.why}
        </li>
      ))}
      {f.missed.map((o) => (
        <li key={`m${o.index}`} className="point covered">
          <strong>The right option is {o.index + 1}:</strong> {o.text} — {o.why}
        </li>
      ))}
    </ul>
  );
}

function PredictDetails({ f }: { f: Extract<Feedback, { kind: 'predict' }> }) {
  if (f.expected === f.actual) return null;
  return (
    <figure className="diff">
      <figcaption>Expected output (−) against yours (+)</figcaption>
      <pre>
        {f.diff.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: diff lines are static and may repeat.
          <span key={i} className={d.op === '-' ? 'del' : d.op === '+' ? 'ins' : 'same'}>
            {`${d.op} ${d.text}\n`}
          </span>
        ))}
      </pre>
    </figure>
  );
}

function CodeDetails({ f }: { f: Extract<Feedback, { kind: 'code' }> }) {
  return (
    <div className="code-feedback">
      <p className="tests-count" data-testid="tests-passed">
        {f.passed} of {f.total} tests passed{f.timedOut ? ' (timed out)' : ''}
      </p>
      {f.failing.length > 0 && (
        <ul>
          {f.failing.map((t) => (
            <li key={t.name} className="point missed">
              <code>{t.name}</code>
              {t.line !== null ? ` (line ${t.line} of the ${t.file ?? 'code'})` : ''}: <pre>{t.message}</pre>
            </li>
          ))}
        </ul>
      )}
      {f.error && <pre className="stderr">{f.error}</pre>}
    </div>
  );
}

function RubricDetails({ f, answerText }: { f: Rubric; answerText: string }) {
  const quotes = f.points.flatMap((p) => (p.covered && p.quote ? [p.quote] : []));
  return (
    <div className="rubric">
      <p>
        Covered {f.points.filter((p) => p.covered).length} of {f.points.length} points ({pct(f.coverage)}).
      </p>
      <ul className="points">
        {f.points.map((p) => (
          <li key={p.text} className={`point ${p.covered ? 'covered' : 'missed'}`}>
            <span className="mark" aria-hidden="true">
              {p.covered ? '✓' : '✗'}
            </span>
            <span className="visually-hidden">{p.covered ? 'Covered: ' : 'Missed: '}</span>
            {p.text}
            {p.covered && p.quote && (
              <q className="quote" cite="#your-answer">
                {p.quote}
              </q>
            )}
          </li>
        ))}
      </ul>
      {answerText.trim() && (
        <figure>
          <figcaption>Your answer, with the words that covered a point highlighted</figcaption>
          <blockquote id="your-answer" className="your-answer">
            {highlight(answerText, quotes)}
          </blockquote>
        </figure>
      )}
    </div>
  );
}

/** Splits text into plain and <mark> runs wherever a quote occurs (case-insensitive, first match each). */
export function highlight(text: string, quotes: readonly string[]): React.ReactNode[] {
  const lower = text.toLowerCase();
  const spans: [number, number][] = [];
  for (const q of quotes) {
    const at = lower.indexOf(q.toLowerCase());
    if (at >= 0 && q) spans.push([at, at + q.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const out: React.ReactNode[] = [];
  let pos = 0;
  for (const [s, e] of spans) {
    if (s < pos) continue;
    if (s > pos) out.push(text.slice(pos, s));
    out.push(<mark key={s}>{text.slice(s, e)}</mark>);
    pos = e;
  }
  out.push(text.slice(pos));
  return out;
}

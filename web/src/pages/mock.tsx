// Mock interview: pick a blueprint, then answer step by step against a stage timer and an overall one; no feedback
// until the scorecard, as in a real interview.
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Answer, api, type MockQuestionView, type MockView, messageOf } from '../api.js';
import { AnswerFields, isMulti, toggleChoice } from '../components/answer-fields.js';
import { ErrorBox, Html, Loading, useLoad, usePageTitle } from '../components/common.js';
import { mockHref, navigate, reportHref } from '../route.js';

export function MockPage({ sessionId }: { sessionId: string | null }) {
  usePageTitle('Mock interview');
  return sessionId ? <MockRun sessionId={sessionId} /> : <BlueprintPicker />;
}

function BlueprintPicker() {
  const [load] = useLoad(() => api.blueprints(), []);
  const [picked, setPicked] = useState('backend-mid-45');
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const start = async (e: React.FormEvent) => {
    e.preventDefault();
    setStarting(true);
    setError(null);
    try {
      const v = await api.startMock(picked);
      navigate(mockHref(v.sessionId).slice(1));
    } catch (err) {
      setError(messageOf(err));
      setStarting(false);
    }
  };
  return (
    <div className="mock" data-ready={load.state === 'ready' ? 'mock' : undefined}>
      <h1>Mock interview</h1>
      <p className="muted">
        A timed interview for a mid-level Python backend role. Questions adapt to your answers; you see no
        feedback and no difficulty until the scorecard at the end. <a href="#/reports">Earlier scorecards</a>.
      </p>
      {load.state === 'loading' && <Loading what="the interview formats" />}
      {load.state === 'error' && <ErrorBox message={load.message} />}
      {load.state === 'ready' && (
        <form className="panel" onSubmit={start}>
          <fieldset>
            <legend>Pick an interview</legend>
            {load.data.blueprints.map((b) => (
              <label key={b.id} className="option">
                <input
                  type="radio"
                  name="blueprint"
                  value={b.id}
                  checked={picked === b.id}
                  onChange={() => setPicked(b.id)}
                />
                <span>
                  <strong>{b.title}</strong> <span className="chip">{b.minutes} min</span>
                  <br />
                  <span className="muted small">
                    {b.stages.map((s) => `${s.title} (${s.minutes} min)`).join(' → ')}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {error && <ErrorBox message={error} />}
          <div className="row">
            <button type="submit" className="primary" disabled={starting}>
              {starting ? 'Starting…' : 'Start the interview'}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

const clock = (s: number): string => `${Math.floor(s / 60)}:${String(Math.max(0, s) % 60).padStart(2, '0')}`;

/** Counts down once a second from `seconds`, measured from when the value arrived. */
function useCountdown(seconds: number, since: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  // A tick from before the latest view must not add time back.
  return Math.max(0, seconds - Math.max(0, Math.floor((now - since) / 1000)));
}

function MockRun({ sessionId }: { sessionId: string }) {
  const [load] = useLoad(() => api.mock(sessionId), [sessionId]);
  const [view, setView] = useState<{ v: MockView; at: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (load.state === 'ready') setView({ v: load.data, at: Date.now() });
  }, [load]);

  const send = useCallback(
    async (id: string, answer: Answer | null) => {
      setSending(true);
      setError(null);
      try {
        const out = await api.answerMock(sessionId, id, answer);
        if (!out.view.step && out.view.reportId) {
          navigate(reportHref(out.view.reportId).slice(1));
          return;
        }
        setView({ v: out.view, at: Date.now() });
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setSending(false);
      }
    },
    [sessionId],
  );

  if (load.state === 'loading' || (load.state === 'ready' && !view)) return <Loading what="the interview" />;
  if (load.state === 'error') return <ErrorBox message={load.message} />;
  const v = view!.v;
  if (!v.step)
    return (
      <div className="mock" data-ready="mock-over">
        <h1>{v.blueprint.title}</h1>
        <p>
          This interview is over. {v.reportId && <a href={reportHref(v.reportId)}>See the scorecard</a>} ·{' '}
          <a href="#/mock">Start another</a>
        </p>
      </div>
    );
  return (
    <div className="mock" data-ready="mock-run" data-step={v.answered}>
      <h1>{v.blueprint.title}</h1>
      <Timers view={v} since={view!.at} />
      <MockQuestion
        key={`${v.step.question.id}:${v.answered}`}
        step={v.step}
        number={v.answered + 1}
        sending={sending}
        onSend={send}
      />
      {error && <ErrorBox message={error} />}
    </div>
  );
}

function Timers({ view, since }: { view: MockView; since: number }) {
  const overall = useCountdown(view.secondsLeft, since);
  const stage = useCountdown(view.stageSecondsLeft, since);
  const step = view.step!;
  return (
    <section className="panel mock-status" aria-label="Interview status">
      <p>
        <strong>
          Stage {step.stage.index} of {step.stage.of}: {step.stage.title}
        </strong>{' '}
        <span className="muted">({step.stage.minutes} min)</span>
      </p>
      <div className="stats">
        <div className="stat">
          <span className="stat-n" role="timer" aria-labelledby="stage-timer-l" data-testid="stage-timer">
            {clock(stage)}
          </span>
          <span className="stat-l" id="stage-timer-l">
            left in this stage
          </span>
        </div>
        <div className="stat">
          <span className="stat-n" role="timer" aria-labelledby="overall-timer-l" data-testid="overall-timer">
            {clock(overall)}
          </span>
          <span className="stat-l" id="overall-timer-l">
            left overall
          </span>
        </div>
        <div className="stat">
          <span className="stat-n">{view.answered}</span>
          <span className="stat-l">answered</span>
        </div>
      </div>
      {overall === 0 ? (
        <p className="error" role="alert">
          Time is up. The interviewer takes the answer you give now: submit it (or skip) to end the interview
          and see your scorecard.
        </p>
      ) : stage === 0 ? (
        <p className="warn" role="status">
          This stage's time is up: after this answer the interview moves on to the next stage.
        </p>
      ) : null}
    </section>
  );
}

/** Keys typed into fields must not pick options. */
const isTyping = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement &&
  (t.isContentEditable ||
    t.tagName === 'TEXTAREA' ||
    (t.tagName === 'INPUT' && !['radio', 'checkbox'].includes((t as HTMLInputElement).type)));

function MockQuestion({
  step,
  number,
  sending,
  onSend,
}: {
  step: MockQuestionView;
  number: number;
  sending: boolean;
  onSend: (id: string, answer: Answer | null) => void;
}) {
  const q = step.question;
  const [selected, setSelected] = useState<number[]>([]);
  const [text, setText] = useState(q.starter ?? '');
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const multi = isMulti(q);
  const toggle = useCallback((i: number) => setSelected((s) => toggleChoice(s, i, multi)), [multi]);

  // Each new question takes the focus, so the keyboard and screen readers continue from its top.
  useEffect(() => {
    if (number > 1) heading.current?.focus();
  }, [number]);

  const submit = useCallback(() => {
    if (sending) return;
    if (q.type === 'choice' && selected.length === 0) return setError('Pick an option first, or skip.');
    if (q.type !== 'choice' && text.trim() === '') return setError('Write an answer first, or skip.');
    setError(null);
    onSend(q.id, q.type === 'choice' ? { choice: selected } : { text });
  }, [sending, q, selected, text, onSend]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || document.querySelector('dialog[open]'))
        return;
      if (q.type === 'choice' && /^[1-9]$/.test(e.key) && Number(e.key) <= (q.options?.length ?? 0)) {
        e.preventDefault();
        toggle(Number(e.key) - 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [q, toggle]);

  const followUp = step.kind !== 'main';
  return (
    <article className="card" data-question-id={q.id} data-question-type={q.type} data-kind={step.kind}>
      <header className="card-head">
        <h2 ref={heading} tabIndex={-1}>
          {followUp ? `Follow-up (question ${number})` : `Question ${number}`}
        </h2>
        <span className={`chip type-${q.type}`}>{q.type}</span>
      </header>
      <Html html={q.promptHtml} className="prompt prose" />
      {q.code && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide code block scrolls with the keyboard.
        <pre className="code-block" tabIndex={0}>
          {q.code}
        </pre>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && q.type !== 'code') {
            e.preventDefault();
            submit();
          }
        }}
      >
        <AnswerFields
          question={q}
          selected={selected}
          onPick={toggle}
          text={text}
          onText={setText}
          disabled={sending}
          onSubmit={submit}
        />
        <div className="row">
          <button type="submit" className="primary" disabled={sending}>
            {sending ? 'Sending…' : 'Submit answer'}{' '}
            <kbd>{q.type === 'code' ? 'Ctrl Shift Enter' : 'Ctrl Enter'}</kbd>
          </button>
          <button type="button" disabled={sending} onClick={() => onSend(q.id, null)}>
            Skip
          </button>
        </div>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}

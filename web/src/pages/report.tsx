// One mock-interview scorecard: signal, stage and section bars, every answer against its budget, what to study
// next, the trend against earlier mocks, and the Markdown/HTML downloads.
import { api, type HiringSignal, reportFileHref, type Scorecard } from '../api.js';
import { ScoreBars } from '../components/charts.js';
import { ErrorBox, Loading, pct, useLoad, usePageTitle } from '../components/common.js';
import { topicHref } from '../route.js';

export const signalClass = (s: HiringSignal): string =>
  s === 'Strong hire' || s === 'Hire' ? 'mastery-high' : s === 'Lean no' ? 'mastery-mid' : 'mastery-low';

const mmss = (s: number): string => `${Math.floor(s / 60)}:${String(Math.round(s) % 60).padStart(2, '0')}`;
/** A prompt (Markdown source) as one plain line: code and emphasis marks dropped. */
const oneLine = (s: string, n = 160): string => {
  const t = s
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[`*]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

export function ReportPage({ id }: { id: string }) {
  usePageTitle('Scorecard');
  const [load] = useLoad(() => api.report(id), [id]);
  if (load.state === 'loading') return <Loading what="the scorecard" />;
  if (load.state === 'error') return <ErrorBox message={load.message} />;
  const { scorecard: card, createdAt } = load.data;
  const stageTitle = (sid: string) => card.stages[sid]?.title ?? sid;
  return (
    <div className="report" data-ready="report">
      <p className="crumbs">
        <a href="#/reports">Reports</a> › {new Date(createdAt).toLocaleString()}
      </p>
      <h1>Scorecard: {card.title}</h1>
      <section className="stats" aria-label="Result">
        <div className="stat">
          <span className={`stat-n ${signalClass(card.signal)}`} data-testid="signal">
            {card.signal}
          </span>
          <span className="stat-l">hiring signal, mid-level bar</span>
        </div>
        <div className="stat">
          <span className="stat-n" data-testid="overall-score">
            {pct(card.overall)}
          </span>
          <span className="stat-l">overall</span>
        </div>
        <div className="stat">
          <span className="stat-n">{card.questions.length}</span>
          <span className="stat-l">questions and follow-ups</span>
        </div>
      </section>
      {card.endReason === 'time' && (
        <p className="warn">The interview ended when its time ran out; stages not reached score 0.</p>
      )}
      <p>
        Download: <a href={reportFileHref(id, 'md')}>Markdown</a> ·{' '}
        <a href={reportFileHref(id, 'html')}>HTML (one self-contained file)</a>
      </p>

      <div className="grid">
        <section className="panel">
          <h2>Stages</h2>
          <ScoreBars
            id="stage-bars"
            title="Score per stage"
            rows={Object.entries(card.stages).map(([sid, s]) => ({
              key: sid,
              label: `${s.title} · ${mmss(s.seconds)} of ${s.minutes}:00`,
              value: !s.available ? null : s.reached ? s.score : null,
              note: !s.available ? 'no questions yet' : s.reached ? pct(s.score) : 'not reached',
            }))}
          />
        </section>
        <section className="panel">
          <h2>Sections</h2>
          {Object.keys(card.sections).length === 0 ? (
            <p className="muted">No graded answer, so no section scores.</p>
          ) : (
            <ScoreBars
              id="section-bars"
              title="Score per section"
              rows={Object.entries(card.sections).map(([sid, s]) => ({
                key: sid,
                label: `${s.title} · ${s.answered} answer${s.answered === 1 ? '' : 's'}`,
                value: s.score,
                note: pct(s.score),
              }))}
            />
          )}
        </section>
      </div>

      <div className="grid">
        <section className="panel">
          <h2>Study next</h2>
          <ol data-testid="study-next">
            {card.studyNext.map((t) => (
              <li key={t.id}>
                <a href={topicHref(t.id)}>{t.title}</a>{' '}
                <span className="muted">
                  {t.score === null ? '(not asked; low mastery)' : `(scored ${pct(t.score)})`}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <section className="panel">
          <h2>Trend</h2>
          <Trend card={card} at={createdAt} />
        </section>
      </div>

      <section className="panel">
        <h2>Answers</h2>
        <ol className="mock-answers">
          {card.questions.map((q) => (
            <li key={`${q.id}:${q.kind}:${q.prompt}`} className="mock-answer">
              <p>
                <strong>{oneLine(q.prompt)}</strong>
                <br />
                <span className="muted small">
                  {stageTitle(q.stage)} · {q.kind === 'main' ? 'question' : 'follow-up'} · score{' '}
                  {q.score === null ? 'not graded' : pct(q.score)} · {mmss(q.seconds)} of{' '}
                  {mmss(q.budgetSeconds)}
                </span>
              </p>
              <TimeBar seconds={q.seconds} budget={q.budgetSeconds} />
              {(q.covered.length > 0 || q.missed.length > 0) && (
                <ul className="points">
                  {q.covered.map((c) => (
                    <li key={`c:${c}`} className="point covered">
                      <span className="mark" aria-hidden="true">
                        ✓
                      </span>
                      <span className="visually-hidden">Covered: </span>
                      {c}
                    </li>
                  ))}
                  {q.missed.map((m) => (
                    <li key={`m:${m}`} className="point missed">
                      <span className="mark" aria-hidden="true">
                        ✗
                      </span>
                      <span className="visually-hidden">Missed: </span>
                      {m}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>
      <p>
        <a href="#/mock">Sit another mock interview</a> · <a href="#/reports">All reports</a>
      </p>
    </div>
  );
}

/** Time taken against the budget: the track is the longer of the two, the dashed line marks the budget. */
function TimeBar({ seconds, budget }: { seconds: number; budget: number }) {
  const w = 240;
  const span = Math.max(seconds, budget, 1);
  const x = (s: number) => (s / span) * w;
  return (
    <svg
      className="chart time-bar"
      width={w}
      height={14}
      role="img"
      aria-label={`${mmss(seconds)} taken of a ${mmss(budget)} budget${seconds > budget ? ', over budget' : ''}`}
    >
      <rect x={0} y={3} width={w} height={8} rx={3} className="bar-bg" />
      <rect
        x={0}
        y={3}
        width={x(seconds)}
        height={8}
        rx={3}
        className={seconds > budget ? 'heat-4' : 'bar'}
      />
      <line x1={x(budget)} x2={x(budget)} y1={0} y2={14} className="guide" />
    </svg>
  );
}

/** Overall score of earlier mocks of this blueprint and this one, as a line. */
function Trend({ card, at }: { card: Scorecard; at: string }) {
  const points = [...card.trend, { at, overall: card.overall }];
  if (points.length < 2)
    return (
      <p className="muted">
        Your first {card.title.toLowerCase()} mock: the next ones will be drawn against this{' '}
        {pct(card.overall)}.
      </p>
    );
  const w = 320;
  const h = 130;
  const x = (i: number) => 30 + (i * (w - 60)) / (points.length - 1);
  const y = (v: number) => h - 20 - v * (h - 40);
  const desc = points.map(
    (p, i) => `${i === points.length - 1 ? 'this one' : p.at.slice(0, 10)}: ${pct(p.overall)}`,
  );
  return (
    <svg
      className="chart forecast"
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={`Overall score of your mocks of this kind, oldest first: ${desc.join('; ')}`}
      data-testid="trend"
    >
      <line x1={30} x2={w - 30} y1={y(1)} y2={y(1)} className="guide" />
      <line x1={30} x2={w - 30} y1={y(0)} y2={y(0)} className="guide" />
      {points.slice(1).map((p, i) => (
        <line
          key={`l${p.at}`}
          x1={x(i)}
          y1={y(points[i]?.overall ?? 0)}
          x2={x(i + 1)}
          y2={y(p.overall)}
          className="forecast-line"
        />
      ))}
      {points.map((p, i) => (
        <g key={`p${p.at}`}>
          <circle
            cx={x(i)}
            cy={y(p.overall)}
            r={5}
            className={i === points.length - 1 ? 'dot dot-end' : 'dot'}
          />
          <text x={x(i)} y={y(p.overall) - 9} textAnchor="middle" className="chart-value">
            {pct(p.overall)}
          </text>
        </g>
      ))}
      <text x={30} y={h - 2} textAnchor="start" className="chart-label">
        {points[0]?.at.slice(0, 10)}
      </text>
      <text x={w - 30} y={h - 2} textAnchor="end" className="chart-label">
        now
      </text>
    </svg>
  );
}

// Charts drawn as plain SVG: readiness bars per section, the review heatmap calendar, the forecast line.
import { pct } from './common.js';

export function ReadinessChart({
  sections,
}: {
  sections: { id: string; title: string; readiness: number }[];
}) {
  const rows = sections.map((s) => ({
    key: s.id,
    label: s.title,
    value: s.readiness,
    note: pct(s.readiness),
  }));
  return <ScoreBars id="readiness" title="Readiness per section" rows={rows} track={88} />;
}

export interface BarRow {
  key: string;
  label: string;
  /** 0..1, or null for a stage not reached (an empty bar). */
  value: number | null;
  note: string;
}

/** Horizontal bars in fixed pixel rows with percentage widths: the text keeps its size on a phone and on a wide screen. */
export function ScoreBars({
  id,
  title,
  rows,
  track = 80,
}: {
  id: string;
  title: string;
  rows: BarRow[];
  /** Width of the bar track, in percent of the chart (the rest holds the value). */
  track?: number;
}) {
  const row = 38;
  return (
    <svg
      className="chart readiness-chart"
      width="100%"
      height={rows.length * row}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-testid={id}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{rows.map((r) => `${r.label}: ${r.note}`).join('; ')}</desc>
      {rows.map((r, i) => (
        <g key={r.key}>
          <text x={0} y={i * row + 13} className="chart-label">
            {r.label}
          </text>
          <rect x={0} y={i * row + 19} width={`${track}%`} height={12} rx={3} className="bar-bg" />
          <rect
            x={0}
            y={i * row + 19}
            width={`${Math.max(0, Math.min(1, r.value ?? 0)) * track}%`}
            height={12}
            rx={3}
            className="bar"
          />
          <text x="100%" y={i * row + 30} textAnchor="end" className="chart-value">
            {r.note}
          </text>
        </g>
      ))}
    </svg>
  );
}

const dayKey = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** 53 weeks × 7 days ending today, coloured by reviews per day. */
export function Heatmap({
  days,
  today = new Date(),
}: {
  days: { day: string; count: number }[];
  today?: Date;
}) {
  const counts = new Map(days.map((d) => [d.day, d.count]));
  const cell = 11;
  const gap = 2;
  const first = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (52 * 7 + today.getDay()));
  const max = Math.max(1, ...days.map((d) => d.count));
  const cells: { x: number; y: number; key: string; n: number }[] = [];
  // Step by calendar days (not 24 h: DST days are 23 or 25 hours long).
  for (let i = 0; i <= 52 * 7 + today.getDay(); i++) {
    const d = new Date(first.getFullYear(), first.getMonth(), first.getDate() + i);
    const key = dayKey(d);
    cells.push({ x: Math.floor(i / 7), y: d.getDay(), key, n: counts.get(key) ?? 0 });
  }
  const total = days.reduce((n, d) => n + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  return (
    <svg
      className="chart heatmap"
      viewBox={`0 0 ${53 * (cell + gap)} ${7 * (cell + gap)}`}
      role="img"
      aria-label={`Review calendar: ${total} reviews on ${active} days in the last year`}
    >
      {cells.map((c) => (
        <rect
          key={c.key}
          x={c.x * (cell + gap)}
          y={c.y * (cell + gap)}
          width={cell}
          height={cell}
          rx={2}
          className={`heat heat-${c.n === 0 ? 0 : Math.min(4, Math.ceil((c.n / max) * 4))}`}
        >
          <title>{`${c.key}: ${c.n} review${c.n === 1 ? '' : 's'}`}</title>
        </rect>
      ))}
    </svg>
  );
}

/** Readiness now and the forecast at the interview date, as a two-point line with a 100% guide. */
export function ForecastChart({
  now,
  forecast,
  interviewDate,
}: {
  now: number;
  forecast: number;
  interviewDate: string;
}) {
  const w = 320;
  const h = 120;
  const y = (v: number) => h - 16 - v * (h - 32);
  return (
    <svg
      className="chart forecast"
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={`Readiness ${pct(now)} today, forecast ${pct(forecast)} on ${interviewDate}`}
    >
      <line x1={30} x2={w - 30} y1={y(1)} y2={y(1)} className="guide" />
      <line x1={30} x2={w - 30} y1={y(0)} y2={y(0)} className="guide" />
      <line x1={30} x2={w - 30} y1={y(now)} y2={y(forecast)} className="forecast-line" />
      <circle cx={30} cy={y(now)} r={5} className="dot" />
      <circle cx={w - 30} cy={y(forecast)} r={5} className="dot dot-end" />
      <text x={30} y={y(now) - 9} textAnchor="middle" className="chart-value">
        {pct(now)}
      </text>
      <text x={w - 30} y={y(forecast) - 9} textAnchor="middle" className="chart-value">
        {pct(forecast)}
      </text>
      <text x={20} y={h - 2} textAnchor="start" className="chart-label">
        today
      </text>
      <text x={w - 4} y={h - 2} textAnchor="end" className="chart-label">
        {interviewDate}
      </text>
    </svg>
  );
}

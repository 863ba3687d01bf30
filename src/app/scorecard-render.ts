// A scorecard as Markdown and as one self-contained HTML file (inline CSS, no script, no external assets).
import type { Scorecard } from '../engine/mock/scorecard.js';

const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 100)}%`);
const mmss = (s: number): string => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const oneLine = (s: string, n = 110): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

export function scorecardMarkdown(card: Scorecard, createdAt: string): string {
  const lines = [
    `# Mock interview scorecard — ${card.title}`,
    '',
    `${createdAt.slice(0, 16).replace('T', ' ')} · overall **${pct(card.overall)}** · signal **${card.signal}**${card.endReason === 'time' ? ' · ended when time ran out' : ''}`,
    '',
    '## Stages',
    '',
    '| stage | score | answered | time used / budget |',
    '| --- | --- | --- | --- |',
    ...Object.values(card.stages).map(
      (s) =>
        `| ${s.title} | ${s.reached ? pct(s.score) : 'not reached'} | ${s.answered} | ${mmss(s.seconds)} / ${s.minutes}:00 |`,
    ),
    '',
    '## Sections',
    '',
    ...Object.values(card.sections).map((s) => `- ${s.title}: ${pct(s.score)} (${s.answered} answers)`),
    '',
    '## Answers',
    '',
  ];
  for (const [i, q] of card.questions.entries()) {
    lines.push(
      `${i + 1}. **${oneLine(q.prompt)}** — ${q.topic}, ${q.kind === 'main' ? 'question' : 'follow-up'}, ${pct(q.score)}, ${mmss(q.seconds)} of ${mmss(q.budgetSeconds)}`,
    );
    for (const c of q.covered) lines.push(`   - ✓ ${c}`);
    for (const m of q.missed) lines.push(`   - ✗ ${m}`);
  }
  lines.push(
    '',
    '## Study next',
    '',
    ...card.studyNext.map(
      (t) => `- ${t.title} (\`pyprep study ${t.id}\`)${t.score === null ? '' : ` — scored ${pct(t.score)}`}`,
    ),
  );
  if (card.trend.length > 0) {
    lines.push(
      '',
      '## Trend',
      '',
      ...card.trend.map((t) => `- ${t.at.slice(0, 10)}: ${pct(t.overall)}`),
      `- now: ${pct(card.overall)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const CSS = `body{font:15px/1.5 system-ui,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left}.bar{background:#eaeef2;height:.6rem;border-radius:.3rem}
.bar>span{display:block;height:100%;border-radius:.3rem;background:#1f883d}.signal{font-weight:700;padding:.1rem .5rem;border-radius:.3rem;background:#ddf4ff}
.ok{color:#1a7f37}.miss{color:#cf222e}li{margin:.2rem 0}@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}td,th{border-color:#30363d}.bar{background:#30363d}.signal{background:#12263a}}`;

export function scorecardHtml(card: Scorecard, createdAt: string): string {
  const bar = (x: number): string =>
    `<div class="bar" role="img" aria-label="${pct(x)}"><span style="width:${Math.round(x * 100)}%"></span></div>`;
  const stages = Object.values(card.stages)
    .map(
      (s) =>
        `<tr><td>${esc(s.title)}</td><td>${s.reached ? pct(s.score) : 'not reached'}</td><td>${bar(s.reached ? s.score : 0)}</td><td>${mmss(s.seconds)} / ${s.minutes}:00</td></tr>`,
    )
    .join('');
  const answers = card.questions
    .map(
      (q) =>
        `<li><strong>${esc(oneLine(q.prompt))}</strong> — ${esc(q.topic)}, ${q.kind === 'main' ? 'question' : 'follow-up'}, ${pct(q.score)}, ${mmss(q.seconds)} of ${mmss(q.budgetSeconds)}<ul>${q.covered
          .map((c) => `<li class="ok">✓ ${esc(c)}</li>`)
          .join('')}${q.missed.map((m) => `<li class="miss">✗ ${esc(m)}</li>`).join('')}</ul></li>`,
    )
    .join('');
  const study = card.studyNext
    .map((t) => `<li>${esc(t.title)} — <code>pyprep study ${esc(t.id)}</code></li>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Scorecard — ${esc(card.title)}</title><style>${CSS}</style></head><body>
<h1>Mock interview scorecard — ${esc(card.title)}</h1>
<p>${esc(createdAt.slice(0, 16).replace('T', ' '))} · overall <strong>${pct(card.overall)}</strong> · <span class="signal">${esc(card.signal)}</span>${card.endReason === 'time' ? ' · ended when time ran out' : ''}</p>
<h2>Stages</h2><table><thead><tr><th>stage</th><th>score</th><th></th><th>time used / budget</th></tr></thead><tbody>${stages}</tbody></table>
<h2>Sections</h2><ul>${Object.values(card.sections)
    .map((s) => `<li>${esc(s.title)}: ${pct(s.score)} (${s.answered})</li>`)
    .join('')}</ul>
<h2>Answers</h2><ol>${answers}</ol>
<h2>Study next</h2><ul>${study}</ul>
${card.trend.length ? `<h2>Trend</h2><ul>${card.trend.map((t) => `<li>${esc(t.at.slice(0, 10))}: ${pct(t.overall)}</li>`).join('')}<li>now: ${pct(card.overall)}</li></ul>` : ''}
</body></html>
`;
}

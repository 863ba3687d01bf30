// Study plan: day by day to the interview date (from settings, or a date and minutes typed here).
import { useState } from 'react';
import { api, messageOf, type Plan } from '../api.js';
import { ErrorBox, Loading, useLoad, usePageTitle } from '../components/common.js';
import { topicHref } from '../route.js';

export function PlanPage() {
  usePageTitle('Study plan');
  const [settings] = useLoad(() => api.settings(), []);
  const [date, setDate] = useState('');
  const [minutes, setMinutes] = useState('');
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const make = async (input: { date?: string; minutes?: number }) => {
    setBusy(true);
    setError(null);
    try {
      setPlan(await api.plan(input));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (settings.state === 'loading') return <Loading what="your settings" />;
  if (settings.state === 'error') return <ErrorBox message={settings.message} />;
  const s = settings.data;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const input: { date?: string; minutes?: number } = {};
    if (date || s.interviewDate) input.date = date || (s.interviewDate ?? '');
    if (minutes) input.minutes = Number(minutes);
    if (!input.date) {
      setError('Pick an interview date (or set one in settings).');
      return;
    }
    void make(input);
  };
  return (
    <div className="plan" data-ready="plan">
      <h1>Study plan</h1>
      <form className="panel form" onSubmit={submit}>
        <label>
          Interview date
          <input
            type="date"
            value={date || s.interviewDate || ''}
            onChange={(e) => setDate(e.target.value)}
          />
        </label>
        <label>
          Minutes a day
          <input
            type="number"
            min={15}
            max={600}
            placeholder={String(s.minutesPerDay)}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Planning…' : 'Make the plan'}
        </button>
      </form>
      {!s.interviewDate && !plan && (
        <p className="muted">
          Tip: <a href="#/settings">set your interview date in settings</a> and the plan uses it by default.
        </p>
      )}
      {error && <ErrorBox message={error} />}
      {plan && <PlanTable plan={plan} />}
    </div>
  );
}

function PlanTable({ plan }: { plan: Plan }) {
  return (
    <section className="panel" aria-labelledby="plan-title">
      <h2 id="plan-title">
        {plan.days.length} days {plan.fits ? '— everything fits' : '— not everything fits'}
      </h2>
      {plan.dropped.length > 0 && (
        <details className="warn">
          <summary>{plan.dropped.length} topics are not reached before the interview</summary>
          <p>{plan.dropped.map((t) => t.title).join(', ')}.</p>
        </details>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">New topics</th>
              <th scope="col">New cards</th>
              <th scope="col">Reviews</th>
              <th scope="col">Minutes</th>
            </tr>
          </thead>
          <tbody>
            {plan.days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{d.date}</th>
                <td>
                  {d.newTopics.map((t, i) => (
                    <span key={t.topicId}>
                      {i > 0 && ', '}
                      <a href={topicHref(t.topicId)}>{t.title}</a>
                    </span>
                  ))}
                </td>
                <td>{d.newCards}</td>
                <td>{d.reviews}</td>
                <td>{Math.round(d.totalMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

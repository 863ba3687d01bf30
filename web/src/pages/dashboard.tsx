// Dashboard: readiness per section, what is due today, the review calendar and the interview forecast.
import { api } from '../api.js';
import { ForecastChart, Heatmap, ReadinessChart } from '../components/charts.js';
import { ErrorBox, Loading, pct, useLoad, usePageTitle } from '../components/common.js';
import { topicHref } from '../route.js';

export function Dashboard() {
  usePageTitle('Dashboard');
  const [load] = useLoad(() => api.progress(), []);
  if (load.state === 'loading') return <Loading what="your progress" />;
  if (load.state === 'error') return <ErrorBox message={load.message} />;
  const p = load.data;
  const daysLeft = p.interviewDate
    ? Math.ceil((Date.parse(p.interviewDate) - Date.now()) / 86_400_000)
    : null;
  return (
    <div className="dashboard" data-ready="dashboard">
      <h1>Dashboard</h1>
      <section className="stats" aria-label="Today">
        <div className="stat">
          <span className="stat-n" data-testid="overall">
            {pct(p.overall)}
          </span>
          <span className="stat-l">overall readiness</span>
        </div>
        <div className="stat">
          <span className="stat-n" data-testid="due-now">
            {p.dueNow}
          </span>
          <span className="stat-l">cards due now</span>
        </div>
        <div className="stat">
          <span className="stat-n" data-testid="reviews-today">
            {p.reviewsToday}
          </span>
          <span className="stat-l">reviews today</span>
        </div>
        <div className="stat">
          <span className="stat-n">{p.streakDays}</span>
          <span className="stat-l">day streak</span>
        </div>
      </section>
      <p>
        <a className="button primary" href="#/review">
          {p.dueNow > 0 ? `Review ${p.dueNow} due card${p.dueNow === 1 ? '' : 's'}` : 'Start reviewing'}
        </a>{' '}
        <a className="button" href="#/quiz">
          Build a quiz
        </a>
      </p>
      <div className="grid">
        <section className="panel wide">
          <h2>Readiness per section</h2>
          <ReadinessChart sections={p.sections} />
        </section>
        <section className="panel">
          <h2>Interview forecast</h2>
          {p.interviewDate && p.forecast !== null ? (
            <>
              <ForecastChart now={p.overall} forecast={p.forecast} interviewDate={p.interviewDate} />
              <p>
                {daysLeft !== null && daysLeft >= 0 ? `${daysLeft} days to go. ` : ''}If you keep up your
                reviews, readiness reaches about <strong>{pct(p.forecast)}</strong> on {p.interviewDate}.{' '}
                <a href="#/plan">See the plan</a>.
              </p>
            </>
          ) : (
            <p>
              No interview date yet. <a href="#/settings">Set one in settings</a> to see a forecast and a
              study plan.
            </p>
          )}
        </section>
        <section className="panel">
          <h2>Weakest topics</h2>
          {p.weakest.length === 0 ? (
            <p className="muted">Nothing studied yet.</p>
          ) : (
            <ol className="weakest">
              {p.weakest.map((t) => (
                <li key={t.id}>
                  <a href={topicHref(t.id)}>{t.title}</a> <span className="muted">{pct(t.mastery)}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="panel wide">
          <h2>Review calendar</h2>
          <Heatmap days={p.heatmap} />
          <p className="muted">
            {p.totals.reviews} reviews in the last year across {p.totals.cards} cards.
          </p>
        </section>
      </div>
    </div>
  );
}

// Syllabus: the 13 sections and their topics, each with a mastery chip.
import { api } from '../api.js';
import { ErrorBox, Loading, level, pct, useLoad, usePageTitle } from '../components/common.js';
import { topicHref } from '../route.js';

export function SyllabusPage() {
  usePageTitle('Syllabus');
  const [load] = useLoad(() => Promise.all([api.syllabus(), api.progress()]), []);
  if (load.state === 'loading') return <Loading what="the syllabus" />;
  if (load.state === 'error') return <ErrorBox message={load.message} />;
  const [syllabus, progress] = load.data;
  const mastery = new Map(progress.topics.map((t) => [t.id, t]));
  const readiness = new Map(progress.sections.map((s) => [s.id, s.readiness]));
  return (
    <div className="syllabus" data-ready="syllabus">
      <h1>Syllabus</h1>
      <p className="muted">
        {syllabus.sections.length} sections, {syllabus.sections.reduce((n, s) => n + s.topics.length, 0)}{' '}
        topics. Chips show your mastery of each topic.
      </p>
      {syllabus.sections.map((s) => (
        <section key={s.id} className="panel section" aria-labelledby={`sec-${s.id}`}>
          <h2 id={`sec-${s.id}`}>
            {s.number}. {s.title}{' '}
            <span className="muted small">readiness {pct(readiness.get(s.id) ?? 0)}</span>
          </h2>
          <ul className="topics">
            {s.topics.map((t) => {
              const m = mastery.get(t.id);
              return (
                <li key={t.id}>
                  <a href={topicHref(t.id)}>{t.title}</a>
                  <span
                    className={`chip mastery mastery-${m ? level(m.mastery, m.studied) : 'none'}`}
                    title={m ? `${m.studied} of ${m.questions} questions reviewed` : 'no questions yet'}
                  >
                    {!m ? 'no questions' : m.studied === 0 ? 'new' : pct(m.mastery)}
                  </span>
                  {t.weight === 3 && <span className="chip weight">often asked</span>}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

// Topic page: the study note (pre-sanitized HTML), its questions, and the user's own notes.
import { useEffect, useState } from 'react';
import { api, messageOf, type StudyPage } from '../api.js';
import { ErrorBox, Html, Loading, useLoad, usePageTitle } from '../components/common.js';
import { topicHref } from '../route.js';

export function TopicPage({ id }: { id: string }) {
  const [load] = useLoad(() => api.topic(id), [id]);
  usePageTitle(load.state === 'ready' ? load.data.topic.title : 'Topic');
  if (load.state === 'loading') return <Loading what="the topic" />;
  if (load.state === 'error') return <ErrorBox message={load.message} />;
  const page = load.data;
  const { topic } = page;
  const byType = countBy(page.questions.map((q) => q.type));
  return (
    <div className="topic" data-ready="topic">
      <nav aria-label="Breadcrumb" className="crumbs">
        <a href="#/syllabus">Syllabus</a> › {topic.sectionTitle}
      </nav>
      <h1>{topic.title}</h1>
      <p className="row">
        <a className="button primary" href={`#/quiz?topic=${encodeURIComponent(topic.id)}&n=10&start=1`}>
          Practice this topic
        </a>
        {Object.entries(byType).map(([t, n]) => (
          <span key={t} className={`chip type-${t}`}>
            {n} {t}
          </span>
        ))}
      </p>
      <div className="topic-grid">
        <article className="panel note" aria-label="Study note">
          {page.noteHtml ? (
            <Html html={page.noteHtml} className="prose" />
          ) : (
            <p className="muted">No study note for this topic yet.</p>
          )}
        </article>
        <aside className="side">
          <UserNote page={page} />
          <section className="panel">
            <h2>Questions</h2>
            {page.questions.length === 0 ? (
              <p className="muted">No questions yet.</p>
            ) : (
              <ul className="questions">
                {page.questions.map((q) => (
                  <li key={q.id}>
                    <a href={`#/quiz?topic=${encodeURIComponent(topic.id)}&type=${q.type}&n=1&start=1`}>
                      {q.id}
                    </a>{' '}
                    <span className={`chip type-${q.type}`}>{q.type}</span>{' '}
                    <span className="muted">difficulty {q.difficulty}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {topic.related.length > 0 && (
            <section className="panel">
              <h2>Related</h2>
              <ul>
                {topic.related.map((r) => (
                  <li key={r}>
                    <a href={topicHref(r)}>{r}</a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}

function UserNote({ page }: { page: StudyPage }) {
  const [body, setBody] = useState(page.userNote);
  const [saved, setSaved] = useState(page.userNote);
  const [status, setStatus] = useState<string>('');
  useEffect(() => {
    setBody(page.userNote);
    setSaved(page.userNote);
  }, [page.userNote]);
  const save = async () => {
    setStatus('Saving…');
    try {
      const r = await api.saveNote(page.topic.id, body);
      setSaved(r.body);
      setStatus('Saved.');
    } catch (e) {
      setStatus(`Not saved: ${messageOf(e)}`);
    }
  };
  return (
    <section className="panel">
      <h2>
        <label htmlFor="user-note">Your notes</label>
      </h2>
      <textarea
        id="user-note"
        rows={8}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 's' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <div className="row">
        <button type="button" onClick={save} disabled={body === saved}>
          Save note <kbd>Ctrl S</kbd>
        </button>
        <span role="status" className="muted">
          {body !== saved ? 'Unsaved changes' : status}
        </span>
      </div>
    </section>
  );
}

function countBy(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

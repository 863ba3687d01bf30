// Quiz builder: pick section, topic, type, difficulty and length; then answer the questions one by one.
import { useState } from 'react';
import { api, type PublicQuestion, type QuizFilter } from '../api.js';
import { ErrorBox, Loading, useLoad, usePageTitle } from '../components/common.js';
import { QuestionCard } from '../components/question-card.js';
import { navigate } from '../route.js';

const TYPES = ['choice', 'predict', 'open', 'code', 'design'] as const;

function filterFrom(params: URLSearchParams): QuizFilter {
  const f: QuizFilter = { n: Number(params.get('n') ?? 10) || 10 };
  for (const k of ['section', 'topic', 'type'] as const) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  const d = Number(params.get('difficulty'));
  if (d >= 1 && d <= 3) f.difficulty = d;
  return f;
}

export function QuizPage({ params }: { params: URLSearchParams }) {
  usePageTitle('Quiz');
  const filter = filterFrom(params);
  return params.get('start') ? <QuizRun filter={filter} /> : <QuizBuilder initial={filter} />;
}

function QuizBuilder({ initial }: { initial: QuizFilter }) {
  const [load] = useLoad(() => api.syllabus(), []);
  const [f, setF] = useState<QuizFilter>(initial);
  const sections = load.state === 'ready' ? load.data.sections : [];
  const topics = sections.find((s) => s.id === f.section)?.topics ?? sections.flatMap((s) => s.topics);
  const set = (k: keyof QuizFilter, v: string) =>
    setF((old) => {
      const next: QuizFilter = { ...old };
      if (v === '') delete next[k];
      else if (k === 'n' || k === 'difficulty') next[k] = Number(v);
      else next[k] = v;
      if (k === 'section') delete next.topic;
      return next;
    });
  const start = (e: React.FormEvent) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v !== undefined) q.set(k, String(v));
    q.set('start', '1');
    navigate(`/quiz?${q}`);
  };
  return (
    <div className="quiz" data-ready="quiz">
      <h1>Build a quiz</h1>
      {load.state === 'error' && <ErrorBox message={load.message} />}
      <form className="panel form" onSubmit={start}>
        <label>
          Section
          <select value={f.section ?? ''} onChange={(e) => set('section', e.target.value)}>
            <option value="">All sections</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.number}. {s.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Topic
          <select value={f.topic ?? ''} onChange={(e) => set('topic', e.target.value)}>
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Type
          <select value={f.type ?? ''} onChange={(e) => set('type', e.target.value)}>
            <option value="">Any type</option>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Difficulty
          <select value={f.difficulty ?? ''} onChange={(e) => set('difficulty', e.target.value)}>
            <option value="">Any</option>
            <option value="1">1 (easy)</option>
            <option value="2">2</option>
            <option value="3">3 (hard)</option>
          </select>
        </label>
        <label>
          Questions
          <input
            type="number"
            min={1}
            max={200}
            value={f.n ?? 10}
            onChange={(e) => set('n', e.target.value)}
          />
        </label>
        <button type="submit" className="primary">
          Start quiz
        </button>
      </form>
    </div>
  );
}

function QuizRun({ filter }: { filter: QuizFilter }) {
  const [load] = useLoad(() => api.quiz(filter), [JSON.stringify(filter)]);
  const [index, setIndex] = useState(0);
  const [results, setResults] = useState<{ id: string; score: number }[]>([]);
  if (load.state === 'loading') return <Loading what="the quiz" />;
  if (load.state === 'error') return <ErrorBox message={load.message} />;
  const questions: PublicQuestion[] = load.data.questions;
  const q = questions[index];
  return (
    <div className="quiz" data-ready="quiz">
      <h1>Quiz</h1>
      {questions.length === 0 && (
        <p>
          No question matches this filter. <a href="#/quiz">Change the filter</a>.
        </p>
      )}
      {q ? (
        <>
          <p className="muted" aria-live="polite">
            Question {index + 1} of {questions.length}
          </p>
          <QuestionCard
            key={q.id}
            question={q}
            source="quiz"
            onDone={(_, outcome) => {
              setResults((r) => [...r, { id: q.id, score: outcome.score }]);
              setIndex((i) => i + 1);
            }}
          />
        </>
      ) : (
        questions.length > 0 && (
          <section className="panel done" aria-live="polite">
            <h2>Quiz finished</h2>
            <p>
              Average score{' '}
              {Math.round((results.reduce((n, r) => n + r.score, 0) / Math.max(1, results.length)) * 100)}%
              over {results.length} question{results.length === 1 ? '' : 's'}.
            </p>
            <p>
              <a href="#/quiz">Build another quiz</a> · <a href="#/">Dashboard</a>
            </p>
          </section>
        )
      )}
    </div>
  );
}

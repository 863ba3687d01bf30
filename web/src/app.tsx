// The shell: skip link, navigation, the routed page, and the Ctrl+K search dialog.
import { useEffect, useRef, useState } from 'react';
import { api } from './api.js';
import { SearchDialog } from './components/search-dialog.js';
import { Dashboard } from './pages/dashboard.js';
import { MockPage } from './pages/mock.js';
import { PlanPage } from './pages/plan.js';
import { QuizPage } from './pages/quiz.js';
import { ReportPage } from './pages/report.js';
import { ReportsPage } from './pages/reports.js';
import { ReviewPage } from './pages/review.js';
import { SettingsPage } from './pages/settings.js';
import { SyllabusPage } from './pages/syllabus.js';
import { TopicPage } from './pages/topic.js';
import { type Route, useRoute } from './route.js';
import { applyStoredTheme, applyTheme } from './theme.js';

const NAV: { name: Route['name']; href: string; label: string }[] = [
  { name: 'dashboard', href: '#/', label: 'Dashboard' },
  { name: 'syllabus', href: '#/syllabus', label: 'Syllabus' },
  { name: 'review', href: '#/review', label: 'Review' },
  { name: 'quiz', href: '#/quiz', label: 'Quiz' },
  { name: 'plan', href: '#/plan', label: 'Plan' },
  { name: 'mock', href: '#/mock', label: 'Mock' },
  { name: 'reports', href: '#/reports', label: 'Reports' },
  { name: 'settings', href: '#/settings', label: 'Settings' },
];

applyStoredTheme();

export function App() {
  const route = useRoute();
  const [searchOpen, setSearchOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    api.settings().then(
      (s) => applyTheme(s.theme),
      () => {},
    );
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setSearchOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // After navigation, focus moves to the page so keyboard and screen-reader users start at its top.
  const key =
    route.name === 'topic'
      ? `topic:${route.id}`
      : route.name === 'report'
        ? `report:${route.id}`
        : route.name === 'mock'
          ? `mock:${route.sessionId ?? ''}`
          : route.name;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [key]);

  return (
    <>
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <header className="top">
        <a className="brand" href="#/">
          pyprep
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.name}>
                <a
                  href={n.href}
                  aria-current={
                    route.name === n.name || (n.name === 'reports' && route.name === 'report')
                      ? 'page'
                      : undefined
                  }
                >
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="search-button" onClick={() => setSearchOpen(true)}>
          Search <kbd>Ctrl K</kbd>
        </button>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} />
      </main>
      {searchOpen && <SearchDialog onClose={() => setSearchOpen(false)} />}
    </>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'dashboard':
      return <Dashboard />;
    case 'syllabus':
      return <SyllabusPage />;
    case 'topic':
      return <TopicPage key={route.id} id={route.id} />;
    case 'review':
      return <ReviewPage />;
    case 'quiz':
      return <QuizPage key={route.params.toString()} params={route.params} />;
    case 'plan':
      return <PlanPage />;
    case 'settings':
      return <SettingsPage />;
    case 'mock':
      return <MockPage key={route.sessionId ?? ''} sessionId={route.sessionId} />;
    case 'reports':
      return <ReportsPage />;
    case 'report':
      return <ReportPage key={route.id} id={route.id} />;
    default:
      return (
        <section>
          <h1>Not found</h1>
          <p>
            Nothing lives at <code>{route.path}</code>. <a href="#/">Back to the dashboard</a>.
          </p>
        </section>
      );
  }
}

// The code answer: a lazily loaded CodeMirror editor with Run (server CPython, else Pyodide) and its output.
import { lazy, Suspense, useState } from 'react';
import { messageOf, type RunResult } from '../api.js';

const CodeEditor = lazy(() => import('../code/editor.js'));

export function CodeAnswer({
  value,
  onChange,
  onSubmit,
  disabled,
}: {
  value: string;
  onChange: (v: string) => void;
  onSubmit: () => void;
  disabled: boolean;
}) {
  const [run, setRun] = useState<RunResult | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const doRun = async () => {
    setRunning(true);
    setError(null);
    try {
      const { runCode } = await import('../code/run-code.js');
      setRun(await runCode(value));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="code-answer">
      <Suspense
        fallback={
          <textarea
            className="editor-fallback"
            aria-label="Your solution (the editor is loading)"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        }
      >
        <CodeEditor
          value={value}
          onChange={onChange}
          label="Your solution"
          onRun={doRun}
          onSubmit={onSubmit}
        />
      </Suspense>
      <div className="row">
        <button type="button" onClick={doRun} disabled={running || disabled}>
          {running ? 'Running…' : 'Run'} <kbd>Ctrl Enter</kbd>
        </button>
        <span className="muted">Tab indents; press Esc then Tab to leave the editor.</span>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {run && (
        <section className="run-output" aria-live="polite" aria-label="Run output">
          <p className="muted">
            Ran on {run.backend === 'pyodide' ? 'Pyodide in this browser' : `the server (${run.backend})`} in{' '}
            {Math.round(run.durationMs)} ms, exit code {run.exitCode ?? '—'}
            {run.timedOut ? ', stopped at the time limit' : ''}
          </p>
          {run.stdout && <pre className="stdout">{run.stdout}</pre>}
          {run.stderr && <pre className="stderr">{run.stderr}</pre>}
          {!run.stdout && !run.stderr && <p className="muted">(no output)</p>}
        </section>
      )}
    </div>
  );
}

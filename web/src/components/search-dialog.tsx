// Ctrl+K search: a modal combobox over topics and questions; Enter opens the highlighted result.
import { useEffect, useId, useRef, useState } from 'react';
import { api, messageOf, type SearchResult } from '../api.js';
import { navigate } from '../route.js';

export function SearchDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[]>([]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const opener = useRef<Element | null>(document.activeElement);

  useEffect(() => {
    const d = dialog.current;
    d?.showModal();
    const back = opener.current;
    return () => {
      if (back instanceof HTMLElement) back.focus();
    };
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults([]);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      api.search(q).then(
        (r) => {
          if (!live) return;
          setResults(r.results);
          setActive(0);
          setError(null);
        },
        (e: unknown) => live && setError(messageOf(e)),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query]);

  const open = (r: SearchResult | undefined) => {
    if (!r) return;
    onClose();
    navigate(`/topic/${encodeURIComponent(r.topic)}`);
  };

  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(results[active]);
    }
  };

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes; Escape does so natively.
    <dialog
      ref={dialog}
      className="search-dialog"
      aria-labelledby={`${listId}-title`}
      onClose={onClose}
      onClick={(e) => e.target === dialog.current && onClose()}
    >
      <h2 id={`${listId}-title`} className="visually-hidden">
        Search
      </h2>
      <input
        autoFocus
        type="search"
        role="combobox"
        aria-label="Search topics and questions"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
        aria-autocomplete="list"
        placeholder="Search topics and questions…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKey}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div id={listId} role="listbox" aria-label="Results" className="search-results">
        {results.map((r, i) => (
          <div
            key={`${r.kind}:${r.id}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => open(r)}
            onKeyDown={(e) => e.key === 'Enter' && open(r)}
            tabIndex={-1}
          >
            <span className={`kind kind-${r.kind}`}>{r.kind}</span> {r.title}
          </div>
        ))}
      </div>
      {query.trim() && results.length === 0 && !error && <p className="muted">No matches yet.</p>}
      <p className="hint muted">
        <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close
      </p>
    </dialog>
  );
}

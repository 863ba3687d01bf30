// Review: the FSRS queue one card at a time; Skip leaves a card for later in this sitting.
import { useCallback, useState } from 'react';
import { api } from '../api.js';
import { ErrorBox, Loading, useLoad, usePageTitle } from '../components/common.js';
import { QuestionCard } from '../components/question-card.js';

export function ReviewPage() {
  usePageTitle('Review');
  const [skipped, setSkipped] = useState<string[]>([]);
  const [done, setDone] = useState(0);
  const [load, reload] = useLoad(() => api.next(skipped), [skipped]);
  const onDone = useCallback(() => {
    setDone((n) => n + 1);
    reload();
  }, [reload]);
  const card = load.state === 'ready' ? load.data : null;

  return (
    <div className="review" data-ready={load.state === 'ready' ? 'review' : undefined}>
      <h1>Review</h1>
      {load.state === 'loading' && <Loading what="the next card" />}
      {load.state === 'error' && <ErrorBox message={load.message} />}
      {load.state === 'ready' && load.data === null && (
        <section className="panel done">
          <h2>Nothing left for now</h2>
          <p>
            {done > 0 ? `You reviewed ${done} card${done === 1 ? '' : 's'} in this sitting. ` : ''}
            No card is due and today's new cards are used up{skipped.length ? ' (or skipped)' : ''}.
          </p>
          <p>
            <a href="#/">Back to the dashboard</a> · <a href="#/quiz">Build a quiz</a>
            {skipped.length > 0 && (
              <>
                {' '}
                ·{' '}
                <button type="button" className="link" onClick={() => setSkipped([])}>
                  Bring back skipped cards
                </button>
              </>
            )}
          </p>
        </section>
      )}
      {card && (
        <>
          <p className="muted queue" aria-live="polite">
            {card.kind === 'new' ? 'New card' : 'Due card'} · {card.dueCount} due · {card.newRemaining} new
            left today · {done} done{' '}
            <button type="button" className="link" onClick={() => setSkipped((s) => [...s, card.id])}>
              Skip
            </button>
          </p>
          <QuestionCard key={`${card.id}:${done}`} question={card} source="review" onDone={onDone} />
          <p className="hint muted">
            Keys: <kbd>Space</kbd> reveals, <kbd>1</kbd>–<kbd>4</kbd> rate (Again, Hard, Good, Easy).
          </p>
        </>
      )}
    </div>
  );
}

// Small shared pieces: data loading, error and loading states, trusted (pre-sanitized) HTML, formatting.
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api.js';

export type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; data: T };

/** Runs `fn` when `deps` change; `reload` runs it again (stale answers are dropped). */
export function useLoad<T>(fn: () => Promise<T>, deps: DependencyList): [Load<T>, () => void] {
  const [load, setLoad] = useState<Load<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass the inputs of fn as deps.
  useEffect(() => {
    let live = true;
    fn().then(
      (data) => live && setLoad({ state: 'ready', data }),
      (err: unknown) => live && setLoad({ state: 'error', message: messageOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return [load, reload];
}

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · pyprep`;
  }, [title]);
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorBox({ message }: { message: string }) {
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}

/** HTML the server compiled and sanitized at build time (notes, prompts, options). */
export function Html({
  html,
  className,
  as = 'div',
}: {
  html: string;
  className?: string;
  as?: 'div' | 'span';
}) {
  const ref = useRef<HTMLElement>(null);
  // Code blocks may scroll sideways: make them focusable so the keyboard can scroll them too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the HTML changes.
  useEffect(() => {
    for (const pre of ref.current?.querySelectorAll('pre') ?? []) {
      pre.tabIndex = 0;
    }
  }, [html]);
  const Tag = as;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the bank's HTML is sanitized when it is compiled.
  return <Tag ref={ref as never} className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** A mastery bucket for colouring chips and cells. */
export function level(x: number, studied = 1): 'none' | 'low' | 'mid' | 'high' {
  if (studied === 0) return 'none';
  if (x < 0.4) return 'low';
  if (x < 0.75) return 'mid';
  return 'high';
}

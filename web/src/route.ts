// Hash routing: #/, #/syllabus, #/topic/<id>, #/review, #/quiz?…, #/plan, #/settings, #/mock[/<session>],
// #/reports, #/report/<id>.
import { useEffect, useState } from 'react';

export type Route =
  | { name: 'dashboard' }
  | { name: 'syllabus' }
  | { name: 'topic'; id: string }
  | { name: 'review' }
  | { name: 'quiz'; params: URLSearchParams }
  | { name: 'plan' }
  | { name: 'settings' }
  | { name: 'mock'; sessionId: string | null }
  | { name: 'reports' }
  | { name: 'report'; id: string }
  | { name: 'not-found'; path: string };

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean);
  const [head, arg] = parts;
  if (!head) return { name: 'dashboard' };
  if (head === 'topic' && arg) return { name: 'topic', id: decodeURIComponent(arg) };
  if (head === 'mock') return { name: 'mock', sessionId: arg ? decodeURIComponent(arg) : null };
  if (head === 'report' && arg) return { name: 'report', id: decodeURIComponent(arg) };
  if (head === 'reports') return { name: 'reports' };
  if (head === 'quiz') return { name: 'quiz', params: new URLSearchParams(query) };
  if (head === 'syllabus' || head === 'review' || head === 'plan' || head === 'settings')
    return { name: head };
  return { name: 'not-found', path };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export const topicHref = (id: string): string => `#/topic/${encodeURIComponent(id)}`;
export const mockHref = (sessionId: string): string => `#/mock/${encodeURIComponent(sessionId)}`;
export const reportHref = (id: string): string => `#/report/${encodeURIComponent(id)}`;

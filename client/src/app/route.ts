// The SPA's routes: `/` (start page, opened by the admin link), `/b/<id>?token=…` (a board) and
// `/overblik` (the leader overview).

import { useSyncExternalStore } from 'react';

export type Route = { page: 'start' } | { page: 'board'; boardId: string; token: string } | { page: 'overview' };

export function parseRoute(location: Pick<Location, 'pathname' | 'search'>): Route {
  // The leader overview (issue 5): `/overblik?leader=…`, or the admin's own.
  if (/^\/overblik\/?$/.test(location.pathname)) return { page: 'overview' };
  const match = /^\/b\/([^/]+)\/?$/.exec(location.pathname);
  if (match) {
    const token = new URLSearchParams(location.search).get('token') ?? '';
    return { page: 'board', boardId: decodeURIComponent(match[1]!), token };
  }
  return { page: 'start' };
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
}

/** The current URL's path and query, re-rendering on back/forward navigation. */
export function useLocationKey(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
}

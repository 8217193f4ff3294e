// The SPA's two routes: `/` (start page, opened by the admin link) and `/b/<id>?token=…`.

import { useSyncExternalStore } from 'react';

export type Route = { page: 'start' } | { page: 'board'; boardId: string; token: string };

export function parseRoute(location: Pick<Location, 'pathname' | 'search'>): Route {
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

// The leader overview's data: GET /api/boards with the leader token (from a `?leader=` link) or
// the admin's token. A leader gets only read-only (view) links.

import type { BoardSummary } from '../../../shared/domain/summary';

export interface OverviewBoard {
  id: string;
  title: string;
  updatedAt: string;
  summary: BoardSummary;
  links: { view: string; edit?: string };
}

const LEADER_KEY = 'maaltavle.leader';
const ADMIN_KEY = 'maaltavle.admin';

export type OverviewAccess = { kind: 'leader' | 'admin'; token: string };

/**
 * The token to read the overview with. A `?leader=` in the URL is remembered in this browser and
 * taken out of the address bar (it is a key; it should not end up in screenshots or history).
 */
export function overviewAccessFromLocation(): OverviewAccess | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('leader');
  if (fromUrl) {
    localStorage.setItem(LEADER_KEY, fromUrl);
    params.delete('leader');
    const query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? `?${query}` : ''));
    return { kind: 'leader', token: fromUrl };
  }
  const admin = localStorage.getItem(ADMIN_KEY);
  if (admin) return { kind: 'admin', token: admin };
  const leader = localStorage.getItem(LEADER_KEY);
  return leader ? { kind: 'leader', token: leader } : null;
}

export function forgetLeaderToken(): void {
  localStorage.removeItem(LEADER_KEY);
}

export class OverviewError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, token: string, method = 'GET'): Promise<T> {
  const response = await fetch(path, { method, headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = data && typeof data === 'object' && 'error' in data ? String(data.error) : response.statusText;
    throw new OverviewError(message, response.status);
  }
  return data as T;
}

export function fetchOverview(token: string): Promise<OverviewBoard[]> {
  return getJson('/api/boards', token);
}

/** The leader link to hand out (admin only). */
export function fetchLeaderLink(adminToken: string): Promise<{ token: string; link: string }> {
  return getJson('/api/leader-link', adminToken);
}

/** Replace the leader link (admin only): the one handed out so far stops working. */
export function rotateLeaderLink(adminToken: string): Promise<{ token: string; link: string }> {
  return getJson('/api/leader-link/rotate', adminToken, 'POST');
}

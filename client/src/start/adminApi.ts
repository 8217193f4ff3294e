// The admin's REST calls (docs/contract.md, "HTTP") and where the admin token is kept.

import type { BoardSummary } from '../../../shared/domain/summary';

export interface BoardListing {
  id: string;
  title: string;
  updatedAt: string;
  summary: BoardSummary;
  links: { edit: string; view: string };
}

export interface CreatedBoard {
  id: string;
  title: string;
  tokens: { edit: string; view: string };
  links: { edit: string; view: string };
}

const TOKEN_KEY = 'maaltavle.admin';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Take `?admin=` from the URL into storage (and out of the address bar), then return the token. */
export function adminTokenFromLocation(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('admin');
  if (fromUrl) {
    localStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('admin');
    const query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? `?${query}` : ''));
  }
  return localStorage.getItem(TOKEN_KEY);
}

export function saveAdminToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

async function request<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const data: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const message = data && typeof data === 'object' && 'error' in data ? String(data.error) : response.statusText;
    throw new ApiError(message, response.status);
  }
  return data as T;
}

export function listBoards(token: string): Promise<BoardListing[]> {
  return request(token, 'GET', '/api/boards');
}

export function createBoard(token: string, title: string): Promise<CreatedBoard> {
  return request(token, 'POST', '/api/boards', { title });
}

/** Replace a board's edit or view link: the old one stops working at once (docs/contract.md). */
export function rotateBoardLink(token: string, boardId: string, link: 'edit' | 'view'): Promise<CreatedBoard> {
  return request(token, 'POST', `/api/boards/${encodeURIComponent(boardId)}/links/${link}/rotate`);
}

/** Delete a board and everything on it. */
export async function deleteBoard(token: string, boardId: string): Promise<void> {
  await request(token, 'DELETE', `/api/boards/${encodeURIComponent(boardId)}`);
}

/** The board's whole content as JSON (export.json), read with the edit link's own token. */
export function boardJsonUrl(boardId: string, editLink: string): string {
  const editToken = new URL(editLink, window.location.href).searchParams.get('token') ?? '';
  return `/api/boards/${encodeURIComponent(boardId)}/export.json?token=${encodeURIComponent(editToken)}`;
}

/** A new board from the text of an export.json file; the server checks it. */
export function importBoard(token: string, fileText: string): Promise<CreatedBoard & { imported: { goals: number; ideas: number; actions: number; minutes: number } }> {
  return request(token, 'POST', '/api/boards/import', fileText);
}

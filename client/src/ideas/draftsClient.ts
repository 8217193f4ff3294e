// The browser side of hidden ideas (silent brainstorm): my drafts live on the server, sent and
// fetched with the board's edit token and my secret draft key (sync/identity.ts). They are never
// written into the board document; the server puts them there when the facilitator reveals them.

import { DRAFT_KEY_HEADER, draftsPath, type Draft, type DraftInput } from '../../../shared/domain/drafts';
import { parseRoute } from '../app/route';

/** The board token from the address (the board page is `/b/<id>?token=…`). */
export function currentBoardToken(): string {
  const route = parseRoute(window.location);
  return route.page === 'board' ? route.token : '';
}

export class DraftsError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, draftKey: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Authorization: `Bearer ${currentBoardToken()}` };
  if (draftKey) headers[DRAFT_KEY_HEADER] = draftKey;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch {
    throw new DraftsError(0, 'offline');
  }
  const data = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new DraftsError(response.status, data.error ?? `HTTP ${response.status}`);
  return data;
}

export async function listMyDrafts(boardId: string, draftKey: string): Promise<Draft[]> {
  const data = await call<{ drafts: Draft[] }>('GET', draftsPath(boardId), draftKey);
  return Array.isArray(data.drafts) ? data.drafts : [];
}

export async function postDraft(boardId: string, draftKey: string, input: DraftInput): Promise<Draft> {
  return (await call<{ draft: Draft }>('POST', draftsPath(boardId), draftKey, input)).draft;
}

export async function deleteDraft(boardId: string, draftKey: string, draftId: string): Promise<void> {
  await call('DELETE', draftsPath(boardId, draftId), draftKey);
}

export async function revealDrafts(boardId: string): Promise<number> {
  return (await call<{ revealed: number }>('POST', draftsPath(boardId, 'reveal'), null)).revealed;
}

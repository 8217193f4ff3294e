// Silent brainstorm: hidden ideas (drafts) live on the server, outside the board document, until
// the facilitator reveals them. What client and server agree on: the secret draft key that proves
// ownership, the REST paths and the limits.
//
//   POST   /api/boards/:id/drafts            edit token + X-Draft-Key   body {text, author, color, participantId}
//                                            (403 when participantId is bound to another key, or the key to another id)
//   GET    /api/boards/:id/drafts            edit token + X-Draft-Key   → my drafts only
//   DELETE /api/boards/:id/drafts/:draftId   edit token + X-Draft-Key   → only my own
//   POST   /api/boards/:id/drafts/reveal     edit token                 → every draft becomes an idea

/** Header that carries the participant's secret draft key (never put in the document or awareness). */
export const DRAFT_KEY_HEADER = 'X-Draft-Key';

/** 128 bits or more, base64url. */
export const DRAFT_KEY_PATTERN = /^[A-Za-z0-9_-]{22,86}$/;

/** Hidden ideas per draft key on a board (the name is historic: a key writes as one participant). */
export const DRAFTS_PER_PARTICIPANT_MAX = 100;
/** Hidden ideas on a board, all keys together. */
export const DRAFTS_PER_BOARD_MAX = 1000;
/**
 * Participants (bound participant id ↔ draft key pairs) with hidden ideas on a board until the
 * reveal (issue 8): keeps the bindings table bounded however many keys an editor makes.
 */
export const DRAFT_PARTICIPANTS_PER_BOARD_MAX = 200;

export interface Draft {
  id: string;
  text: string;
  author: string;
  color: string;
  participantId: string;
  round: number;
  createdAt: string;
}

export interface DraftInput {
  text: string;
  author: string;
  color: string;
  participantId: string;
  round?: number;
}

/** A fresh random draft key: 16 bytes (128 bits) as base64url. Works on plain-http origins. */
export function newDraftKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function isDraftKey(value: unknown): value is string {
  return typeof value === 'string' && DRAFT_KEY_PATTERN.test(value);
}

export function draftsPath(boardId: string, draftId?: string): string {
  const base = `/api/boards/${encodeURIComponent(boardId)}/drafts`;
  return draftId ? `${base}/${encodeURIComponent(draftId)}` : base;
}

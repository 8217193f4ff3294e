// The wire contract between client and server: URL scheme, message types, close codes, limits.
// Both sides import these, so a change here is a change of the contract (see ../README.md).

/** Path prefix of the y-websocket endpoint: `ws://host/sync/<boardId>?token=…`. */
export const SYNC_PATH = '/sync';

/** y-websocket message types (first varUint of every frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
} as const;

/** Largest WebSocket frame the server accepts; bigger frames close that connection only. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** Largest JSON body the REST API accepts. */
export const MAX_HTTP_BODY_BYTES = 64 * 1024;

/** Longest board title. */
export const MAX_TITLE_LENGTH = 200;

/**
 * Close codes. 4400–4499 are final for y-websocket 3.x clients (no reconnect), which is what a
 * bad link needs; the 1xxx codes for bad frames let a well-behaved client reconnect.
 */
export const CloseCode = {
  /** Missing or malformed token, or a token whose signature does not verify. */
  badToken: 4401,
  /** A valid token of another board. */
  foreignToken: 4403,
  /** The board does not exist. */
  unknownBoard: 4404,
  /** A frame that does not decode, or an unknown message type (RFC 6455: invalid payload). */
  malformed: 1007,
  /** A frame over MAX_MESSAGE_BYTES (RFC 6455: message too big). */
  tooLarge: 1009,
  /** The server is shutting down; clients reconnect. */
  goingAway: 1001,
} as const;

export type Capability = 'edit' | 'view';

/** Board ids are short random strings of these characters; anything else is rejected early. */
export const BOARD_ID_PATTERN = /^[a-z0-9]{6,40}$/;

/** Whether a close code means "this link will never work", so the UI stops retrying. */
export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500;
}

/** The path of a board in the SPA; the token travels in the query string. */
export function boardPath(boardId: string, token: string): string {
  return `/b/${encodeURIComponent(boardId)}?token=${encodeURIComponent(token)}`;
}

/**
 * Capability tokens look like `e_<signature>` (edit) or `v_<signature>` (view). The prefix lets
 * the client choose its UI; only the server can check the signature, and does on every connect.
 */
export function capabilityOfToken(token: string): Capability | null {
  if (token.startsWith('e_')) return 'edit';
  if (token.startsWith('v_')) return 'view';
  return null;
}

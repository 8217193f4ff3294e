// The wire contract between client and server: URL scheme, message types, close codes, limits.
// Both sides import these, so a change here is a change of the contract (see ../docs/contract.md).

/** Path prefix of the y-websocket endpoint: `ws://host/sync/<boardId>?token=…`. */
export const SYNC_PATH = '/sync';

/** y-websocket message types (first varUint of every frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  /**
   * Ours (issue 8.1), server to client only, far from y-websocket's 0–3: whether the server can
   * store the board's changes. Payload: one varUint, a SaveState. Sent right after the server's
   * sync step 1 (or its sync step 2 for a viewer) and whenever it changes, to connections that
   * asked for it with `?saveState=1` (a client without a handler would log every such frame).
   */
  saveState: 100,
} as const;

/** Payload of a MessageType.saveState frame; anything else reads as notSaved. */
export const SaveState = {
  /** The server cannot write its store now: what it receives is held in its memory only. */
  notSaved: 0,
  /** The server stores every change it receives (within 100 ms). */
  saved: 1,
} as const;

/** Query parameter of the sync URL with which a client asks for MessageType.saveState frames. */
export const SAVE_STATE_PARAM = 'saveState';

/** Largest WebSocket frame the server accepts; bigger frames close that connection only. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/** Largest JSON body the REST API accepts. */
export const MAX_HTTP_BODY_BYTES = 64 * 1024;

/**
 * Largest body of POST /api/boards/import: a board's export.json (indented JSON of a board at its
 * bounds, MAX_DOCUMENT_BYTES of document, stays well below this).
 */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

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
  /** The board does not exist, or was deleted (open connections are closed with it then). */
  unknownBoard: 4404,
  /**
   * Issue 8: a genuine link of this board that the admin has replaced by a new one (rotated);
   * open connections with it are closed with this code at once. The UI says so and asks for the
   * new link.
   */
  linkReplaced: 4410,
  /** A frame that does not decode, or an unknown message type (RFC 6455: invalid payload). */
  malformed: 1007,
  /** A frame over MAX_MESSAGE_BYTES (RFC 6455: message too big). */
  tooLarge: 1009,
  /**
   * The server is shutting down or restarting (RFC 6455 "service restart"; was 1001 "going away"
   * before issue 8): clients reconnect, and a proxy or monitor reads it as a planned restart.
   */
  serviceRestart: 1012,
  /**
   * RFC 6455 "try again later": the server cannot store edits now (its disk is full and what it
   * holds in memory reached its bound), so it closed this editor rather than apply an update it
   * could lose. Not final: y-websocket reconnects, and the client still has the edit and sends
   * it again when the server asks (its sync step 1 once it can store again).
   */
  cannotStore: 1013,
  /**
   * Also 1013 "try again later": the address or the board holds as many sockets as the server
   * allows (server/src/sync/syncServer.ts, SocketCaps). Not final: y-websocket retries.
   */
  tooManySockets: 1013,
  /**
   * Issue 8: an edit connection sent an update that would take the board past its bounds
   * (shared/limits.ts: entries per root, document bytes). Not applied. Final: the update stays in
   * the client's Y.Doc and every reconnect would send it again, so the client stops and its UI
   * says "Din seneste ændring var for stor til at gemme" and offers to load the board afresh.
   */
  boardFull: 4413,
} as const;

export type Capability = 'edit' | 'view';

/** Board ids are short random strings of these characters; anything else is rejected early. */
export const BOARD_ID_PATTERN = /^[a-z0-9]{6,40}$/;

/** Whether a close code means "this link will never work", so the UI stops retrying. */
export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500;
}

/**
 * Whether our client stops reconnecting after this close (issue 8): the final codes, and 1009
 * (a frame over MAX_MESSAGE_BYTES), which y-websocket would retry for ever with the same frame:
 * the update that made it is in the client's Y.Doc and goes out again with every sync.
 */
export function stopsReconnecting(code: number): boolean {
  return isFinalCloseCode(code) || code === CloseCode.tooLarge;
}

/** Close codes after which the client's own copy holds an update the server will never take. */
export function meansUnstorableChange(code: number): boolean {
  return code === CloseCode.tooLarge || code === CloseCode.boardFull;
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

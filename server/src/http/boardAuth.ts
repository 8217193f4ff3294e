// The board's token on a REST request under /api/boards/:id/… (drafts, exports):
// `?token=` or `Authorization: Bearer`, checked like /sync does — an unknown board is 404 first
// (ids are random, so that says nothing), a bad or replaced token 401, another board's token 403.

import type http from 'node:http';
import { BOARD_ID_PATTERN, type Capability } from '../../../shared/protocol';
import type { BoardTokens } from '../auth/boardTokens';
import type { BoardStore } from '../storage/store';
import { isAdminAuthorization } from '../auth/adminToken';
import type { AttemptThrottle } from '../auth/attemptThrottle';
import { clientAddress } from './clientAddress';
import { HttpError } from './responses';

/** The token from `?token=` or `Authorization: Bearer`. */
export function requestToken(req: http.IncomingMessage): string | null {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match ? match[1]! : null;
}

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The capability of the request's token for `boardId`, or an HttpError (404, 401, 403). */
export async function authorizeBoard(req: http.IncomingMessage, boardId: string, deps: { tokens: BoardTokens; store: BoardStore }): Promise<Capability> {
  const record = BOARD_ID_PATTERN.test(boardId) ? await deps.store.getBoardRecord(boardId) : null;
  if (!record) throw new HttpError(404, 'No such board');
  const token = requestToken(req);
  const check = deps.tokens.check(token, boardId, record.generations);
  if (check.kind === 'bad') {
    throw new HttpError(401, token ? 'The token is not valid for this board' : 'This needs the board’s token: ?token=… or Authorization: Bearer …', {
      'WWW-Authenticate': 'Bearer',
    });
  }
  if (check.kind === 'foreign') throw new HttpError(403, 'The token belongs to another board');
  if (check.kind === 'replaced') throw new HttpError(401, 'This link was replaced by a new one; ask for the new link', { 'WWW-Authenticate': 'Bearer' });
  return check.capability;
}

/** Like authorizeBoard, but only an edit token will do (a view token gets 403). */
export async function authorizeBoardEdit(req: http.IncomingMessage, boardId: string, deps: { tokens: BoardTokens; store: BoardStore }): Promise<void> {
  const capability = await authorizeBoard(req, boardId, deps);
  if (capability !== 'edit') throw new HttpError(403, 'This needs the edit link; the view link can only look');
}

/**
 * The admin token or the board's edit token (the board's JSON export). Wrong bearer tokens count
 * against the admin API's throttle of the client's address, so this route is no way round it for
 * guessing the admin token; a client past it gets 429 before its token is looked at.
 */
export async function authorizeAdminOrBoardEdit(
  req: http.IncomingMessage,
  boardId: string,
  deps: { tokens: BoardTokens; store: BoardStore; adminToken: string; throttle: AttemptThrottle },
): Promise<'admin' | 'edit'> {
  const client = clientAddress(req);
  const wait = deps.throttle.retryAfter(client);
  if (wait > 0) throw new HttpError(429, `Too many wrong tokens from your address; try again in ${wait} s`, { 'Retry-After': String(wait) });
  if (isAdminAuthorization(req.headers.authorization, deps.adminToken)) {
    deps.throttle.succeed(client);
    if (!BOARD_ID_PATTERN.test(boardId) || !(await deps.store.getBoardRecord(boardId))) throw new HttpError(404, 'No such board');
    return 'admin';
  }
  try {
    await authorizeBoardEdit(req, boardId, deps);
    return 'edit';
  } catch (error) {
    if (error instanceof HttpError && error.status === 401 && req.headers.authorization) deps.throttle.fail(client);
    throw error;
  }
}

// The REST API under /api (docs/contract.md, "HTTP"): admin-only board creation, import,
// listing, link rotation and deletion, and the leader link;
// feature routes under /api/boards/:id/… (exports, hidden ideas) come in as `routes`.

import type http from 'node:http';
import { z } from 'zod';
import { MAX_HTTP_BODY_BYTES, MAX_IMPORT_BYTES, MAX_TITLE_LENGTH } from '../../../shared/protocol';
import { BoardLimitError } from '../../../shared/limits';
import { parseBoardImport } from '../boards/importSchema';
import { isAdminAuthorization } from '../auth/adminToken';
import type { AttemptThrottle } from '../auth/attemptThrottle';
import { clientAddress } from './clientAddress';
import type { BoardService } from '../boards/boardService';
import { bearerToken, type LeaderTokens } from '../auth/leaderToken';
import { readJsonBody } from './body';
import type { ApiRoute } from './apiRoute';
import { HttpError, methodNotAllowed, sendJson } from './responses';
import { decodeSegment } from './boardAuth';
import type { BoardStore } from '../storage/store';

const CreateBoardBody = z.object({
  title: z
    .string({ error: 'title must be a string' })
    .trim()
    .min(1, { error: 'title must not be empty' })
    .max(MAX_TITLE_LENGTH, { error: `title must be at most ${MAX_TITLE_LENGTH} characters` }),
});

export interface ApiDeps {
  boards: BoardService;
  adminToken: string;
  /** The read-only leader token (issue 5); GET /api/boards accepts it, nothing else does. */
  leader: LeaderTokens;
  /** Base of the links the server hands out. */
  publicUrl: () => string;
  /** Routes under /api/boards/:id/… (goal and action-plan exports, hidden ideas); tried in order before 404. */
  routes?: readonly ApiRoute[];
  /** Wrong admin tokens per client address before 429, shared with routes that take the admin token. */
  throttle: AttemptThrottle;
  /** Where the leader link's generation is kept (rotating it). */
  store: Pick<BoardStore, 'rotateLeaderLink'>;
}

/** `/api/boards/:id` and `/api/boards/:id/links/:capability/rotate`. */
const BOARD_PATH = /^\/api\/boards\/([^/]+)$/;
const ROTATE_PATH = /^\/api\/boards\/([^/]+)\/links\/([^/]+)\/rotate$/;

export function createApi({ boards, adminToken, leader, publicUrl, routes = [], throttle, store }: ApiDeps) {
  const leaderLink = () => ({ token: leader.token(), link: `${publicUrl()}/overblik?leader=${encodeURIComponent(leader.token())}` });
  const isLeader = (req: http.IncomingMessage) => leader.check(bearerToken(req.headers.authorization));

  /**
   * The admin token or an HttpError. An address that sent too many wrong tokens lately is refused
   * before its token is looked at (else trying would go on, only slower to read); a missing header
   * is no guess and does not count, nor does the (genuine) leader token.
   */
  function requireAdmin(req: http.IncomingMessage): void {
    const client = clientAddress(req);
    const wait = throttle.retryAfter(client);
    if (wait > 0) throw new HttpError(429, `Too many wrong admin tokens from your address; try again in ${wait} s`, { 'Retry-After': String(wait) });
    if (isAdminAuthorization(req.headers.authorization, adminToken)) {
      throttle.succeed(client);
      return;
    }
    if (isLeader(req)) throw new HttpError(403, 'The leader link can only read the overview; this needs the admin token');
    if (leader.verify(bearerToken(req.headers.authorization)) === 'replaced') throw new HttpError(401, 'This leader link was replaced by a new one; ask the admin for the new link', { 'WWW-Authenticate': 'Bearer' });
    if (req.headers.authorization) {
      throttle.fail(client);
      throw new HttpError(401, 'The admin token is not valid', { 'WWW-Authenticate': 'Bearer' });
    }
    throw new HttpError(401, 'This needs the admin token: Authorization: Bearer <ADMIN_TOKEN>', { 'WWW-Authenticate': 'Bearer' });
  }

  async function createBoard(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    requireAdmin(req);
    const body = await readJsonBody(req, MAX_HTTP_BODY_BYTES);
    const parsed = CreateBoardBody.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = !body || typeof body !== 'object' || Array.isArray(body) ? 'Send a JSON object: {"title": "…"}' : (issue?.message ?? 'Invalid body');
      throw new HttpError(400, message);
    }
    sendJson(res, 201, await boards.create(parsed.data.title));
  }

  async function importBoard(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const parsed = parseBoardImport(await readJsonBody(req, MAX_IMPORT_BYTES));
    if (!parsed.ok) throw new HttpError(400, parsed.message);
    const title = new URL(req.url ?? '/', 'http://localhost').searchParams.get('title')?.trim();
    if (title !== undefined && (title === '' || title.length > MAX_TITLE_LENGTH)) throw new HttpError(400, `?title= must be 1 to ${MAX_TITLE_LENGTH} characters`);
    try {
      sendJson(res, 201, await boards.importBoard(parsed.board, title));
    } catch (error) {
      if (error instanceof BoardLimitError) throw new HttpError(413, `The board does not fit: ${error.message}`);
      if (error instanceof RangeError) throw new HttpError(400, `The file holds a value the board cannot take: ${error.message}`);
      throw error;
    }
  }

  return async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/api/boards' || pathname === '/api/boards/') {
      if (req.method === 'POST') return createBoard(req, res);
      if (req.method === 'GET' || req.method === 'HEAD') {
        if (isLeader(req)) return sendJson(res, 200, await boards.list('leader'));
        requireAdmin(req);
        return sendJson(res, 200, await boards.list('admin'));
      }
      throw methodNotAllowed(['GET', 'POST']);
    }
    if (pathname === '/api/leader-link') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET']);
      requireAdmin(req);
      return sendJson(res, 200, leaderLink());
    }
    if (pathname === '/api/leader-link/rotate') {
      if (req.method !== 'POST') throw methodNotAllowed(['POST']);
      requireAdmin(req);
      leader.setGeneration(await store.rotateLeaderLink());
      return sendJson(res, 200, leaderLink());
    }
    const rotate = ROTATE_PATH.exec(pathname);
    if (rotate) {
      if (req.method !== 'POST') throw methodNotAllowed(['POST']);
      requireAdmin(req);
      const capability = decodeSegment(rotate[2]!);
      if (capability !== 'edit' && capability !== 'view') throw new HttpError(404, 'Only the edit and the view link can be replaced: …/links/edit/rotate or …/links/view/rotate');
      const rotated = await boards.rotateLink(decodeSegment(rotate[1]!), capability);
      if (!rotated) throw new HttpError(404, 'No such board');
      return sendJson(res, 200, rotated);
    }
    if (pathname === '/api/boards/import') {
      if (req.method !== 'POST') throw methodNotAllowed(['POST']);
      requireAdmin(req);
      return importBoard(req, res);
    }
    const board = BOARD_PATH.exec(pathname);
    if (board) {
      if (req.method !== 'DELETE') throw methodNotAllowed(['DELETE']);
      requireAdmin(req);
      if (!(await boards.delete(decodeSegment(board[1]!)))) throw new HttpError(404, 'No such board');
      res.writeHead(204).end();
      return;
    }
    if (pathname === '/api/time') {
      // The server's clock, for clients to estimate their offset (meeting timer); no secret in it.
      if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET']);
      const now = Date.now();
      return sendJson(res, 200, { now, iso: new Date(now).toISOString() });
    }
    for (const route of routes) if (await route(req, res, pathname)) return;
    throw new HttpError(404, `No API endpoint at ${pathname}`);
  };
}

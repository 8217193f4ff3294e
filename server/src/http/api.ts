// The REST API under /api (design.md, "HTTP contract"): admin-only board creation and listing.

import type http from 'node:http';
import { z } from 'zod';
import { MAX_HTTP_BODY_BYTES, MAX_TITLE_LENGTH } from '../../../shared/protocol';
import { isAdminAuthorization } from '../auth/adminToken';
import type { BoardService } from '../boards/boardService';
import { readJsonBody } from './body';
import { HttpError, methodNotAllowed, sendJson } from './responses';

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
}

export function createApi({ boards, adminToken }: ApiDeps) {
  function requireAdmin(req: http.IncomingMessage): void {
    if (!isAdminAuthorization(req.headers.authorization, adminToken)) {
      const message = req.headers.authorization ? 'The admin token is not valid' : 'This needs the admin token: Authorization: Bearer <ADMIN_TOKEN>';
      throw new HttpError(401, message, { 'WWW-Authenticate': 'Bearer' });
    }
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

  return async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/api/boards' || pathname === '/api/boards/') {
      if (req.method === 'POST') return createBoard(req, res);
      if (req.method === 'GET' || req.method === 'HEAD') {
        requireAdmin(req);
        return sendJson(res, 200, await boards.list());
      }
      throw methodNotAllowed(['GET', 'POST']);
    }
    throw new HttpError(404, `No API endpoint at ${pathname}`);
  };
}

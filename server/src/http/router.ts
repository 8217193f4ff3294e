// Every HTTP request starts here: health check, API, a hint for /sync without an upgrade, and
// the SPA. No error escapes as anything but {"error": …}.

import type http from 'node:http';
import type { Logger } from '../log';
import { SYNC_PATH } from '../../../shared/protocol';
import { HttpError, sendError, sendJson } from './responses';

export interface RouterDeps {
  api: (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => Promise<void>;
  serveStatic: (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => void;
  log: Logger;
}

export function createRouter({ api, serveStatic, log }: RouterDeps) {
  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      throw new HttpError(400, 'Malformed URL');
    }
    if (pathname === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed; use GET', { Allow: 'GET, HEAD' });
      return sendJson(res, 200, { ok: true });
    }
    if (pathname === '/api' || pathname.startsWith('/api/')) return api(req, res, pathname);
    if (pathname === SYNC_PATH || pathname.startsWith(SYNC_PATH + '/')) {
      throw new HttpError(426, `Connect with a WebSocket to ${SYNC_PATH}/<boardId>?token=…`, { Upgrade: 'websocket' });
    }
    return serveStatic(req, res, pathname);
  }

  return function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    route(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendError(res, error.status, error.message, error.headers);
        return;
      }
      log.error('request failed', { method: req.method, url: req.url?.split('?')[0], error });
      sendError(res, 500, 'Internal server error');
    });
  };
}

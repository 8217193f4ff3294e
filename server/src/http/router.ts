// Every HTTP request starts here: liveness (/healthz) and readiness (/readyz), API, a hint for
// /sync without an upgrade, and the SPA. No error escapes as anything but {"error": …}, and every
// answer carries the security headers (responses.ts).

import type http from 'node:http';
import { requestContext, type Logger } from '../log';
import { requestIdOf } from './requestId';
import { SYNC_PATH } from '../../../shared/protocol';
import { HttpError, sendError, sendJson, setSecurityHeaders } from './responses';
import { StorageUnavailableError, isDiskFull, isStorageFailure, unreadyReason, type StoreHealth } from '../storage/store';

export interface RouterDeps {
  /** The board store's health: /readyz is 503 while it cannot write. */
  storeHealth: () => StoreHealth;
  api: (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => Promise<void>;
  serveStatic: (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => void;
  log: Logger;
  /** Base of the links the server hands out; https there adds Strict-Transport-Security. */
  publicUrl: () => string;
  /** GET /metrics (http/metricsRoute.ts). */
  serveMetrics: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  /** Every answer, by route class, for the metrics. */
  answered?: (route: RouteClass, status: number, seconds: number) => void;
}

export type RouteClass = 'api' | 'spa' | 'health' | 'sync' | 'metrics';

function routeClass(pathname: string): RouteClass {
  if (pathname === '/healthz' || pathname === '/readyz') return 'health';
  if (pathname === '/metrics') return 'metrics';
  if (pathname === '/api' || pathname.startsWith('/api/')) return 'api';
  if (pathname === SYNC_PATH || pathname.startsWith(SYNC_PATH + '/')) return 'sync';
  return 'spa';
}

/** Seconds a client should wait before retrying a request the store could not write. */
const STORAGE_RETRY_AFTER_S = '30';

export function createRouter({ api, serveStatic, log, storeHealth, publicUrl, serveMetrics, answered }: RouterDeps) {
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
    if (pathname === '/readyz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed; use GET', { Allow: 'GET, HEAD' });
      const health = storeHealth();
      const reason = unreadyReason(health);
      if (reason === null) return sendJson(res, 200, { ready: true });
      return sendJson(res, 503, { ready: false, reason, store: health }, { 'Retry-After': STORAGE_RETRY_AFTER_S });
    }
    if (pathname === '/metrics') return serveMetrics(req, res);
    if (pathname === '/api' || pathname.startsWith('/api/')) return api(req, res, pathname);
    if (pathname === SYNC_PATH || pathname.startsWith(SYNC_PATH + '/')) {
      throw new HttpError(426, `Connect with a WebSocket to ${SYNC_PATH}/<boardId>?token=…`, { Upgrade: 'websocket' });
    }
    return serveStatic(req, res, pathname);
  }

  /** One line per request when it is answered: API calls at info, the SPA's files and probes at debug. */
  function logAnswered(req: http.IncomingMessage, res: http.ServerResponse, started: number, reqId: string): void {
    const path = (req.url ?? '/').split('?')[0]!.slice(0, 200);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    answered?.(routeClass(path), res.statusCode, ms / 1000);
    const fields = { reqId, method: req.method, path, status: res.statusCode, ms };
    if (res.statusCode >= 500) log.warn('request answered', fields);
    else if (path.startsWith('/api/')) log.info('request answered', fields);
    else log.debug('request answered', fields);
  }

  return function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const reqId = requestIdOf(req);
    res.setHeader('X-Request-Id', reqId);
    requestContext.run({ reqId }, () => handle(req, res, reqId));
  };

  function handle(req: http.IncomingMessage, res: http.ServerResponse, reqId: string): void {
    const started = performance.now();
    res.once('finish', () => logAnswered(req, res, started, reqId));
    setSecurityHeaders(res, publicUrl());
    route(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        sendError(res, error.status, error.message, error.headers);
        return;
      }
      if (error instanceof StorageUnavailableError || isStorageFailure(error)) {
        const diskFull = error instanceof StorageUnavailableError ? error.diskFull : isDiskFull(error);
        const message =
          error instanceof StorageUnavailableError
            ? error.message
            : diskFull
              ? "The server's disk is full; nothing was changed. Try again later."
              : 'The server cannot write its store right now; nothing was changed. Try again later.';
        log.warn('a request could not be stored', { method: req.method, url: req.url?.split('?')[0], error });
        sendError(res, diskFull ? 507 : 503, message, { 'Retry-After': STORAGE_RETRY_AFTER_S });
        return;
      }
      log.error('request failed', { method: req.method, url: req.url?.split('?')[0], error });
      // The id lets a user's report be found in the log.
      sendError(res, 500, `Internal server error (request ${reqId})`);
    });
  }
}

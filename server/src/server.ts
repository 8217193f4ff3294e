// Wires one server process together: store, auth, HTTP, WebSocket sync; and takes it apart
// again in the order that keeps every update (stop accepting, close sockets, store, close store).

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from './log';
import { resolveAdminToken, type AdminTokenSource } from './auth/adminToken';
import { AttemptThrottle, type ThrottleOptions } from './auth/attemptThrottle';
import { createBoardTokens, loadTokenSecret } from './auth/boardTokens';
import { createLeaderToken } from './auth/leaderToken';
import { openSqliteStore, DEFAULT_FLUSH_DELAY_MS, DEFAULT_MAX_QUEUED_BYTES, DEFAULT_MAX_RETRY_DELAY_MS } from './storage/sqlite';
import { createBoardService } from './boards/boardService';
import { createApi } from './http/api';
import { createGoalExport } from './http/goalExport';
import { createActionExport } from './http/actionExport';
import { createBoardExport } from './http/boardExport';
import { openDraftStore } from './drafts/draftStore';
import { createDraftsApi } from './drafts/draftsApi';
import { createStaticFiles } from './http/staticFiles';
import { createRouter } from './http/router';
import { RoomRegistry } from './sync/rooms';
import { createSyncServer } from './sync/syncServer';
import type { ConnectionLimits } from './sync/connection';
import type { BoardStore } from './storage/store';
import { originAllowed } from './http/origin';
import { resolveClientAddress } from './http/clientAddress';
import { createMetrics } from './metrics';
import { createMetricsRoute } from './http/metricsRoute';
import type { SocketCaps } from './sync/syncServer';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface StartOptions {
  /** 0 picks a free port (tests); default 8080. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  dataDir: string;
  /** Else read from or generated into DATA_DIR/admin-token. */
  adminToken?: string;
  /** Base of share links; default http://HOST:PORT with the actual port. */
  publicUrl?: string;
  /** The built SPA; default dist/client in the repository. */
  staticDir?: string;
  /** Serve the build's `*.map` files (SERVE_SOURCE_MAPS); default false: 404. */
  serveSourceMaps?: boolean;
  /** METRICS_TOKEN: the bearer token for GET /metrics; unset: /metrics is off (404). */
  metricsToken?: string;
  /** Sockets per address and per board (sync/syncServer.ts, DEFAULT_CAPS). */
  socketCaps?: Partial<SocketCaps>;
  /** TRUSTED_PROXIES: peers whose X-Forwarded-For names the client (http/clientAddress.ts). */
  trustedProxies?: readonly string[];
  /** Origins besides PUBLIC_URL's whose pages may open the sync socket (http/origin.ts). */
  allowedOrigins?: readonly string[];
  /** Wrong admin tokens per address before 429 (default 10 a minute, then 5 minutes). */
  adminThrottle?: Partial<ThrottleOptions>;
  log?: Logger;
  /** A board without connections is stored and dropped from memory after this long (30 s). */
  idleUnloadMs?: number;
  /** A board's stored updates are merged into one after this many (500). */
  compactAfterUpdates?: number;
  /** Queued updates are committed after at most this long (50 ms; design.md allows 100). */
  flushDelayMs?: number;
  /** The board list's summary lags the document by at most this long (1 s). */
  summaryDelayMs?: number;
  /** Ping interval; a connection that missed the previous pong is dropped (30 s). */
  keepaliveMs?: number;
  limits?: Partial<ConnectionLimits>;
  /**
   * While the store cannot write (a full disk), updates are kept in memory up to this many bytes
   * (64 MiB); past it, editors that send changes are closed with CloseCode.cannotStore.
   */
  maxQueuedBytes?: number;
  /** Longest wait between two retries of a failing store write (5 s; the first is after 250 ms). */
  maxRetryDelayMs?: number;
  /** Another store than SQLite in dataDir (tests wrap it; PostgreSQL will plug in here). Closed with the server. */
  openStore?: (defaults: { dataDir: string; log: Logger; flushDelayMs: number; maxQueuedBytes: number; maxRetryDelayMs: number }) => BoardStore;
}

export interface RunningServer {
  /** http://host:port as bound (not PUBLIC_URL). */
  url: string;
  port: number;
  publicUrl: string;
  adminToken: string;
  /** Where the admin token came from, and its file (null: from the environment), for the start banner. */
  adminTokenSource: AdminTokenSource;
  adminTokenFile: string | null;
  stats(): { rooms: number; connections: number };
  /** Stop accepting, close sockets with 1012, store every board, close the store. Idempotent. */
  close(): Promise<void>;
}

function listen(server: http.Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? createLogger();
  const host = options.host ?? '127.0.0.1';
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  const admin = resolveAdminToken(dataDir, options.adminToken);
  // Never the token itself: the admin link is for the person at the terminal (main.ts), not the log.
  if (admin.source === 'generated') log.info('generated an admin token', { file: admin.file });
  const secret = loadTokenSecret(dataDir);
  const tokens = createBoardTokens(secret);
  // The sources are read at scrape time; the store, rooms and sync server exist by then.
  const metrics = createMetrics({
    connections: () => sync.stats().byCapability,
    openBoards: () => rooms.size,
    storeHealth: () => store.health(),
  });
  const storeOptions = {
    metrics: metrics.store,
    dataDir,
    log,
    flushDelayMs: options.flushDelayMs ?? DEFAULT_FLUSH_DELAY_MS,
    maxQueuedBytes: options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES,
    maxRetryDelayMs: options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS,
  };
  const store = options.openStore ? options.openStore(storeOptions) : openSqliteStore(storeOptions);
  const leader = createLeaderToken(secret, await store.leaderGeneration());
  const rooms = new RoomRegistry(store, log, {
    compactAfterUpdates: options.compactAfterUpdates ?? 500,
    summaryDelayMs: options.summaryDelayMs ?? 1000,
    idleUnloadMs: options.idleUnloadMs ?? 30_000,
  }, metrics.sync);

  // Hidden ideas of a silent brainstorm: a table next to the boards, never in a document (issue 4).
  const drafts = openDraftStore(dataDir);

  // Wrong admin tokens per client address, for every route that takes the admin token.
  const adminThrottle = new AttemptThrottle(options.adminThrottle);
  let publicUrl = options.publicUrl?.replace(/\/+$/, '') ?? '';
  const sync = createSyncServer({ store, tokens, rooms, log, keepaliveMs: options.keepaliveMs ?? 30_000, limits: options.limits, caps: options.socketCaps, metrics: metrics.sync });
  const boards = createBoardService({ store, tokens, rooms, log, publicUrl: () => publicUrl, sync, drafts });
  const router = createRouter({
    api: createApi({
      boards,
      adminToken: admin.token,
      throttle: adminThrottle,
      store,
      leader,
      publicUrl: () => publicUrl,
      routes: [createGoalExport({ tokens, store, rooms, log }), createActionExport({ tokens, store, rooms, log }), createBoardExport({ tokens, store, rooms, log, adminToken: admin.token, throttle: adminThrottle }), createDraftsApi({ drafts, tokens, store, rooms, log })],
    }),
    serveStatic: createStaticFiles(options.staticDir ?? path.join(REPO_ROOT, 'dist/client'), { publicUrl: () => publicUrl, serveSourceMaps: options.serveSourceMaps }),
    log,
    publicUrl: () => publicUrl,
    storeHealth: () => store.health(),
    serveMetrics: createMetricsRoute({ metrics, token: options.metricsToken }),
    answered: metrics.httpAnswered,
  });

  const trustedProxies = new Set(options.trustedProxies ?? []);
  const server = http.createServer((req, res) => {
    resolveClientAddress(req, trustedProxies);
    router(req, res);
  });
  const originPolicy = { publicUrl: () => publicUrl, configured: Boolean(options.publicUrl), allowedOrigins: options.allowedOrigins ?? [] };
  server.on('upgrade', (req, socket, head) => {
    resolveClientAddress(req, trustedProxies);
    if (!originAllowed(req.headers.origin, originPolicy)) {
      log.warn('sync upgrade refused: origin not allowed', { origin: String(req.headers.origin).slice(0, 200) });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThis page may not open the board (its origin is not PUBLIC_URL or in ALLOWED_ORIGINS).\n');
      return;
    }
    try {
      sync.handleUpgrade(req, socket, head);
    } catch (error) {
      log.error('upgrade failed', { error });
      socket.destroy();
    }
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  let address: AddressInfo;
  try {
    address = await listen(server, options.port ?? 8080, host);
  } catch (error) {
    drafts.close();
    await store.close();
    throw error;
  }
  const url = `http://${urlHost(host)}:${address.port}`;
  if (!publicUrl) publicUrl = url;
  log.info('Måltavle is listening', { url, port: address.port, publicUrl });

  let closing: Promise<void> | null = null;
  async function shutdown(): Promise<void> {
    const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await sync.close();
    await rooms.closeAll();
    drafts.close();
    await store.close();
    // Requests still in flight get a moment; then their sockets go.
    const timer = setTimeout(() => server.closeAllConnections(), 2000);
    await httpClosed;
    clearTimeout(timer);
    log.info('stopped; everything is stored');
  }

  return {
    url,
    port: address.port,
    publicUrl,
    adminToken: admin.token,
    adminTokenSource: admin.source,
    adminTokenFile: admin.file,
    stats: () => ({ rooms: rooms.size, connections: sync.stats().connections }),
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}

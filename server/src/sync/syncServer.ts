// The /sync WebSocket endpoint: accepts the upgrade, decides who may use which board (close
// codes 4401/4403/4404 with no document data), and keeps connections alive or drops dead ones.

import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { BOARD_ID_PATTERN, CloseCode, MAX_MESSAGE_BYTES, SAVE_STATE_PARAM, SYNC_PATH, type Capability } from '../../../shared/protocol';
import type { Logger } from '../log';
import { noMetrics, type SyncMetrics } from '../metrics';
import type { BoardStore } from '../storage/store';
import type { BoardTokens } from '../auth/boardTokens';
import { Connection, type ConnectionLimits } from './connection';
import { clientAddress, isLoopback } from '../http/clientAddress';
import type { RoomRegistry } from './rooms';

export const DEFAULT_LIMITS: ConnectionLimits = {
  burstMessages: 1000,
  messagesPerSecond: 200,
  burstBytes: 4 * MAX_MESSAGE_BYTES,
  bytesPerSecond: MAX_MESSAGE_BYTES,
  maxHeldBytes: 4 * MAX_MESSAGE_BYTES,
  maxBufferedBytes: 32 * 1024 * 1024,
};

/**
 * How many sockets one address and one board may hold (issue 8: no cap let one client open
 * thousands). Loopback is not capped per address: behind a reverse proxy on the same machine
 * every socket comes from it, and the proxy caps per client (deploy/, `limit_conn`). A board's
 * cap is far above a team with its wall screens and leaders.
 */
export interface SocketCaps {
  perAddress: number;
  perBoard: number;
  /** Loopback addresses are not capped per address (a proxy on the same machine). */
  exemptLoopback: boolean;
}

export const DEFAULT_CAPS: SocketCaps = { perAddress: 200, perBoard: 300, exemptLoopback: true };

/** Counts per key, for the caps. */
class Tally {
  private readonly counts = new Map<string, number>();
  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  add(key: string): void {
    this.counts.set(key, this.count(key) + 1);
  }
  remove(key: string): void {
    const left = this.count(key) - 1;
    if (left > 0) this.counts.set(key, left);
    else this.counts.delete(key);
  }
}

export interface SyncServerDeps {
  store: BoardStore;
  tokens: BoardTokens;
  rooms: RoomRegistry;
  log: Logger;
  keepaliveMs: number;
  limits?: Partial<ConnectionLimits>;
  caps?: Partial<SocketCaps>;
  metrics?: SyncMetrics;
}

const SYNC_PREFIX = `${SYNC_PATH}/`;

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  const body = JSON.stringify({ error: text });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function createSyncServer(deps: SyncServerDeps) {
  const { store, tokens, rooms, log } = deps;
  const metrics = deps.metrics ?? noMetrics;
  const limits: ConnectionLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  // perMessageDeflate stays off (the ws default): Yjs updates are small and compress poorly,
  // and deflate costs CPU and memory per connection.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const caps: SocketCaps = { ...DEFAULT_CAPS, ...deps.caps };
  const connections = new Set<Connection>();
  const perAddress = new Tally();
  const perBoard = new Tally();
  let shuttingDown = false;

  const keepalive = setInterval(() => {
    for (const conn of connections) {
      if (!conn.alive) {
        log.info('dropping a connection that stopped answering pings', { conn: conn.id, boardId: conn.boardId });
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      try {
        conn.ws.ping();
      } catch {
        conn.ws.terminate();
      }
    }
  }, deps.keepaliveMs);
  keepalive.unref();

  /** Accepted, then closed at once: a browser can read a close code, not a refused upgrade's status. */
  function refuse(conn: Connection, code: number, reason: string): void {
    log.info('connection refused', { conn: conn.id, boardId: conn.boardId, remote: conn.remote, code, reason });
    metrics.connectionRefused(code);
    conn.close(code, reason);
  }

  async function authorise(conn: Connection, token: string | null): Promise<void> {
    const { boardId } = conn;
    // The board first: an unknown board is 4404 whatever the token. Ids are random (16 of 36
    // characters), so saying that one does not exist gives nothing away.
    const record = BOARD_ID_PATTERN.test(boardId) ? await store.getBoardRecord(boardId) : null;
    if (!record) {
      refuse(conn, CloseCode.unknownBoard, 'unknown board');
      return;
    }
    if (!conn.isOpen) return;
    const check = tokens.check(token, boardId, record.generations);
    if (check.kind === 'bad') {
      refuse(conn, CloseCode.badToken, token ? 'invalid token' : 'missing token');
      return;
    }
    if (check.kind === 'foreign') {
      refuse(conn, CloseCode.foreignToken, 'token of another board');
      return;
    }
    if (check.kind === 'replaced') {
      refuse(conn, CloseCode.linkReplaced, 'link replaced');
      return;
    }
    // Past the board's cap: "try again later" (y-websocket retries with its backoff).
    if (perBoard.count(boardId) >= caps.perBoard) {
      refuse(conn, CloseCode.tooManySockets, 'too many connections to this board');
      return;
    }
    perBoard.add(boardId);
    conn.onClose(() => perBoard.remove(boardId));
    conn.join(check.capability, rooms.acquire(boardId));
  }

  function onConnection(ws: WebSocket, rawBoardId: string, token: string | null, remote: string, wantsSaveState: boolean): void {
    let boardId: string;
    try {
      boardId = decodeURIComponent(rawBoardId);
    } catch {
      boardId = rawBoardId;
    }
    const conn = new Connection(ws, boardId, remote, log, limits, metrics);
    conn.wantsSaveState = wantsSaveState;
    connections.add(conn);
    conn.onClose(() => connections.delete(conn));
    const capped = !(caps.exemptLoopback && isLoopback(remote));
    if (capped) {
      perAddress.add(remote);
      conn.onClose(() => perAddress.remove(remote));
      if (perAddress.count(remote) > caps.perAddress) {
        refuse(conn, CloseCode.tooManySockets, 'too many connections from this address');
        return;
      }
    }
    authorise(conn, token).catch((error) => {
      log.error('could not authorise a connection', { conn: conn.id, boardId, error });
      conn.close(1011, 'internal error');
    });
  }

  return {
    handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
      socket.on('error', () => socket.destroy());
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://localhost');
      } catch {
        rejectUpgrade(socket, 400, 'Bad Request');
        return;
      }
      if (!url.pathname.startsWith(SYNC_PREFIX) || url.pathname.length === SYNC_PREFIX.length || url.pathname.indexOf('/', SYNC_PREFIX.length) !== -1) {
        rejectUpgrade(socket, 404, 'Not Found');
        return;
      }
      if (shuttingDown) {
        rejectUpgrade(socket, 503, 'Service Unavailable');
        return;
      }
      const rawBoardId = url.pathname.slice(SYNC_PREFIX.length);
      const token = url.searchParams.get('token');
      const remote = clientAddress(req);
      const wantsSaveState = url.searchParams.get(SAVE_STATE_PARAM) === '1';
      wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, rawBoardId, token, remote, wantsSaveState));
    },

    stats() {
      const byCapability = { edit: 0, view: 0 };
      for (const conn of connections) byCapability[conn.capability]++;
      return { connections: connections.size, byCapability };
    },

    /**
     * Close a board's connections at once: those of one capability (its link was replaced) or
     * all of them (the board was deleted). Resolves the number closed.
     */
    disconnect(boardId: string, which: Capability | 'all', code: number, reason: string): number {
      let closed = 0;
      for (const conn of connections) {
        if (conn.boardId !== boardId || !conn.isOpen || (which !== 'all' && conn.capability !== which)) continue;
        conn.close(code, reason);
        closed++;
      }
      if (closed > 0) log.info('closed connections of a board', { boardId, which, code, reason, closed });
      return closed;
    },

    /** Close every connection with 1012 (clients reconnect) and wait briefly for the goodbyes. */
    async close(graceMs = 1000): Promise<void> {
      shuttingDown = true;
      clearInterval(keepalive);
      const open = [...connections];
      // Everything in `connections` is still open: a connection leaves the set when it closes.
      const closed = Promise.all(open.map((conn) => new Promise<void>((resolve) => conn.onClose(resolve))));
      for (const conn of open) conn.close(CloseCode.serviceRestart, 'server restarting');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      for (const conn of connections) conn.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

export type SyncServer = ReturnType<typeof createSyncServer>;

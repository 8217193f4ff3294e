// Shared helpers for the integration tests: a real server (in this process, or as a child
// process when a test must kill it), boards made through the REST API, real y-websocket clients
// and raw WebSocket clients, and waitFor instead of sleeps.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import Database from 'better-sqlite3';
import { startServer, type RunningServer, type StartOptions } from '../../server/src/server';
import { createLogger } from '../../server/src/log';
import { readBoard, type Board } from '../../shared/schema';
import { SYNC_PATH } from '../../shared/protocol';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ADMIN_TOKEN = 'integration-admin-token-4f9c2a';

export type LogEntry = { level: string; msg: string } & Record<string, unknown>;

const tempDirs: string[] = [];
// Registered when a test file imports the harness, so it runs after that file's own afterAll
// hooks (vitest runs them last-registered first), once its servers are closed.
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maaltavle-it-'));
  tempDirs.push(dir);
  return dir;
}

// ---------------------------------------------------------------- waiting

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  { timeout = 5000, interval = 15, what = 'condition' }: { timeout?: number; interval?: number; what?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Only for "nothing happens" checks, where there is no event to wait for. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- servers

export interface TestServer extends RunningServer {
  dataDir: string;
  logs: LogEntry[];
  /** ws://host:port/sync */
  syncUrl: string;
  options: StartOptions;
}

/** The real server in this process, with its log lines captured (not printed). */
export async function startTestServer(options: Partial<StartOptions> = {}): Promise<TestServer> {
  const logs: LogEntry[] = [];
  const { log, ...rest } = options;
  const full: StartOptions = {
    port: 0,
    host: '127.0.0.1',
    adminToken: ADMIN_TOKEN,
    ...rest,
    dataDir: options.dataDir ?? tempDataDir(),
    log: log ?? createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as LogEntry) }),
  };
  const running = await startServer(full);
  return Object.assign(running, { dataDir: full.dataDir, logs, syncUrl: running.url.replace(/^http/, 'ws') + SYNC_PATH, options: full });
}

/** Same data directory, new process-level server (after close()). */
export function restartTestServer(previous: TestServer, options: Partial<StartOptions> = {}): Promise<TestServer> {
  const { log: _previousLog, ...previousOptions } = previous.options;
  return startTestServer({ ...previousOptions, ...options, dataDir: previous.dataDir });
}

export interface ChildServer {
  child: ChildProcess;
  port: number;
  url: string;
  syncUrl: string;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `node --import tsx server/src/main.ts` as a child process (one process, so kill -9 hits the server). */
export async function spawnServer({ dataDir, port = 0, env = {} }: { dataDir: string; port?: number; env?: Record<string, string> }): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN, LOG_LEVEL: 'info', DATABASE_URL: '', REDIS_URL: '', PUBLIC_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffered = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const listening = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        lines.push(line);
        try {
          const entry = JSON.parse(line) as LogEntry;
          if (entry.msg === 'Måltavle is listening') resolve(entry.port as number);
        } catch {
          // not a log line
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    void exited.then(({ code, signal }) => reject(new Error(`server exited before listening (code ${code}, signal ${signal}):\n${lines.join('\n')}`)));
  });
  const actualPort = await listening;
  const url = `http://127.0.0.1:${actualPort}`;
  return { child, port: actualPort, url, syncUrl: `ws://127.0.0.1:${actualPort}${SYNC_PATH}`, lines, exited };
}

// ---------------------------------------------------------------- REST

export interface CreatedBoard {
  id: string;
  title: string;
  tokens: { edit: string; view: string };
  links: { edit: string; view: string };
}

export async function createBoard(baseUrl: string, title = 'Digital post', adminToken = ADMIN_TOKEN): Promise<CreatedBoard> {
  const response = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) throw new Error(`createBoard: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedBoard;
}

// ---------------------------------------------------------------- clients

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The board as it was inside the first 'sync' event, i.e. what the first sync delivered. */
  firstSync: Promise<Board>;
  /** Resolves when the server refuses the link for good (close code 4400–4499). */
  closed: Promise<{ code: number; reason: string }>;
  /** Close codes of every connection this client lost. */
  closeCodes: number[];
  board(): Board;
  destroy(): void;
}

/** A real y-websocket client, as the browser uses it (BroadcastChannel off: it would sync in-process and bypass the server). */
export function connectClient(syncUrl: string, boardId: string, token: string | undefined): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, boardId, doc, {
    params: token === undefined ? {} : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  const firstSync = new Promise<Board>((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      provider.off('sync', onSync);
      resolve(readBoard(doc));
    };
    provider.on('sync', onSync);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => provider.on('closed', (event) => resolve(event)));
  return {
    doc,
    provider,
    firstSync,
    closed,
    closeCodes,
    board: () => readBoard(doc),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export interface RawClient {
  ws: WebSocket;
  received: Buffer[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
}

/** A bare WebSocket that records what the server sends; for frames no real client would send. */
export function rawClient(syncUrl: string, boardId: string, token?: string): RawClient {
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(`${syncUrl}/${boardId}${query}`);
  const received: Buffer[] = [];
  ws.on('message', (data: Buffer) => received.push(data));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return { ws, received, opened, closed };
}

// ---------------------------------------------------------------- the store, read directly

export function storedRows(dataDir: string, boardId: string): { rows: number; bytes: number } {
  const db = new Database(path.join(dataDir, 'maaltavle.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT COUNT(*) AS rows, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM updates WHERE board_id = ?').get(boardId) as { rows: number; bytes: number };
    return row;
  } finally {
    db.close();
  }
}

export function withDatabase<T>(dataDir: string, use: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'maaltavle.sqlite'), { fileMustExist: true });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** Runs `body`, then destroys every client it registered; keeps tests free of stray sockets. */
export function clientPool() {
  const clients: { destroy(): void }[] = [];
  return {
    add<T extends { destroy(): void }>(client: T): T {
      clients.push(client);
      return client;
    },
    destroyAll() {
      for (const client of clients.splice(0)) {
        try {
          client.destroy();
        } catch {
          // already gone
        }
      }
    },
  };
}

/**
 * One real server for a whole test file, started before its tests and closed after them with
 * every client the file put in `pool`. `server` is filled in when the file's tests start.
 */
export function serverForFile(options: Partial<StartOptions> = {}): { server: TestServer; pool: ReturnType<typeof clientPool> } {
  const server = {} as TestServer;
  const pool = clientPool();
  beforeAll(async () => {
    Object.assign(server, await startTestServer(options));
  });
  afterAll(async () => {
    pool.destroyAll();
    await server.close();
  });
  return { server, pool };
}

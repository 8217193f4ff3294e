// Issue 8.1: DATA_DIR on a file system that fills up. A real tmpfs (root mounts it; this test is
// never skipped), a real server writing SQLite onto it, a filler file that takes the last byte,
// and real y-websocket clients. While full: the server stays up, keeps what it cannot write in
// memory (bounded; past the bound editors are closed with 1013 and their edit is not applied),
// /readyz is 503 with the reason, clients are told "not saved". Once the filler is gone: the
// queue is written in order, /readyz is 200, clients are told "saved", and every edit is stored.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import Database from 'better-sqlite3';
import { addIdea, readBoard } from '../../shared/schema';
import { CloseCode, MessageType, SAVE_STATE_PARAM, SaveState } from '../../shared/protocol';
import { DRAFT_KEY_HEADER } from '../../shared/domain/drafts';
import { createLogger } from '../../server/src/log';
import { SQLITE_FILE, openSqliteStore } from '../../server/src/storage/sqlite';
import {
  clientPool,
  connectClient,
  createBoard,
  sleep,
  spawnServer,
  startTestServer,
  waitFor,
  type ChildServer,
  type LogEntry,
  type TestServer,
} from './harness';

const MOUNT = path.join(os.tmpdir(), `maaltavle-full-disk-${process.pid}`);
const pool = clientPool();
const servers: TestServer[] = [];
const children: ChildServer[] = [];
let mounted = false;

beforeAll(() => {
  fs.mkdirSync(MOUNT, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m,mode=0700', 'tmpfs', MOUNT], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    throw new Error(
      `This test needs a small tmpfs to fill up and could not mount one at ${MOUNT} ` +
        `(run it as root, as CI does; it is never skipped): ${(error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message}`,
    );
  }
});
afterAll(async () => {
  try {
    pool.destroyAll();
    for (const child of children) child.child.kill('SIGKILL');
    await Promise.all([...servers.map((server) => server.close().catch(() => {})), ...children.map((child) => child.exited)]);
  } finally {
    if (mounted) {
      try {
        execFileSync('umount', [MOUNT], { stdio: 'pipe' });
      } catch {
        execFileSync('umount', ['-l', MOUNT], { stdio: 'pipe' });
      }
    }
    fs.rmSync(MOUNT, { recursive: true, force: true });
  }
});

/** A fresh directory on the tmpfs. */
function dirOnDisk(name: string): string {
  const dir = path.join(MOUNT, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Take every free byte of the tmpfs with one file; returns how to give the space back. */
function fillDisk(): () => void {
  const file = path.join(MOUNT, 'filler');
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(1 << 20, 0x5a);
  let size = chunk.length;
  try {
    while (size >= 512) {
      try {
        fs.writeSync(fd, chunk, 0, size);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
        size >>= 1;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  expect(fs.statfsSync(MOUNT).bavail).toBe(0);
  return () => fs.rmSync(file, { force: true });
}

/** Every idea text in a board's stored rows, read straight from the SQLite file. */
function storedIdeaTexts(dataDir: string, boardId: string): string[] {
  const db = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true, fileMustExist: true });
  try {
    const doc = new Y.Doc();
    const rows = db.prepare('SELECT data FROM updates WHERE board_id = ? ORDER BY seq').all(boardId) as { data: Buffer }[];
    for (const row of rows) Y.applyUpdate(doc, row.data);
    return readBoard(doc).ideas.map((idea) => idea.text).sort();
  } finally {
    db.close();
  }
}

const texts = (doc: Y.Doc) => readBoard(doc).ideas.map((idea) => idea.text).sort();
const sameSet = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const idea = (doc: Y.Doc, text: string) => addIdea(doc, { text, author: 'Tester', color: 'yellow' });
/** About 1 kB of update per idea, so the bound is reached after a few. */
const longText = (label: string) => `${label} ${'x'.repeat(1000)}`;

async function readyz(url: string): Promise<{ status: number; body: { ready: boolean; reason?: string } }> {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as { ready: boolean; reason?: string } };
}

/** A y-websocket client that asks for save-state frames, as the browser client does. */
function saveStateClient(syncUrl: string, boardId: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, boardId, doc, {
    params: { token, [SAVE_STATE_PARAM]: '1' },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const states: number[] = [];
  provider.messageHandlers[MessageType.saveState] = (_encoder, decoder) => {
    states.push(decoding.readVarUint(decoder));
  };
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  const client = {
    doc,
    provider,
    states,
    closeCodes,
    saved: () => states.at(-1) === SaveState.saved,
    notSaved: () => states.at(-1) === SaveState.notSaved,
    online: () => provider.wsconnected && provider.synced,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  return pool.add(client);
}

test('the store keeps what it cannot write in memory, retries quietly, refuses past its bound and writes it all in order when space returns', async () => {
  const dataDir = dirOnDisk('store');
  const logs: LogEntry[] = [];
  const log = createLogger({ level: 'debug', write: (line) => logs.push(JSON.parse(line) as LogEntry) });
  const store = openSqliteStore({ dataDir, log, flushDelayMs: 10, maxQueuedBytes: 8000, maxRetryDelayMs: 100 });
  const changes: { writable: boolean; accepting: boolean }[] = [];
  store.onHealthChange(({ writable, accepting }) => changes.push({ writable, accepting }));
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => store.appendUpdate('b1', update));
  const day = '2026-12-02';
  const summary = { goals: 0, underTarget: 0, ideas: 0, actions: { todo: 0, doing: 0, done: 0 }, overdue: 0 } as never;
  await store.createBoard({ id: 'b1', title: 'Før', createdAt: new Date().toISOString(), state: Y.encodeStateAsUpdate(doc), summary, summaryDate: day });
  idea(doc, 'stored before');
  await store.flush();

  const freeSpace = fillDisk();
  try {
    for (let i = 0; i < 4; i++) idea(doc, longText(`kept ${i}`));
    await waitFor(() => !store.health().writable, { what: 'the first failed write' });
    const failing = store.health();
    expect(failing.lastError?.code).toBe('SQLITE_FULL');
    expect(failing.failingSince).not.toBeNull();
    expect(failing.queuedUpdates).toBe(4);
    expect(failing.accepting).toBe(true);
    await expect(store.flush()).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    // A compaction waits and a summary is kept for later; neither throws.
    expect(await store.compact('b1', Y.encodeStateAsUpdate(doc))).toBe(false);
    await store.saveSummary('b1', { title: 'Efter', summary, summaryDate: day, updatedAt: new Date().toISOString() });
    // What is not written is still part of the board.
    const loaded = new Y.Doc();
    for (const { data } of await store.loadUpdates('b1')) Y.applyUpdate(loaded, data);
    expect(texts(loaded)).toEqual(texts(doc));

    for (let i = 4; i < 10; i++) idea(doc, longText(`kept ${i}`));
    expect(store.health().accepting).toBe(false);
    await sleep(600); // several retries at ≤ 100 ms
  } finally {
    freeSpace();
  }
  await waitFor(() => store.health().writable && store.health().accepting, { what: 'the store to write again' });
  expect(store.health().queuedUpdates).toBe(0);
  expect(changes).toEqual([
    { writable: false, accepting: true },
    { writable: false, accepting: false },
    { writable: true, accepting: true },
  ]);
  // One line when it starts failing, one when it recovers; none per retry.
  expect(logs.filter((entry) => entry.msg.startsWith('the store cannot write')).map((entry) => (entry.code as string))).toEqual(['SQLITE_FULL']);
  expect(logs.filter((entry) => entry.msg.startsWith('the store writes again'))).toHaveLength(1);
  await store.close();

  expect(storedIdeaTexts(dataDir, 'b1')).toEqual(texts(doc));
  const db = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true });
  expect((db.prepare('SELECT title FROM boards WHERE id = ?').get('b1') as { title: string }).title).toBe('Efter');
  db.close();
});

test('the server process stays up on a full disk, says why on /readyz, answers JSON errors, and stores every edit once space returns', async () => {
  const dataDir = dirOnDisk('process');
  const first = await spawnServer({ dataDir });
  children.push(first);
  const board = await createBoard(first.url);
  const writer = pool.add(connectClient(first.syncUrl, board.id, board.tokens.edit));
  const watcher = pool.add(connectClient(first.syncUrl, board.id, board.tokens.edit));
  await Promise.all([writer.firstSync, watcher.firstSync]);
  expect(await readyz(first.url)).toEqual({ status: 200, body: { ready: true } });

  const freeSpace = fillDisk();
  const written: string[] = [];
  try {
    for (let i = 0; (await readyz(first.url)).status === 200; i++) {
      if (i > 200) throw new Error('the store never failed on a full disk');
      written.push(`while full ${i}`);
      idea(writer.doc, written.at(-1)!);
      await sleep(30);
    }
    // The old server died about a second after the first failed write; give it three.
    await sleep(3000);
    for (let i = 0; i < 5; i++) {
      written.push(`still full ${i}`);
      idea(writer.doc, written.at(-1)!);
    }
    await waitFor(() => sameSet(texts(watcher.doc), written), { what: 'the watcher to see every edit made on the full disk' });
    expect(first.child.exitCode).toBeNull();
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    const notReady = await readyz(first.url);
    expect(notReady.status).toBe(503);
    expect(notReady.body.ready).toBe(false);
    expect(notReady.body.reason).toMatch(/SQLITE_FULL/);

    // Another write on the full disk: a clear JSON error, not a crash and not a 500.
    const draft = await fetch(`${first.url}/api/boards/${board.id}/drafts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.tokens.edit}`, 'Content-Type': 'application/json', [DRAFT_KEY_HEADER]: 'k'.repeat(32) },
      body: JSON.stringify({ text: 'hemmelig', author: 'Tester', participantId: 'p1' }),
    });
    expect(draft.status).toBe(507);
    expect(((await draft.json()) as { error: string }).error).toMatch(/disk is full/);
  } finally {
    freeSpace();
  }

  await waitFor(async () => (await readyz(first.url)).status === 200, { timeout: 10_000, what: '/readyz to be 200 again' });
  const failedLines = first.lines.filter((line) => line.includes('the store cannot write'));
  expect(failedLines).toHaveLength(1);
  expect(failedLines[0]).toContain('SQLITE_FULL');
  expect(first.lines.filter((line) => line.includes('the store writes again'))).toHaveLength(1);

  // Written, not merely held: after kill -9, a client with no history gets every edit.
  await sleep(150);
  first.child.kill('SIGKILL');
  await first.exited;
  pool.destroyAll();
  expect(storedIdeaTexts(dataDir, board.id)).toEqual([...written].sort());
  const second = await spawnServer({ dataDir });
  children.push(second);
  const fresh = pool.add(connectClient(second.syncUrl, board.id, board.tokens.view));
  expect((await fresh.firstSync).ideas.map((i) => i.text).sort()).toEqual([...written].sort());
});

test('clients hear "not saved", an editor past the bound is closed with 1013 and reconnects, and nothing is lost once space returns', async () => {
  const server = await startTestServer({ dataDir: dirOnDisk('bound'), maxQueuedBytes: 6000, maxRetryDelayMs: 200, summaryDelayMs: 100, compactAfterUpdates: 8 });
  servers.push(server);
  const board = await createBoard(server.url);
  const editor = saveStateClient(server.syncUrl, board.id, board.tokens.edit);
  const other = saveStateClient(server.syncUrl, board.id, board.tokens.edit);
  const wall = saveStateClient(server.syncUrl, board.id, board.tokens.view);
  await waitFor(() => [editor, other, wall].every((c) => c.online() && c.saved()), { what: 'every client to be synced and hear "saved"' });
  idea(editor.doc, 'before the disk filled');
  await waitFor(() => texts(other.doc).length === 1, { what: 'the first idea to reach the other editor' });

  const freeSpace = fillDisk();
  const mine = ['before the disk filled'];
  try {
    mine.push(longText('queued 0'));
    idea(editor.doc, mine.at(-1)!);
    await waitFor(() => [editor, other, wall].every((c) => c.notSaved()), { what: 'every client to hear "not saved"' });
    const notReady = await readyz(server.url);
    expect(notReady.status).toBe(503);
    expect(notReady.body.reason).toMatch(/SQLITE_FULL/);

    // Write until the server refuses: the editor is closed with 1013, the others stay.
    for (let i = 1; !editor.closeCodes.includes(CloseCode.cannotStore); i++) {
      if (i > 50) throw new Error(`the server never refused an edit past its bound; its last log lines: ${JSON.stringify(server.logs.slice(-5))}`);
      mine.push(longText(`queued ${i}`));
      idea(editor.doc, mine.at(-1)!);
      await sleep(40);
    }
    const refused = mine.at(-1)!;
    expect(server.logs.some((entry) => entry.msg === 'the store queue is full; refusing document updates until the store can write')).toBe(true);
    // Not applied: the other editor and the wall never get the refused idea, while the editor keeps it.
    await sleep(300);
    expect(texts(other.doc)).not.toContain(refused);
    expect(texts(wall.doc)).toEqual(texts(other.doc));
    expect(texts(editor.doc)).toContain(refused);
    expect(other.closeCodes).toEqual([]);
    expect(wall.closeCodes).toEqual([]);

    // The editor reconnects by itself and sees the board, still "not saved"; a later edit of its
    // own waits in its document too.
    await waitFor(() => editor.online() && editor.notSaved(), { what: 'the closed editor to reconnect' });
    mine.push('written while refused');
    idea(editor.doc, mine.at(-1)!);
    await sleep(300);
    expect(texts(other.doc)).not.toContain('written while refused');
    expect(server.stats().rooms).toBe(1);
  } finally {
    freeSpace();
  }

  await waitFor(() => [editor, other, wall].every((c) => c.saved()), { timeout: 10_000, what: 'every client to hear "saved" again' });
  expect((await readyz(server.url)).status).toBe(200);
  await waitFor(() => sameSet(texts(other.doc), mine) && sameSet(texts(wall.doc), mine) && sameSet(texts(editor.doc), mine), {
    timeout: 10_000,
    what: 'every client to hold every idea, the refused ones included',
  });
  await waitFor(() => sameSet(storedIdeaTexts(server.dataDir, board.id), mine), { what: 'every idea to be stored' });
  expect(server.logs.some((entry) => entry.msg === 'the store accepts document updates again')).toBe(true);
});

test('a board compacted, summarised and unloaded on a full disk opens again with every edit, and all of it is stored once space returns', async () => {
  const server = await startTestServer({ dataDir: dirOnDisk('unload'), compactAfterUpdates: 3, summaryDelayMs: 50, idleUnloadMs: 200, maxRetryDelayMs: 200 });
  servers.push(server);
  const board = await createBoard(server.url);
  const editor = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await editor.firstSync;

  const freeSpace = fillDisk();
  const all: string[] = [];
  try {
    for (let i = 0; i < 8; i++) {
      all.push(`idea ${i}`);
      idea(editor.doc, all.at(-1)!);
      await sleep(20);
    }
    await waitFor(async () => (await readyz(server.url)).status === 503, { what: 'the store to fail' });
    editor.destroy();
    await waitFor(() => server.logs.some((entry) => entry.msg === 'unloaded idle board'), { what: 'the idle board to be unloaded' });
    expect(server.stats().rooms).toBe(0);

    // Loaded again from what is stored plus what is only in memory.
    const reader = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
    expect((await reader.firstSync).ideas.map((i) => i.text).sort()).toEqual([...all].sort());
    reader.destroy();
    const errors = server.logs.filter((entry) => entry.level === 'error').map((entry) => entry.msg);
    expect(errors).toEqual(['the store cannot write; keeping updates in memory and retrying']);
  } finally {
    freeSpace();
  }

  await waitFor(async () => (await readyz(server.url)).status === 200, { timeout: 10_000, what: '/readyz to be 200 again' });
  await waitFor(() => server.stats().rooms === 0, { what: 'the board to be unloaded again' });
  expect(storedIdeaTexts(server.dataDir, board.id)).toEqual([...all].sort());
  const db = new Database(path.join(server.dataDir, SQLITE_FILE), { readonly: true });
  const row = db.prepare('SELECT summary_json FROM boards WHERE id = ?').get(board.id) as { summary_json: string };
  db.close();
  expect((JSON.parse(row.summary_json) as { ideas: number }).ideas).toBe(all.length);
});

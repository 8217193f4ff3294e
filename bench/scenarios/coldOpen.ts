// Cold open: a board gets N small edits through real clients (sessions of up to 800 edits, each
// a new connection, as months of meetings would; one observer stays connected and tells when
// the server has relayed the last edit). The server is then stopped (SIGTERM once every client
// left and the data files are still, SIGTERM right away, SIGTERM 1.5 s later, or kill -9), the observer goes, the server is started again on the same
// data, and one fresh client measures the time to its first 'sync' and how many of the N items
// it holds at that moment, then how long until it holds all of them (bounded wait).
// After that the server is stopped cleanly and its files are measured against the encoded state.

import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import { connectClient, createBoard, sleep, withTimeout, type BoardHandle } from '../lib/clients';
import { directoryBytes, forgetTempDir, isOurs, makeTempDir, startServer, type ServerProcess, type Target } from '../lib/servers';

export interface ColdVariant {
  id: string;
  title: string;
  signal: NodeJS.Signals;
  /** Wait after the observer saw the last edit, before the signal. */
  delayMs: number;
  /** Every client leaves before that wait (the board is idle when the server stops). */
  disconnectFirst?: boolean;
  /** Then also wait (at most 30 s) until the data directory has not changed for 2 s. */
  untilStored?: boolean;
  targets: Target[];
}

export const COLD_VARIANTS: ColdVariant[] = [
  // The common case, and the one the disk figure is taken from: everyone has left the board and
  // every server has stored what it is going to store (bounded wait), then a clean stop.
  { id: 'idle', title: 'SIGTERM once every client has left and the data files have not changed for 2 s', signal: 'SIGTERM', delayMs: 1000, disconnectFirst: true, untilStored: true, targets: ['ours', 'ours-bundled', 'reference', 'hocuspocus'] },
  { id: 'sigterm', title: 'SIGTERM right after the last edit', signal: 'SIGTERM', delayMs: 0, targets: ['ours', 'ours-bundled', 'reference', 'hocuspocus'] },
  { id: 'sigterm-1.5s', title: 'SIGTERM 1.5 s after the last edit', signal: 'SIGTERM', delayMs: 1500, targets: ['ours', 'ours-bundled', 'reference', 'hocuspocus'] },
  // Stricter than kill -9 at 1.5 s: the design promises durability within 100 ms of an update.
  { id: 'kill9-0.25s', title: 'kill -9 0.25 s after the last edit', signal: 'SIGKILL', delayMs: 250, targets: ['ours', 'ours-bundled'] },
];

const EDITS_PER_SESSION = 800;

export interface ColdResult {
  target: Target;
  variant: string;
  ok: boolean;
  error?: string;
  edits: number;
  writeMs?: number;
  /** From the last edit (or the clients leaving) to the stop signal. */
  idleMs?: number;
  stop?: { code: number | null; signal: string | null; ms: number };
  /** From the fresh client's connect to its first sync. */
  firstSyncMs?: number;
  itemsAtFirstSync?: number;
  /** Ours only: how long the server took to load the board from its store (its 'loaded board' log line). */
  serverLoadMs?: number;
  /** From connect until it held all N items; undefined if it never did within the wait. */
  completeMs?: number;
  itemsAtEnd?: number;
  stateBytes?: number;
  /** Data files after a clean stop (ours: SQLite file + WAL; reference: LevelDB dir; Hocuspocus: SQLite file). */
  diskBytes?: number;
  /** Ours only: bytes of the board's rows in the updates table, and how many rows. */
  rowBytes?: number;
  rows?: number;
  loadavg?: number[];
}

function itemCount(doc: Y.Doc): number {
  return doc.getMap('items').size;
}

export async function runColdOpen(
  target: Target,
  variant: ColdVariant,
  edits: number,
  { completeWaitMs }: { completeWaitMs: number },
  log: (line: string) => void,
): Promise<ColdResult> {
  const result: ColdResult = { target, variant: variant.id, ok: false, edits, loadavg: os.loadavg() };
  const dataDir = makeTempDir(`${target}-cold`);
  let server: ServerProcess | null = null;
  const live: { destroy(): void }[] = [];
  const destroyLive = () => {
    for (const client of live.splice(0)) {
      try {
        client.destroy();
      } catch {
        // gone
      }
    }
  };
  try {
    server = await startServer(target, dataDir);
    const board: BoardHandle = await createBoard(server, 0, 'cold');

    // The observer counts items as they arrive (keys are only ever added, so no O(n) size calls).
    const observer = connectClient(target, server.port, board);
    live.push(observer);
    await withTimeout(observer.firstSync, 15_000, 'observer sync');
    let seen = 0;
    observer.doc.getMap('items').observe((event) => {
      seen += event.keysChanged.size;
    });

    const writeStarted = performance.now();
    for (let first = 0; first < edits; first += EDITS_PER_SESSION) {
      const last = Math.min(edits, first + EDITS_PER_SESSION);
      const writer = connectClient(target, server.port, board);
      live.push(writer);
      await withTimeout(writer.firstSync, 15_000, 'writer sync');
      const items = writer.doc.getMap<number>('items');
      for (let n = first; n < last; n++) items.set(String(n), n); // one transaction, one update each
      const deadline = performance.now() + 30_000;
      while (seen < last) {
        if (performance.now() > deadline) throw new Error(`the observer saw ${seen} of ${last} edits after 30 s`);
        await sleep(5);
      }
      live.splice(live.indexOf(writer), 1);
      writer.destroy();
    }
    result.writeMs = performance.now() - writeStarted;

    // Unless the variant says otherwise, the observer stays connected through the stop, as the
    // people at a meeting would.
    if (variant.disconnectFirst) destroyLive();
    const idleFrom = performance.now();
    await sleep(variant.delayMs);
    if (variant.untilStored) {
      let last = directoryBytes(dataDir);
      let lastChange = performance.now();
      while (performance.now() - lastChange < 2000 && performance.now() - idleFrom < 30_000) {
        await sleep(250);
        const now = directoryBytes(dataDir);
        if (now !== last) {
          last = now;
          lastChange = performance.now();
        }
      }
    }
    result.idleMs = performance.now() - idleFrom;
    const stop = await server.stop(variant.signal, 20_000);
    result.stop = { code: stop.code, signal: stop.signal, ms: stop.ms };
    destroyLive();

    server = await startServer(target, dataDir);
    const fresh = connectClient(target, server.port, board);
    const connectedAt = performance.now();
    live.push(fresh);
    let itemsAtFirstSync = -1;
    fresh.onFirstSync(() => {
      itemsAtFirstSync = itemCount(fresh.doc);
    });
    const syncedAt = await withTimeout(fresh.firstSync, 15_000, 'fresh client sync');
    result.firstSyncMs = syncedAt - connectedAt;
    result.itemsAtFirstSync = itemsAtFirstSync;
    const waitUntil = performance.now() + completeWaitMs;
    while (performance.now() < waitUntil) {
      if (itemCount(fresh.doc) >= edits) {
        result.completeMs = performance.now() - connectedAt;
        break;
      }
      await sleep(10);
    }
    if (itemsAtFirstSync >= edits) result.completeMs = result.firstSyncMs;
    result.itemsAtEnd = itemCount(fresh.doc);
    if (isOurs(target)) {
      for (const line of server.tail().split('\n')) {
        try {
          const entry = JSON.parse(line) as { msg?: string; boardId?: string; ms?: number };
          if (entry.msg === 'loaded board' && entry.boardId === board.name) result.serverLoadMs = entry.ms;
        } catch {
          // not a log line
        }
      }
    }
    result.stateBytes = Y.encodeStateAsUpdate(fresh.doc).byteLength;
    destroyLive();
    await sleep(200);

    // A clean stop (ours compacts and checkpoints the WAL; Hocuspocus stores), then the files.
    await server.stop('SIGTERM', 20_000);
    server = null;
    if (isOurs(target)) {
      result.diskBytes = directoryBytes(dataDir, (name) => name.startsWith('maaltavle.sqlite'));
      const db = new Database(path.join(dataDir, 'maaltavle.sqlite'), { readonly: true, fileMustExist: true });
      try {
        const row = db.prepare('SELECT COUNT(*) AS rows, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM updates WHERE board_id = ?').get(board.name) as { rows: number; bytes: number };
        result.rows = row.rows;
        result.rowBytes = row.bytes;
      } finally {
        db.close();
      }
    } else if (target === 'reference') {
      result.diskBytes = directoryBytes(path.join(dataDir, 'leveldb'));
    } else {
      result.diskBytes = directoryBytes(dataDir, (name) => name.startsWith('hocuspocus.sqlite'));
    }
    result.ok = true;
  } catch (error) {
    result.error = (error as Error).message.split('\n')[0];
    log(`    ERROR: ${(error as Error).message}`);
    if (server) log(server.tail().split('\n').slice(-10).map((line) => `      | ${line}`).join('\n'));
  } finally {
    destroyLive();
    if (server) await server.stop('SIGTERM', 20_000);
    forgetTempDir(dataDir);
  }
  return result;
}

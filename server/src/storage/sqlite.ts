// The embedded store: one SQLite file in DATA_DIR (better-sqlite3). WAL with synchronous=NORMAL
// survives a killed process (committed transactions are in the WAL file); only a power cut can
// lose the last commits. Updates are batched into one transaction per flush delay.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BoardSummary } from '../../../shared/domain/summary';
import type { Logger } from '../log';
import { noMetrics, type StoreMetrics } from '../metrics';
import type { BoardRecord, BoardStore, NewBoard, StoreHealth, StoredUpdate, SummaryRecord } from './store';

export const SQLITE_FILE = 'maaltavle.sqlite';

/** Longest an update waits in memory before it is committed (design.md: within 100 ms). */
export const DEFAULT_FLUSH_DELAY_MS = 50;

const SCHEMA_VERSION = 2;

interface BoardRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
  summary_json: string | null;
  summary_date: string | null;
  edit_generation: number;
  view_generation: number;
}

/** Each step takes the schema from its index to the next version, in one transaction. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    summary_json TEXT,
    summary_date TEXT
  );
  -- seq is the rowid: always larger than every row present, so it orders a board's updates.
  CREATE TABLE updates (
    seq INTEGER PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    data BLOB NOT NULL
  );
  CREATE INDEX updates_by_board ON updates (board_id, seq);
  `,
  // Issue 8: links that can be revoked. A rotated link gets the next generation; the workspace's
  // own settings (the leader link's generation) get a table of their own.
  `
  ALTER TABLE boards ADD COLUMN edit_generation INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE boards ADD COLUMN view_generation INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE workspace (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  );
  `,
];

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) throw new Error(`The store was written by a newer Måltavle (schema ${version}; this one knows ${SCHEMA_VERSION}); upgrade Måltavle or restore an older backup`);
  for (let step = version; step < SCHEMA_VERSION; step++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[step]!);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}

function parseSummary(json: string | null): BoardSummary | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as BoardSummary;
  } catch {
    return null;
  }
}

function toRecord(row: BoardRow): BoardRecord {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    summary: parseSummary(row.summary_json),
    summaryDate: row.summary_date,
    generations: { edit: row.edit_generation, view: row.view_generation },
  };
}

const asBuffer = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

const LEADER_GENERATION = 'leader_generation';

/** Bytes of updates kept in memory while the store cannot write, before new updates are refused. */
export const DEFAULT_MAX_QUEUED_BYTES = 64 * 1024 * 1024;
/** First retry after a failed write; doubled per failure up to the maximum. */
export const FIRST_RETRY_DELAY_MS = 250;
export const DEFAULT_MAX_RETRY_DELAY_MS = 5000;

export interface SqliteStoreOptions {
  dataDir: string;
  log: Logger;
  flushDelayMs?: number;
  /** Past this many queued bytes the store stops accepting (health().accepting = false). */
  maxQueuedBytes?: number;
  /** Longest wait between two retries of a failing write. */
  maxRetryDelayMs?: number;
  /** Flush latency and failures (metrics.ts). */
  metrics?: StoreMetrics;
}

interface Pending {
  boardId: string;
  data: Buffer;
}

export function openSqliteStore({
  dataDir,
  log,
  flushDelayMs = DEFAULT_FLUSH_DELAY_MS,
  maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES,
  maxRetryDelayMs = DEFAULT_MAX_RETRY_DELAY_MS,
  metrics = noMetrics,
}: SqliteStoreOptions): BoardStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE);
  const isNew = !fs.existsSync(file);
  const db = new Database(file);
  if (isNew) {
    // Board content is not for other users of the machine; SQLite gives -wal/-shm the same mode.
    fs.chmodSync(file, 0o600);
    // Must precede the first table: lets compaction hand freed pages back to the file system.
    db.pragma('auto_vacuum = INCREMENTAL');
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const insertBoard = db.prepare(
    'INSERT INTO boards (id, title, created_at, updated_at, summary_json, summary_date) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const selectBoards = db.prepare<[], BoardRow>('SELECT * FROM boards ORDER BY created_at, id');
  const selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?');
  const insertUpdate = db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)');
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq');
  const deleteUpdates = db.prepare('DELETE FROM updates WHERE board_id = ?');
  const raiseEditGeneration = db.prepare<[string], { generation: number }>('UPDATE boards SET edit_generation = edit_generation + 1 WHERE id = ? RETURNING edit_generation AS generation');
  const raiseViewGeneration = db.prepare<[string], { generation: number }>('UPDATE boards SET view_generation = view_generation + 1 WHERE id = ? RETURNING view_generation AS generation');
  const removeBoard = db.prepare('DELETE FROM boards WHERE id = ?');
  const selectSetting = db.prepare<[string], { value: number }>('SELECT value FROM workspace WHERE key = ?');
  const raiseSetting = db.prepare<[string], { value: number }>(
    'INSERT INTO workspace (key, value) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET value = value + 1 RETURNING value',
  );
  const updateSummary = db.prepare('UPDATE boards SET title = COALESCE(?, title), summary_json = ?, summary_date = ?, updated_at = COALESCE(?, updated_at) WHERE id = ?');

  // What is not written yet: updates in arrival order, and the latest summary per board that
  // could not be written. Both are only cleared by a transaction that wrote them.
  let pending: Pending[] = [];
  let pendingBytes = 0;
  const pendingSummaries = new Map<string, SummaryRecord>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  // Boards deleted while this store is open: a room or a timer that still writes for one is
  // ignored, as a row for a missing board would fail the foreign key and with it every flush.
  // Board ids are random and never reused, so this only grows by the boards deleted.
  const deleted = new Set<string>();

  // Health (issue 8.1): failing from the first failed write until one succeeds.
  let failingSince: string | null = null;
  let retryDelayMs = FIRST_RETRY_DELAY_MS;
  let lastError: StoreHealth['lastError'] = null;
  let lastErrorObject: unknown = null;
  let refusing = false;
  const listeners = new Set<(health: StoreHealth) => void>();

  const runSummary = (id: string, record: SummaryRecord) =>
    updateSummary.run(record.title ?? null, JSON.stringify(record.summary), record.summaryDate, record.updatedAt ?? null, id);

  const writeQueued = (batch: readonly Pending[]) => {
    for (const { boardId, data } of batch) insertUpdate.run(boardId, data);
    for (const [id, record] of pendingSummaries) runSummary(id, record);
  };
  const writeAll = db.transaction(writeQueued);

  function health(): StoreHealth {
    return {
      writable: failingSince === null,
      failingSince,
      queuedUpdates: pending.length,
      queuedBytes: pendingBytes,
      accepting: !refusing,
      lastError,
    };
  }

  /** Tell listeners when `writable` or `accepting` changed since they last heard. */
  let told = { writable: true, accepting: true };
  function notify(): void {
    const snapshot = health();
    if (snapshot.writable === told.writable && snapshot.accepting === told.accepting) return;
    told = { writable: snapshot.writable, accepting: snapshot.accepting };
    for (const listener of listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        log.error('a store health listener failed', { error });
      }
    }
  }

  /** Past the bound: refuse until the queue is written. Logged once each way. */
  function checkBound(): void {
    const over = pendingBytes >= maxQueuedBytes;
    if (over === refusing) return;
    refusing = over;
    if (over) log.error('the store queue is full; refusing document updates until the store can write', { queuedUpdates: pending.length, queuedBytes: pendingBytes, maxQueuedBytes });
    else log.info('the store accepts document updates again', { queuedUpdates: pending.length });
  }

  function scheduleRetry(): void {
    if (timer || closed) return;
    timer = setTimeout(retry, retryDelayMs);
    retryDelayMs = Math.min(retryDelayMs * 2, maxRetryDelayMs);
  }

  function retry(): void {
    timer = null;
    // flushNow catches every write error; this guard only keeps a bug from becoming an uncaught exception.
    try {
      flushNow();
    } catch (error) {
      log.error('unexpected error while retrying the store', { error });
      scheduleRetry();
    }
  }

  function failed(error: unknown): void {
    const code = (error as { code?: unknown })?.code;
    lastErrorObject = error;
    lastError = { code: typeof code === 'string' ? code : null, message: (error as Error)?.message ?? String(error), at: new Date().toISOString() };
    if (failingSince === null) {
      failingSince = lastError.at;
      retryDelayMs = Math.min(FIRST_RETRY_DELAY_MS, maxRetryDelayMs);
      // Once per failure, not per retry.
      log.error('the store cannot write; keeping updates in memory and retrying', {
        code: lastError.code,
        error,
        queuedUpdates: pending.length,
        queuedBytes: pendingBytes,
        maxQueuedBytes,
      });
      notify();
    }
    scheduleRetry();
  }

  function written(count: number): void {
    if (failingSince === null) return;
    const since = failingSince;
    failingSince = null;
    retryDelayMs = FIRST_RETRY_DELAY_MS;
    log.info('the store writes again; everything kept in memory is stored', { failedForMs: Date.now() - Date.parse(since), writtenUpdates: count });
  }

  /** Commit the queue. Never throws: on failure (disk full, …) the queue stays and is retried with backoff. */
  function flushNow(): boolean {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (pending.length === 0 && pendingSummaries.size === 0) {
      written(0);
      notify();
      return true;
    }
    const batch = pending;
    const started = performance.now();
    try {
      writeAll(batch);
    } catch (error) {
      metrics.flushed((performance.now() - started) / 1000, batch.length, false);
      failed(error);
      return false;
    }
    metrics.flushed((performance.now() - started) / 1000, batch.length, true);
    // Nothing can have been queued meanwhile: the transaction is synchronous.
    pending = [];
    pendingBytes = 0;
    pendingSummaries.clear();
    written(batch.length);
    checkBound();
    notify();
    return true;
  }

  function reclaimFreePages(): void {
    try {
      const free = db.pragma('freelist_count', { simple: true }) as number;
      if (free > 64) db.pragma('incremental_vacuum');
    } catch (error) {
      log.warn('could not reclaim free pages after compaction', { error });
    }
  }

  const assertOpen = () => {
    if (closed) throw new Error('the board store is closed');
  };

  return {
    async createBoard(board: NewBoard) {
      assertOpen();
      db.transaction(() => {
        insertBoard.run(board.id, board.title, board.createdAt, board.createdAt, JSON.stringify(board.summary), board.summaryDate);
        insertUpdate.run(board.id, asBuffer(board.state));
      })();
    },
    async listBoards() {
      assertOpen();
      return selectBoards.all().map(toRecord);
    },
    async getBoardRecord(id) {
      assertOpen();
      const row = selectBoard.get(id);
      return row ? toRecord(row) : null;
    },
    async loadUpdates(id): Promise<StoredUpdate[]> {
      assertOpen();
      if (failingSince === null) flushNow();
      const stored: StoredUpdate[] = selectUpdates.all(id).map((row) => ({ seq: row.seq, data: row.data }));
      // What could not be written yet comes after; negative seq marks it as only in memory.
      let unwritten = 0;
      for (const update of pending) if (update.boardId === id) stored.push({ seq: -++unwritten, data: update.data });
      return stored;
    },
    appendUpdate(id, update) {
      assertOpen();
      if (deleted.has(id)) return;
      pending.push({ boardId: id, data: Buffer.from(update) });
      pendingBytes += update.byteLength;
      // While failing, the retry timer is the only writer (with its backoff).
      if (!timer) timer = setTimeout(retry, flushDelayMs);
      checkBound();
      notify();
    },
    async flush() {
      assertOpen();
      if (!flushNow()) throw lastErrorObject;
    },
    async compact(id, state) {
      assertOpen();
      if (deleted.has(id)) return true;
      // While failing, only the retry timer probes the disk; compaction waits (nothing is lost:
      // the board's updates stay queued, and the room compacts again later).
      if (failingSince !== null) return false;
      // The state contains this board's queued updates; other boards' queue is committed with it.
      const others = pending.filter((update) => update.boardId !== id);
      try {
        db.transaction(() => {
          writeQueued(others);
          deleteUpdates.run(id);
          insertUpdate.run(id, asBuffer(state));
        })();
      } catch (error) {
        failed(error);
        return false;
      }
      pending = [];
      pendingBytes = 0;
      pendingSummaries.clear();
      if (timer) {
        clearTimeout(timer);
        timer = null;
      }
      checkBound();
      notify();
      reclaimFreePages();
      return true;
    },
    async saveSummary(id, record: SummaryRecord) {
      assertOpen();
      if (deleted.has(id)) return;
      const keep = () => {
        const previous = pendingSummaries.get(id);
        pendingSummaries.set(id, { ...record, title: record.title ?? previous?.title, updatedAt: record.updatedAt ?? previous?.updatedAt });
      };
      if (failingSince !== null) {
        keep();
        return;
      }
      try {
        runSummary(id, record);
      } catch (error) {
        keep();
        failed(error);
      }
    },
    async rotateLink(id, capability) {
      assertOpen();
      const row = (capability === 'edit' ? raiseEditGeneration : raiseViewGeneration).get(id);
      return row ? row.generation : null;
    },
    async deleteBoard(id) {
      assertOpen();
      // Its queued updates go with it: written after the row is gone they would break the
      // foreign key and fail every later flush. The rest of the queue is committed with the delete.
      const kept = pending.filter((update) => update.boardId !== id);
      const removed = db.transaction(() => {
        writeQueued(kept);
        return removeBoard.run(id).changes > 0;
      });
      const wasThere = removed();
      deleted.add(id);
      pending = [];
      pendingBytes = 0;
      pendingSummaries.clear();
      checkBound();
      notify();
      return wasThere;
    },
    async leaderGeneration() {
      assertOpen();
      return selectSetting.get(LEADER_GENERATION)?.value ?? 0;
    },
    async rotateLeaderLink() {
      assertOpen();
      return raiseSetting.get(LEADER_GENERATION)!.value;
    },
    health,
    onHealthChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      const complete = flushNow();
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (!complete) {
        // The clients still hold these edits and send them again to the next server.
        log.error('closing the store with updates it could not write', { queuedUpdates: pending.length, queuedBytes: pendingBytes, code: lastError?.code });
      }
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch (error) {
        log.warn('could not checkpoint the store on close', { error });
      } finally {
        db.close();
      }
    },
  };
}

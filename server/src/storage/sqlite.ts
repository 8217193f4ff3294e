// The embedded store: one SQLite file in DATA_DIR (better-sqlite3). WAL with synchronous=NORMAL
// survives a killed process (committed transactions are in the WAL file); only a power cut can
// lose the last commits. Updates are batched into one transaction per flush delay.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BoardSummary } from '../../../shared/domain/summary';
import type { Logger } from '../log';
import type { BoardRecord, BoardStore, NewBoard, StoredUpdate, SummaryRecord } from './store';

export const SQLITE_FILE = 'maaltavle.sqlite';

/** Longest an update waits in memory before it is committed (design.md: within 100 ms). */
export const DEFAULT_FLUSH_DELAY_MS = 50;

const SCHEMA_VERSION = 1;

interface BoardRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
  summary_json: string | null;
  summary_date: string | null;
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(`
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
    `);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
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
  };
}

const asBuffer = (data: Uint8Array): Buffer => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

export interface SqliteStoreOptions {
  dataDir: string;
  log: Logger;
  flushDelayMs?: number;
}

export function openSqliteStore({ dataDir, log, flushDelayMs = DEFAULT_FLUSH_DELAY_MS }: SqliteStoreOptions): BoardStore {
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
  migrate(db);

  const insertBoard = db.prepare(
    'INSERT INTO boards (id, title, created_at, updated_at, summary_json, summary_date) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const selectBoards = db.prepare<[], BoardRow>('SELECT * FROM boards ORDER BY created_at, id');
  const selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?');
  const insertUpdate = db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)');
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE board_id = ? ORDER BY seq');
  const deleteUpdates = db.prepare('DELETE FROM updates WHERE board_id = ?');
  const updateSummary = db.prepare('UPDATE boards SET title = COALESCE(?, title), summary_json = ?, summary_date = ?, updated_at = COALESCE(?, updated_at) WHERE id = ?');

  let pending: { boardId: string; data: Buffer }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const writePending = db.transaction((batch: { boardId: string; data: Buffer }[]) => {
    for (const { boardId, data } of batch) insertUpdate.run(boardId, data);
  });

  /** Commit the queue. On failure (disk full, …) the queue is kept and retried on the next flush. */
  function flushNow(): void {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      writePending(batch);
    } catch (error) {
      pending = batch.concat(pending);
      log.error('could not store updates; will retry', { error, queued: pending.length });
      timer = setTimeout(flushNow, Math.max(flushDelayMs, 1000));
      throw error;
    }
  }

  const flushQuietly = () => {
    try {
      flushNow();
    } catch {
      // logged in flushNow
    }
  };

  function reclaimFreePages(): void {
    const free = db.pragma('freelist_count', { simple: true }) as number;
    if (free > 64) db.pragma('incremental_vacuum');
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
      flushNow();
      return selectUpdates.all(id).map((row) => ({ seq: row.seq, data: row.data }));
    },
    appendUpdate(id, update) {
      assertOpen();
      pending.push({ boardId: id, data: Buffer.from(update) });
      if (!timer) timer = setTimeout(flushQuietly, flushDelayMs);
    },
    async flush() {
      assertOpen();
      flushNow();
    },
    async compact(id, state) {
      assertOpen();
      // The state contains this board's queued updates; other boards' queue is committed with it.
      const queued = pending;
      pending = [];
      try {
        db.transaction(() => {
          writePending(queued.filter((update) => update.boardId !== id));
          deleteUpdates.run(id);
          insertUpdate.run(id, asBuffer(state));
        })();
      } catch (error) {
        pending = queued.concat(pending);
        throw error;
      }
      reclaimFreePages();
    },
    async saveSummary(id, record: SummaryRecord) {
      assertOpen();
      updateSummary.run(record.title ?? null, JSON.stringify(record.summary), record.summaryDate, record.updatedAt ?? null, id);
    },
    async close() {
      if (closed) return;
      try {
        flushNow();
      } finally {
        closed = true;
        if (timer) clearTimeout(timer);
        try {
          db.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          db.close();
        }
      }
    },
  };
}

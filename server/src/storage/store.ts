// What the server needs from a store of boards, so SQLite today and PostgreSQL later are
// interchangeable. Documents are kept as Yjs updates: appended as they arrive, merged into one
// state by compaction.

import type { BoardSummary } from '../../../shared/domain/summary';
import type { Capability } from '../../../shared/protocol';

/** The current generation of each of a board's links (auth/boardTokens.ts); 0 until first rotated. */
export type LinkGenerations = Record<Capability, number>;

export interface BoardRecord {
  id: string;
  title: string;
  createdAt: string;
  /** When the document last changed (ISO). */
  updatedAt: string;
  summary: BoardSummary | null;
  /** The day (YYYY-MM-DD, Europe/Copenhagen) the summary was computed for; overdue depends on it. */
  summaryDate: string | null;
  generations: LinkGenerations;
}

export interface NewBoard {
  id: string;
  title: string;
  createdAt: string;
  /** The encoded initial document (Y.encodeStateAsUpdate). */
  state: Uint8Array;
  summary: BoardSummary;
  summaryDate: string;
}

export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
}

export interface SummaryRecord {
  /** The title from the document; undefined keeps the stored one (e.g. the document's is empty). */
  title?: string;
  summary: BoardSummary;
  summaryDate: string;
  /** Set when the document changed; left as is when only the day moved on. */
  updatedAt?: string;
}

/**
 * Whether the store can write (issue 8.1). A failing store keeps what it could not write in
 * memory and retries with backoff; past its bound it stops accepting document updates.
 */
export interface StoreHealth {
  /** False from the first failed write until a write succeeds again. */
  writable: boolean;
  /** ISO time of the first failed write of the current failure; null while writable. */
  failingSince: string | null;
  /** Updates held in memory, not yet written (a few for ≤ 50 ms when all is well). */
  queuedUpdates: number;
  queuedBytes: number;
  /** False once queuedBytes reached the bound: the server must refuse new document updates. */
  accepting: boolean;
  /** The error of the last failed write (kept after recovery, for the record). */
  lastError: { code: string | null; message: string; at: string } | null;
}

export interface BoardStore {
  createBoard(board: NewBoard): Promise<void>;
  listBoards(): Promise<BoardRecord[]>;
  getBoardRecord(id: string): Promise<BoardRecord | null>;
  /** Every stored update of a board in arrival order, including ones not flushed yet. */
  loadUpdates(id: string): Promise<StoredUpdate[]>;
  /**
   * Queue an update; it is durable within the store's flush delay (at most 100 ms) while the
   * store is writable, else kept in memory until it is. Never throws for a failing disk; the
   * caller checks `health().accepting` before applying an update it would have to queue.
   */
  appendUpdate(id: string, update: Uint8Array): void;
  /** Make every queued update durable now; rejects when the store cannot write (the queue stays). */
  flush(): Promise<void>;
  /**
   * Replace all stored updates of a board by `state`, which must contain every one of them.
   * Resolves false when it could not write now: nothing is lost, the updates stay queued.
   */
  compact(id: string, state: Uint8Array): Promise<boolean>;
  /** Store the summary; when the store cannot write it is kept (the latest per board) and written later. */
  saveSummary(id: string, record: SummaryRecord): Promise<void>;
  /**
   * Raise the generation of one of a board's links, so its tokens so far stop working. Resolves
   * the new generation, or null when there is no such board. Written at once (throws when the
   * store cannot write: the link is then unchanged).
   */
  rotateLink(id: string, capability: Capability): Promise<number | null>;
  /**
   * Remove a board and everything stored of it (its updates, including queued ones, and its
   * summary). Resolves false when there was no such board. Throws when the store cannot write.
   */
  deleteBoard(id: string): Promise<boolean>;
  /** The generation of the workspace's leader link (auth/leaderToken.ts); 0 until first rotated. */
  leaderGeneration(): Promise<number>;
  /** Raise the leader link's generation and resolve the new one; throws when the store cannot write. */
  rotateLeaderLink(): Promise<number>;
  health(): StoreHealth;
  /** Called when `writable` or `accepting` changes (not on every retry). Returns an unsubscribe. */
  onHealthChange(listener: (health: StoreHealth) => void): () => void;
  /** Flush and release the store. */
  close(): Promise<void>;
}

/** Whether an error is the store's disk being full (SQLite SQLITE_FULL, or ENOSPC from the file system). */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** Whether an error is the store failing to write or reach its file (full, I/O, read-only, locked). */
export function isStorageFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return isDiskFull(error) || /^SQLITE_(IOERR|READONLY|CANTOPEN|BUSY|LOCKED|NOMEM|PROTOCOL)/.test(code) || code === 'EIO' || code === 'EROFS';
}

/**
 * A write the store could not do (disk full, I/O error): the request changed nothing. The HTTP
 * layer answers 507 when the disk is full, else 503, with this message as `{"error"}`.
 */
export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  readonly diskFull: boolean;
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.diskFull = isDiskFull(cause);
  }
}

/** For /readyz: null when the store writes, else why it is not ready, for people. */
export function unreadyReason(health: StoreHealth): string | null {
  if (health.writable) return null;
  const error = health.lastError ? `${health.lastError.code ?? 'error'}: ${health.lastError.message}` : 'unknown error';
  const kept = `${health.queuedUpdates} updates (${health.queuedBytes} bytes) are kept in memory and retried`;
  const refusing = health.accepting ? '' : '; that is the most it keeps, so new edits are refused';
  return `the store cannot write since ${health.failingSince} (${error}); ${kept}${refusing}`;
}

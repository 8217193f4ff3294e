// What the server needs from a store of boards, so SQLite today and PostgreSQL later are
// interchangeable. Documents are kept as Yjs updates: appended as they arrive, merged into one
// state by compaction.

import type { BoardSummary } from '../../../shared/domain/summary';

export interface BoardRecord {
  id: string;
  title: string;
  createdAt: string;
  /** When the document last changed (ISO). */
  updatedAt: string;
  summary: BoardSummary | null;
  /** The day (YYYY-MM-DD, Europe/Copenhagen) the summary was computed for; overdue depends on it. */
  summaryDate: string | null;
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

export interface BoardStore {
  createBoard(board: NewBoard): Promise<void>;
  listBoards(): Promise<BoardRecord[]>;
  getBoardRecord(id: string): Promise<BoardRecord | null>;
  /** Every stored update of a board in arrival order, including ones not flushed yet. */
  loadUpdates(id: string): Promise<StoredUpdate[]>;
  /** Queue an update; it is durable within the store's flush delay (at most 100 ms). */
  appendUpdate(id: string, update: Uint8Array): void;
  /** Make every queued update durable now. */
  flush(): Promise<void>;
  /** Replace all stored updates of a board by `state`, which must contain every one of them. */
  compact(id: string, state: Uint8Array): Promise<void>;
  saveSummary(id: string, record: SummaryRecord): Promise<void>;
  /** Flush and release the store. */
  close(): Promise<void>;
}

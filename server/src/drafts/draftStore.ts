// Hidden ideas of a silent brainstorm, kept on the server and NOT in the board document: every
// holder of the edit link can read the whole document, so the only way to keep an idea from
// the others until it is revealed is to not put it there. One table in the same SQLite file as
// the boards (its own connection; WAL lets both write in turn). The owner is known only by the
// SHA-256 of their secret draft key; the key itself is never stored.
//
// A participant id is bound to the first draft key that writes under it (issue 8), and a key to
// the one participant id it writes as, until the board's hidden ideas are revealed: no key can
// post as another participant. Ids are public (awareness, turn order), so the binding ends with
// the reveal; a permanent one would let anyone with the edit link lock a participant out for good.

import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { newId } from '../../../shared/ids';
import { DRAFT_PARTICIPANTS_PER_BOARD_MAX, type Draft, type DraftInput } from '../../../shared/domain/drafts';
import { SQLITE_FILE } from '../storage/sqlite';
import { StorageUnavailableError, isStorageFailure } from '../storage/store';

/** A write that failed on the disk becomes a clear error (507/503 for the API); others pass on. */
function writing<A extends unknown[], R>(what: string, write: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return write(...args);
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      const why = (error as { code?: string }).code === 'SQLITE_FULL' ? "the server's disk is full" : 'the server cannot write its store';
      throw new StorageUnavailableError(`Could not ${what}: ${why}. Nothing was changed; try again later.`, error);
    }
  };
}

export interface DraftCount {
  participantId: string;
  name: string;
  count: number;
}

/** Why a draft was not added: its participant id is another key's, the key writes as another participant, or the board has too many participants. */
export type DraftRefusal = { refused: 'participant-taken' | 'key-taken' | 'too-many-participants' };

export interface DraftStore {
  /** Add a draft, binding its participant id to the key (see above); a refusal adds nothing. */
  add(boardId: string, ownerKey: string, input: DraftInput & { round: number }, at: string): Draft | DraftRefusal;
  /** The owner's drafts, oldest first. */
  mine(boardId: string, ownerKey: string): Draft[];
  /** Remove one of the owner's drafts; false when there is none with that id of theirs. */
  remove(boardId: string, ownerKey: string, draftId: string): boolean;
  countFor(boardId: string, ownerKey: string): number;
  countBoard(boardId: string): number;
  /** Hidden drafts per participant (counts and names only). */
  counts(boardId: string): DraftCount[];
  /** Every draft of the board, oldest first (for the reveal). */
  all(boardId: string): Draft[];
  /** Remove exactly these drafts (after they were put into the document); participants left without drafts are unbound. */
  removeMany(boardId: string, ids: readonly string[]): void;
  /** Remove every draft and participant binding of a board (the board is deleted). */
  removeBoard(boardId: string): void;
  close(): void;
}

interface DraftRow {
  id: string;
  participant_id: string;
  author: string;
  color: string;
  round: number;
  text: string;
  created_at: string;
}

const toDraft = (row: DraftRow): Draft => ({
  id: row.id,
  text: row.text,
  author: row.author,
  color: row.color,
  participantId: row.participant_id,
  round: row.round,
  createdAt: row.created_at,
});

export function hashDraftKey(key: string): string {
  return crypto.createHash('sha256').update(`maaltavle-draft:${key}`).digest('hex');
}

/** Open the drafts table in DATA_DIR's SQLite file (after the board store has opened it). */
export function openDraftStore(dataDir: string): DraftStore {
  const db = new Database(path.join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // A draft deleted by its owner is gone from the file too, not left in a free page.
  db.pragma('secure_delete = ON');
  db.exec(`
    CREATE TABLE IF NOT EXISTS idea_drafts (
      id TEXT PRIMARY KEY,
      board_id TEXT NOT NULL,
      owner_hash TEXT NOT NULL,
      participant_id TEXT NOT NULL,
      author TEXT NOT NULL,
      color TEXT NOT NULL,
      round INTEGER NOT NULL,
      text TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS idea_drafts_by_owner ON idea_drafts (board_id, owner_hash, created_at);
    CREATE TABLE IF NOT EXISTS idea_draft_owners (
      board_id TEXT NOT NULL,
      participant_id TEXT NOT NULL,
      owner_hash TEXT NOT NULL,
      PRIMARY KEY (board_id, participant_id),
      UNIQUE (board_id, owner_hash)
    );
  `);
  const insert = db.prepare(
    'INSERT INTO idea_drafts (id, board_id, owner_hash, participant_id, author, color, round, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const selectMine = db.prepare<[string, string], DraftRow>('SELECT * FROM idea_drafts WHERE board_id = ? AND owner_hash = ? ORDER BY created_at, id');
  const selectAll = db.prepare<[string], DraftRow>('SELECT * FROM idea_drafts WHERE board_id = ? ORDER BY created_at, id');
  const deleteMine = db.prepare('DELETE FROM idea_drafts WHERE board_id = ? AND owner_hash = ? AND id = ?');
  const deleteOne = db.prepare('DELETE FROM idea_drafts WHERE board_id = ? AND id = ?');
  const countMine = db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM idea_drafts WHERE board_id = ? AND owner_hash = ?');
  const countAll = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM idea_drafts WHERE board_id = ?');
  // The latest name a participant used goes with their count.
  const selectCounts = db.prepare<[string], { participant_id: string; author: string; n: number }>(
    `SELECT participant_id, COUNT(*) AS n,
            (SELECT d2.author FROM idea_drafts d2 WHERE d2.board_id = d.board_id AND d2.participant_id = d.participant_id ORDER BY d2.created_at DESC LIMIT 1) AS author
       FROM idea_drafts d WHERE board_id = ? GROUP BY participant_id`,
  );
  const selectOwner = db.prepare<[string, string, string], { participant_id: string; owner_hash: string }>(
    'SELECT participant_id, owner_hash FROM idea_draft_owners WHERE board_id = ? AND (participant_id = ? OR owner_hash = ?)',
  );
  const countOwners = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM idea_draft_owners WHERE board_id = ?');
  const insertOwner = db.prepare('INSERT INTO idea_draft_owners (board_id, participant_id, owner_hash) VALUES (?, ?, ?)');
  // Participants without hidden ideas left are free again (after a reveal).
  const releaseIdle = db.prepare(
    'DELETE FROM idea_draft_owners WHERE board_id = ? AND NOT EXISTS (SELECT 1 FROM idea_drafts d WHERE d.board_id = idea_draft_owners.board_id AND d.participant_id = idea_draft_owners.participant_id)',
  );
  const add = db.transaction((boardId: string, ownerKey: string, input: DraftInput & { round: number }, at: string): Draft | DraftRefusal => {
    const owner = hashDraftKey(ownerKey);
    const bound = selectOwner.all(boardId, input.participantId, owner);
    if (bound.some((row) => row.participant_id === input.participantId && row.owner_hash !== owner)) return { refused: 'participant-taken' };
    if (bound.some((row) => row.owner_hash === owner && row.participant_id !== input.participantId)) return { refused: 'key-taken' };
    if (bound.length === 0) {
      if ((countOwners.get(boardId)?.n ?? 0) >= DRAFT_PARTICIPANTS_PER_BOARD_MAX) return { refused: 'too-many-participants' };
      insertOwner.run(boardId, input.participantId, owner);
    }
    const draft: Draft = { id: newId(), text: input.text, author: input.author, color: input.color, participantId: input.participantId, round: input.round, createdAt: at };
    insert.run(draft.id, boardId, owner, draft.participantId, draft.author, draft.color, draft.round, draft.text, draft.createdAt);
    return draft;
  });
  const deleteBoardDrafts = db.prepare('DELETE FROM idea_drafts WHERE board_id = ?');
  const deleteBoardOwners = db.prepare('DELETE FROM idea_draft_owners WHERE board_id = ?');
  const removeBoard = db.transaction((boardId: string) => {
    deleteBoardDrafts.run(boardId);
    deleteBoardOwners.run(boardId);
  });
  const removeMany = db.transaction((boardId: string, ids: readonly string[]) => {
    for (const id of ids) deleteOne.run(boardId, id);
    releaseIdle.run(boardId);
  });

  return {
    add: writing('save the hidden idea', add),
    mine: (boardId, ownerKey) => selectMine.all(boardId, hashDraftKey(ownerKey)).map(toDraft),
    remove: writing('delete the hidden idea', (boardId: string, ownerKey: string, draftId: string) => deleteMine.run(boardId, hashDraftKey(ownerKey), draftId).changes > 0),
    countFor: (boardId, ownerKey) => countMine.get(boardId, hashDraftKey(ownerKey))?.n ?? 0,
    countBoard: (boardId) => countAll.get(boardId)?.n ?? 0,
    counts: (boardId) => selectCounts.all(boardId).map((row) => ({ participantId: row.participant_id, name: row.author, count: row.n })),
    all: (boardId) => selectAll.all(boardId).map(toDraft),
    removeMany: writing('remove the revealed hidden ideas', (boardId: string, ids: readonly string[]) => removeMany(boardId, ids)),
    removeBoard: writing('delete the board’s hidden ideas', (boardId: string) => removeBoard(boardId)),
    close: () => db.close(),
  };
}

// Creating boards and listing them for the leader overview: ids, tokens, share links, and a
// summary that is current for today.

import * as Y from 'yjs';
import { fitText } from '../../../shared/limits';
import { MAX_TITLE_LENGTH } from '../../../shared/protocol';
import { initBoard } from '../../../shared/schema';
import { writeImportedBoard, type BoardExportInput, type ImportCounts } from '../../../shared/schema/boardImport';
import { newId } from '../../../shared/ids';
import { CloseCode, boardPath, type Capability } from '../../../shared/protocol';
import type { BoardSummary } from '../../../shared/domain/summary';
import type { BoardTokens } from '../auth/boardTokens';
import type { Logger } from '../log';
import type { BoardRecord, BoardStore, LinkGenerations } from '../storage/store';
import { loadDoc } from '../storage/loadDoc';
import type { RoomRegistry } from '../sync/rooms';
import { publicSummary, summarizeDoc, summaryForDay, today } from './summary';

type Pair = Record<Capability, string>;

export interface CreatedBoard {
  id: string;
  title: string;
  tokens: Pair;
  links: Pair;
}

export interface ListedBoard {
  id: string;
  title: string;
  updatedAt: string;
  summary: BoardSummary;
  /** Our addition to design.md's list, so the start page can show share links. A leader gets only `view`. */
  links: Pair | { view: string };
}

/** Who asks for the list: the admin gets every link, a leader only the read-only (view) links. */
export type ListRole = 'admin' | 'leader';

export interface BoardServiceDeps {
  store: BoardStore;
  tokens: BoardTokens;
  rooms: RoomRegistry;
  log: Logger;
  /** Known only once the server listens (PORT=0 picks a port). */
  publicUrl: () => string;
  /** Closes a board's open connections (sync/syncServer.ts). */
  sync: { disconnect(boardId: string, which: Capability | 'all', code: number, reason: string): number };
  /** The board's hidden ideas (drafts/draftStore.ts), removed with the board. */
  drafts: { removeBoard(boardId: string): void };
}

const FIRST_GENERATIONS: LinkGenerations = { edit: 0, view: 0 };

export function createBoardService({ store, tokens, rooms, log, publicUrl, sync, drafts }: BoardServiceDeps) {
  const linksOf = (id: string, generations: LinkGenerations): { tokens: Pair; links: Pair } => {
    const edit = tokens.issue(id, 'edit', generations.edit);
    const view = tokens.issue(id, 'view', generations.view);
    const base = publicUrl();
    return { tokens: { edit, view }, links: { edit: base + boardPath(id, edit), view: base + boardPath(id, view) } };
  };
  const viewLinkOf = (record: BoardRecord) => publicUrl() + boardPath(record.id, tokens.issue(record.id, 'view', record.generations.view));
  const shownTitle = (record: BoardRecord) => fitText(record.title, MAX_TITLE_LENGTH).text;

  /**
   * The summary as of `day`. A stored summary of another day is moved to this day from its own
   * stored open actions (no document is opened); only a row from before those were stored is
   * computed from the document once.
   */
  async function freshSummary(record: BoardRecord, day: string): Promise<BoardSummary> {
    const stored = summaryForDay(record.summary, record.summaryDate, day);
    if (stored) return stored;
    const room = rooms.loaded(record.id);
    let computed: { title: string; summary: BoardSummary };
    if (room) {
      computed = room.summarize(day);
    } else {
      const { doc } = await loadDoc(store, record.id, log);
      try {
        computed = summarizeDoc(doc, day);
      } finally {
        doc.destroy();
      }
    }
    await store.saveSummary(record.id, { title: computed.title || undefined, summary: computed.summary, summaryDate: day });
    return computed.summary;
  }

  /** Write a new board's document with `fill`, store it with its summary, and give its links. */
  async function createFrom<T>(fill: (doc: Y.Doc) => T, createdAt: string): Promise<{ board: CreatedBoard; result: T }> {
    const id = newId(16);
    const doc = new Y.Doc();
    try {
      const result = fill(doc);
      const day = today();
      const { title, summary } = summarizeDoc(doc, day);
      await store.createBoard({ id, title, createdAt, state: Y.encodeStateAsUpdate(doc), summary, summaryDate: day });
      log.info('created board', { boardId: id });
      return { board: { id, title, ...linksOf(id, FIRST_GENERATIONS) }, result };
    } finally {
      doc.destroy();
    }
  }

  return {
    async create(title: string): Promise<CreatedBoard> {
      const createdAt = new Date().toISOString();
      return (await createFrom((doc) => initBoard(doc, { title, createdAt }), createdAt)).board;
    },

    /**
     * A new board from an export (POST /api/boards/import). Throws BoardLimitError when it does
     * not fit a board's bounds, RangeError for numbers the writers refuse; nothing is stored then.
     */
    async importBoard(board: BoardExportInput, title?: string): Promise<CreatedBoard & { imported: ImportCounts }> {
      const createdAt = new Date().toISOString();
      const { board: created, result } = await createFrom((doc) => writeImportedBoard(doc, { ...board, meta: { ...board.meta, title: title ?? board.meta.title } }, createdAt), createdAt);
      return { ...created, imported: result };
    },

    /**
     * Replace one of a board's links (issue 8): its tokens so far stop working at once, open
     * connections with them are closed with CloseCode.linkReplaced, the other link is unchanged.
     * Resolves the board's links now, or null when there is no such board.
     */
    async rotateLink(id: string, capability: Capability): Promise<CreatedBoard | null> {
      const record = await store.getBoardRecord(id);
      if (!record) return null;
      const generation = await store.rotateLink(id, capability);
      if (generation === null) return null;
      const closed = sync.disconnect(id, capability, CloseCode.linkReplaced, 'link replaced');
      log.info('replaced a board link', { boardId: id, capability, generation, closedConnections: closed });
      return { id, title: shownTitle(record), ...linksOf(id, { ...record.generations, [capability]: generation }) };
    },

    /**
     * Delete a board and everything stored of it: its document, summary and hidden ideas. Open
     * connections are closed with CloseCode.unknownBoard, which every later attempt gets too.
     * Resolves false when there is no such board.
     */
    async delete(id: string): Promise<boolean> {
      if (!(await store.deleteBoard(id))) return false;
      const closed = sync.disconnect(id, 'all', CloseCode.unknownBoard, 'board deleted');
      await rooms.discard(id);
      try {
        drafts.removeBoard(id);
      } catch (error) {
        // Unreachable without the board; the next delete of drafts finds them gone or retries.
        log.error('could not delete the hidden ideas of a deleted board', { boardId: id, error });
      }
      log.info('deleted a board', { boardId: id, closedConnections: closed });
      return true;
    },

    async list(role: ListRole = 'admin'): Promise<ListedBoard[]> {
      const day = today();
      const result: ListedBoard[] = [];
      for (const record of await store.listBoards()) {
        const summary = publicSummary(await freshSummary(record, day));
        const links = role === 'admin' ? linksOf(record.id, record.generations).links : { view: viewLinkOf(record) };
        // A row stored before titles were bounded may hold any length: the list shows at most 200.
        result.push({ id: record.id, title: shownTitle(record), updatedAt: record.updatedAt, summary, links });
      }
      return result;
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;

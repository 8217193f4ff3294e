// Creating boards and listing them for the leader overview: ids, tokens, share links, and a
// summary that is current for today.

import * as Y from 'yjs';
import { fitText } from '../../../shared/limits';
import { MAX_TITLE_LENGTH } from '../../../shared/protocol';
import { initBoard } from '../../../shared/schema';
import { newId } from '../../../shared/ids';
import { boardPath, type Capability } from '../../../shared/protocol';
import type { BoardSummary } from '../../../shared/domain/summary';
import type { BoardTokens } from '../auth/boardTokens';
import type { Logger } from '../log';
import type { BoardRecord, BoardStore } from '../storage/store';
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
}

export function createBoardService({ store, tokens, rooms, log, publicUrl }: BoardServiceDeps) {
  const linksOf = (id: string): { tokens: Pair; links: Pair } => {
    const edit = tokens.issue(id, 'edit');
    const view = tokens.issue(id, 'view');
    const base = publicUrl();
    return { tokens: { edit, view }, links: { edit: base + boardPath(id, edit), view: base + boardPath(id, view) } };
  };

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

  return {
    async create(title: string): Promise<CreatedBoard> {
      const id = newId(16);
      const createdAt = new Date().toISOString();
      const doc = new Y.Doc();
      try {
        initBoard(doc, { title, createdAt });
        const day = today();
        await store.createBoard({ id, title, createdAt, state: Y.encodeStateAsUpdate(doc), summary: summarizeDoc(doc, day).summary, summaryDate: day });
      } finally {
        doc.destroy();
      }
      log.info('created board', { boardId: id });
      return { id, title, ...linksOf(id) };
    },

    async list(role: ListRole = 'admin'): Promise<ListedBoard[]> {
      const day = today();
      const result: ListedBoard[] = [];
      for (const record of await store.listBoards()) {
        const summary = publicSummary(await freshSummary(record, day));
        const links = role === 'admin' ? linksOf(record.id).links : { view: publicUrl() + boardPath(record.id, tokens.issue(record.id, 'view')) };
        // A row stored before titles were bounded may hold any length: the list shows at most 200.
        result.push({ id: record.id, title: fitText(record.title, MAX_TITLE_LENGTH).text, updatedAt: record.updatedAt, summary, links });
      }
      return result;
    },
  };
}

export type BoardService = ReturnType<typeof createBoardService>;

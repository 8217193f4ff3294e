// GET /api/boards/:id/actions/export.csv and export.xlsx: the action plan for the management
// report (shared/domain/actionExport.ts). Any token of the board may export (view and edit
// alike, like the goal export). `?archived=1` includes archived actions. The document is the
// open room's, or read from the store for the purpose and let go again (goalExport.ts).

import type * as Y from 'yjs';
import { readBoard } from '../../../shared/schema';
import { actionExportRows, actionsToCsv, actionsToXlsx } from '../../../shared/domain/actionExport';
import { dateInZone } from '../../../shared/domain/calendar';
import type { BoardTokens } from '../auth/boardTokens';
import type { Logger } from '../log';
import type { BoardStore } from '../storage/store';
import { loadDoc } from '../storage/loadDoc';
import type { RoomRegistry } from '../sync/rooms';
import type { ApiRoute } from './apiRoute';
import { authorizeBoard, decodeSegment } from './boardAuth';
import { contentDisposition } from './goalExport';
import { methodNotAllowed, SECURITY_HEADERS } from './responses';

export const ACTION_EXPORT_PATH = /^\/api\/boards\/([^/]+)\/actions\/export\.(csv|xlsx)$/;

const CONTENT_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export interface ActionExportDeps {
  tokens: BoardTokens;
  store: BoardStore;
  rooms: RoomRegistry;
  log: Logger;
}

export function createActionExport({ tokens, store, rooms, log }: ActionExportDeps): ApiRoute {
  async function withDoc<T>(boardId: string, use: (doc: Y.Doc) => T): Promise<T> {
    const room = rooms.loaded(boardId);
    if (room) return use(room.doc);
    const { doc } = await loadDoc(store, boardId, log);
    try {
      return use(doc);
    } finally {
      doc.destroy();
    }
  }

  return async function handleActionExport(req, res, pathname) {
    const match = ACTION_EXPORT_PATH.exec(pathname);
    if (!match) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET']);
    const boardId = decodeSegment(match[1]!);
    const format = match[2] as 'csv' | 'xlsx';
    const capability = await authorizeBoard(req, boardId, { tokens, store });
    const includeArchived = ['1', 'true', 'yes'].includes(new URL(req.url ?? '/', 'http://localhost').searchParams.get('archived') ?? '');

    const { title, rows } = await withDoc(boardId, (doc) => {
      const board = readBoard(doc);
      return { title: board.meta.title, rows: actionExportRows(board, { includeArchived }) };
    });
    const now = new Date();
    const body =
      format === 'csv' ? Buffer.from(actionsToCsv(rows), 'utf8') : Buffer.from(await actionsToXlsx(rows, { board: title, exportedAt: now.toISOString() }));
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPE[format],
      'Content-Length': body.byteLength,
      'Content-Disposition': contentDisposition(`Handleplan ${title}`.trim(), dateInZone(now), format),
      // The plan changes, and the URL may carry a token: never keep a copy.
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    log.info('exported action plan', { boardId, format, rows: rows.length, capability });
    return true;
  };
}

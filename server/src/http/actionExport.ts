// GET /api/boards/:id/actions/export.csv and export.xlsx: the action plan for the management
// report (shared/domain/actionExport.ts). Any token of the board may export (view and edit
// alike, like the goal export). `?archived=1` includes archived actions. The document is the
// open room's, or read from the store for the purpose and let go again (RoomRegistry.read).

import { readBoard } from '../../../shared/schema';
import { actionExportRows, actionsToCsv, actionsToXlsx } from '../../../shared/domain/actionExport';
import { dateInZone } from '../../../shared/domain/calendar';
import type { BoardTokens } from '../auth/boardTokens';
import type { Logger } from '../log';
import type { BoardStore } from '../storage/store';
import type { RoomRegistry } from '../sync/rooms';
import type { ApiRoute } from './apiRoute';
import { authorizeBoard, decodeSegment } from './boardAuth';
import { sendDownload, type DownloadFormat } from './download';
import { methodNotAllowed } from './responses';
import { cutCells, exportLimitFor, MAX_EXPORT_ROWS } from './exportLimit';

export const ACTION_EXPORT_PATH = /^\/api\/boards\/([^/]+)\/actions\/export\.(csv|xlsx)$/;

export interface ActionExportDeps {
  tokens: BoardTokens;
  store: BoardStore;
  rooms: RoomRegistry;
  log: Logger;
}

export function createActionExport({ tokens, store, rooms, log }: ActionExportDeps): ApiRoute {
  return async function handleActionExport(req, res, pathname) {
    const match = ACTION_EXPORT_PATH.exec(pathname);
    if (!match) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET']);
    const boardId = decodeSegment(match[1]!);
    const format = match[2] as DownloadFormat;
    const capability = await authorizeBoard(req, boardId, { tokens, store });
    const includeArchived = ['1', 'true', 'yes'].includes(new URL(req.url ?? '/', 'http://localhost').searchParams.get('archived') ?? '');

    // Bounded (issue 8): at most a few at once, at most MAX_EXPORT_ROWS rows, cells cut.
    const { rows, total } = await exportLimitFor(rooms).run(async () => {
      const read = await rooms.read(boardId, (doc) => {
        const board = readBoard(doc);
        const all = actionExportRows(board, { includeArchived });
        return { title: board.meta.title.slice(0, 200), rows: all.slice(0, MAX_EXPORT_ROWS).map(cutCells), total: all.length };
      });
      const now = new Date();
      const body =
        format === 'csv'
          ? Buffer.from(actionsToCsv(read.rows), 'utf8')
          : Buffer.from(await actionsToXlsx(read.rows, { board: read.title, exportedAt: now.toISOString() }));
      sendDownload(req, res, { format, body, name: `Handleplan ${read.title}`.trim(), day: dateInZone(now) });
      return read;
    });
    log.info('exported action plan', { boardId, format, rows: rows.length, capability, ...(total > rows.length ? { total } : {}) });
    return true;
  };
}

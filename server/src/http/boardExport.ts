// GET /api/boards/:id/export.json (issue 8, "One board out and in"): everything on the board as
// readable JSON — goals with every number, ideas with their assessment and questions, actions
// with their history, the meeting and its minutes — so the municipality owns its data and can
// move it. The admin token or the board's edit token (not the view link: the wall screen's link
// must not hand out the hidden-in-the-room details of every idea's author and history).
// Bounded like the other exports (at most a few at once).

import { readBoard, readBrainstorm, readMeeting, readMinutes } from '../../../shared/schema';
import { dateInZone } from '../../../shared/domain/calendar';
import type { AttemptThrottle } from '../auth/attemptThrottle';
import type { BoardTokens } from '../auth/boardTokens';
import type { Logger } from '../log';
import type { BoardStore } from '../storage/store';
import type { RoomRegistry } from '../sync/rooms';
import type { ApiRoute } from './apiRoute';
import { authorizeAdminOrBoardEdit, decodeSegment } from './boardAuth';
import { contentDisposition } from './download';
import { exportLimitFor } from './exportLimit';
import { methodNotAllowed, SECURITY_HEADERS } from './responses';

export const BOARD_EXPORT_PATH = /^\/api\/boards\/([^/]+)\/export\.json$/;
/** What a reader of the file checks first; bumped when the shape changes. */
export const BOARD_EXPORT_FORMAT = 'maaltavle-board-1';

export interface BoardExportDeps {
  tokens: BoardTokens;
  store: BoardStore;
  rooms: RoomRegistry;
  log: Logger;
  adminToken: string;
  /** The admin API's throttle of wrong tokens (shared, so this route is no way round it). */
  throttle: AttemptThrottle;
}

export function createBoardExport({ tokens, store, rooms, log, adminToken, throttle }: BoardExportDeps): ApiRoute {
  return async function handleBoardExport(req, res, pathname) {
    const match = BOARD_EXPORT_PATH.exec(pathname);
    if (!match) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET']);
    const boardId = decodeSegment(match[1]!);
    const by = await authorizeAdminOrBoardEdit(req, boardId, { tokens, store, adminToken, throttle });
    const exported = await exportLimitFor(rooms).run(() =>
      rooms.read(boardId, (doc) => ({
        format: BOARD_EXPORT_FORMAT,
        exportedAt: new Date().toISOString(),
        boardId,
        ...readBoard(doc),
        brainstorm: readBrainstorm(doc),
        meeting: readMeeting(doc),
        minutes: readMinutes(doc),
      })),
    );
    const body = Buffer.from(JSON.stringify(exported, null, 2) + '\n', 'utf8');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': body.byteLength,
      'Content-Disposition': contentDisposition(`Tavle ${exported.meta.title.slice(0, 200)}`.trim(), dateInZone(new Date()), 'json'),
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    log.info('exported board as JSON', { boardId, bytes: body.byteLength, by });
    return true;
  };
}

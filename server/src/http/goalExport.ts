// GET /api/boards/:id/goals/:goalId/export.csv and export.xlsx: a goal's numbers for the
// management report. Any token of the board may export (view and edit alike: a leader with the
// wall-screen link reads the same numbers on the board). The document is the live one when the
// board is open, else it is read from the store (as the board list does) and let go again.

import type http from 'node:http';
import type * as Y from 'yjs';
import { BOARD_ID_PATTERN } from '../../../shared/protocol';
import { readGoals, type Goal } from '../../../shared/schema';
import { measurementRows, measurementsToCsv } from '../../../shared/domain/measurementCsv';
import { measurementsToXlsx } from '../../../shared/domain/measurementXlsx';
import { dateInZone } from '../../../shared/domain/calendar';
import { readableFileName, safeFileStem } from '../../../shared/domain/fileNames';
import type { BoardTokens } from '../auth/boardTokens';
import type { Logger } from '../log';
import type { BoardStore } from '../storage/store';
import { loadDoc } from '../storage/loadDoc';
import type { RoomRegistry } from '../sync/rooms';
import { HttpError, methodNotAllowed, SECURITY_HEADERS } from './responses';

export const GOAL_EXPORT_PATH = /^\/api\/boards\/([^/]+)\/goals\/([^/]+)\/export\.(csv|xlsx)$/;

const CONTENT_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export interface GoalExportDeps {
  tokens: BoardTokens;
  store: BoardStore;
  rooms: RoomRegistry;
  log: Logger;
}

/** The token from `?token=` or `Authorization: Bearer`. */
export function requestToken(req: http.IncomingMessage): string | null {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match ? match[1]! : null;
}

/** `attachment; filename="x.csv"; filename*=UTF-8''…`: the ASCII name for old clients, the real one for the rest. */
export function contentDisposition(goalName: string, day: string, extension: 'csv' | 'xlsx'): string {
  const ascii = `${safeFileStem(goalName)}-${day}.${extension}`;
  const utf8 = encodeURIComponent(readableFileName(goalName, day, extension)).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

export function createGoalExports({ tokens, store, rooms, log }: GoalExportDeps) {
  /** Run `use` on the board's document: the open room's, or one loaded from the store for the purpose. */
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

  return async function handleGoalExport(req: http.IncomingMessage, res: http.ServerResponse, match: RegExpExecArray): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET']);
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    };
    const boardId = decode(match[1]!);
    const goalId = decode(match[2]!);
    const format = match[3] as 'csv' | 'xlsx';
    // The board first, as on /sync: ids are random, so saying one does not exist gives nothing away.
    if (!BOARD_ID_PATTERN.test(boardId) || !(await store.getBoardRecord(boardId))) throw new HttpError(404, 'No such board');
    const token = requestToken(req);
    const check = tokens.check(token, boardId);
    if (check.kind === 'bad') {
      throw new HttpError(401, token ? 'The token is not valid for this board' : 'This needs the board’s token: ?token=… or Authorization: Bearer …', {
        'WWW-Authenticate': 'Bearer',
      });
    }
    if (check.kind === 'foreign') throw new HttpError(403, 'The token belongs to another board');

    const goal = await withDoc(boardId, (doc): Goal | null => readGoals(doc).find((g) => g.id === goalId) ?? null);
    if (!goal) throw new HttpError(404, 'No such goal on this board');

    const rows = measurementRows(goal);
    const now = new Date();
    const body =
      format === 'csv'
        ? Buffer.from(measurementsToCsv(rows), 'utf8')
        : Buffer.from(
            await measurementsToXlsx(
              { name: goal.name, unit: goal.unit, direction: goal.direction, kind: goal.kind, owner: goal.owner, frequency: goal.frequency, baseline: goal.baseline, description: goal.description },
              rows,
              now.toISOString(),
            ),
          );
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPE[format],
      'Content-Length': body.byteLength,
      'Content-Disposition': contentDisposition(goal.name, dateInZone(now), format),
      // The numbers change, and the URL may carry a token: never keep a copy.
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    log.info('exported goal', { boardId, goalId, format, rows: rows.length, capability: check.capability });
  };
}

export type GoalExports = ReturnType<typeof createGoalExports>;

// GET /api/boards/:id/goals/:goalId/export.csv and export.xlsx: a goal's numbers for the
// management report. Any token of the board may export (view and edit alike: a leader with the
// wall-screen link reads the same numbers on the board).

import { readGoals, type Goal } from '../../../shared/schema';
import { measurementRows, measurementsToCsv } from '../../../shared/domain/measurementCsv';
import { measurementsToXlsx } from '../../../shared/domain/measurementXlsx';
import { dateInZone } from '../../../shared/domain/calendar';
import type { BoardTokens } from '../auth/boardTokens';
import type { Logger } from '../log';
import type { BoardStore } from '../storage/store';
import type { RoomRegistry } from '../sync/rooms';
import type { ApiRoute } from './apiRoute';
import { authorizeBoard, decodeSegment } from './boardAuth';
import { sendDownload, type DownloadFormat } from './download';
import { HttpError, methodNotAllowed } from './responses';
import { cutCells, exportLimitFor, MAX_EXPORT_ROWS } from './exportLimit';

export const GOAL_EXPORT_PATH = /^\/api\/boards\/([^/]+)\/goals\/([^/]+)\/export\.(csv|xlsx)$/;

export interface GoalExportDeps {
  tokens: BoardTokens;
  store: BoardStore;
  rooms: RoomRegistry;
  log: Logger;
}

export function createGoalExport({ tokens, store, rooms, log }: GoalExportDeps): ApiRoute {
  return async function handleGoalExport(req, res, pathname) {
    const match = GOAL_EXPORT_PATH.exec(pathname);
    if (!match) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET']);
    const boardId = decodeSegment(match[1]!);
    const goalId = decodeSegment(match[2]!);
    const format = match[3] as DownloadFormat;
    const capability = await authorizeBoard(req, boardId, { tokens, store });

    // Bounded (issue 8): at most a few at once, at most MAX_EXPORT_ROWS periods, texts cut.
    const rows = await exportLimitFor(rooms).run(async () => {
      const goal = await rooms.read(boardId, (doc): Goal | null => readGoals(doc).find((g) => g.id === goalId) ?? null);
      if (!goal) throw new HttpError(404, 'No such goal on this board');
      const measured = measurementRows(goal).slice(0, MAX_EXPORT_ROWS);
      const fields = cutCells({ name: goal.name, unit: goal.unit, direction: goal.direction, kind: goal.kind, owner: goal.owner, frequency: goal.frequency, baseline: goal.baseline, description: goal.description });
      const now = new Date();
      const body = format === 'csv' ? Buffer.from(measurementsToCsv(measured), 'utf8') : Buffer.from(await measurementsToXlsx(fields, measured, now.toISOString()));
      sendDownload(req, res, { format, body, name: fields.name, day: dateInZone(now) });
      return measured;
    });
    log.info('exported goal', { boardId, goalId, format, rows: rows.length, capability });
    return true;
  };
}

// The leader's summary of one board document, as of today in the board's time zone.

import type * as Y from 'yjs';
import { readBoard } from '../../../shared/schema';
import { summarizeBoard, type BoardSummary } from '../../../shared/domain/summary';
import { dateInZone } from '../../../shared/domain/calendar';

export function today(now = new Date()): string {
  return dateInZone(now);
}

export function summarizeDoc(doc: Y.Doc, day: string): { title: string; summary: BoardSummary } {
  const board = readBoard(doc);
  const summary = summarizeBoard(
    { goals: board.goals, ideas: board.ideas, actions: board.actions, lastMeetingAt: board.meta.lastMeetingAt },
    day,
  );
  return { title: board.meta.title, summary };
}

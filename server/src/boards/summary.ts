// The leader's summary of one board document, as of today in the board's time zone.
//
// What is stored next to a board is the public summary plus `openDated`: its open actions that
// have a deadline. Only the overdue part of a summary depends on the day, and it follows from
// those alone, so on a new day every board's summary is derived from the stored row without
// opening its document (a list of 500 boards stays one SELECT).

import type * as Y from 'yjs';
import { readBoard } from '../../../shared/schema';
import { openDatedActions, rollSummary, summarizeBoard, type BoardSummary, type OverdueAction } from '../../../shared/domain/summary';
import { dateInZone } from '../../../shared/domain/calendar';
import { isActionStatus } from '../../../shared/domain/actionStatus';

export function today(now = new Date()): string {
  return dateInZone(now);
}

/** The summary as stored: the public part and what a later day's overdue count needs. */
export interface StoredSummary extends BoardSummary {
  openDated: OverdueAction[];
}

export function summarizeDoc(doc: Y.Doc, day: string): { title: string; summary: StoredSummary } {
  const board = readBoard(doc);
  const summary = summarizeBoard(
    { goals: board.goals, ideas: board.ideas, actions: board.actions, lastMeetingAt: board.meta.lastMeetingAt },
    day,
  );
  // readMeta cuts the title to MAX_TITLE_LENGTH, so a title written into the document at any
  // length is listed (and stored next to the board) at most 200 characters long (issue 8).
  return { title: board.meta.title, summary: { ...summary, openDated: openDatedActions(board.actions) } };
}

/** The summary as the API shows it (without the stored extras). */
export function publicSummary(stored: BoardSummary): BoardSummary {
  const { openDated: _openDated, ...summary } = stored as StoredSummary;
  return summary;
}

/**
 * A stored summary usable for `day` without the document: the same day as stored, or another
 * day when its open dated actions are there to derive the overdue part from. Null when the
 * stored row is from before these fields existed (or junk): then the document must be read.
 */
export function summaryForDay(stored: BoardSummary | null, storedDay: string | null, day: string): StoredSummary | null {
  if (!stored || typeof stored !== 'object') return null;
  const candidate = stored as Partial<StoredSummary>;
  if (!Array.isArray(candidate.overdueActions) || !Array.isArray(candidate.underTargetGoals) || !Array.isArray(candidate.openDated)) return null;
  // Stored before issue 9 gave each goal its direction: read the document once to add it.
  if (!candidate.underTargetGoals.every((g) => !!g && typeof g === 'object' && (g.direction === 'up' || g.direction === 'down'))) return null;
  const open = candidate.openDated.filter(
    (a): a is OverdueAction => !!a && typeof a === 'object' && typeof a.deadline === 'string' && isActionStatus(a.status),
  );
  if (storedDay === day) return stored as StoredSummary;
  return { ...rollSummary(stored, open, day), openDated: open };
}

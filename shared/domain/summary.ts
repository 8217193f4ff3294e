// What a leader scans per board (design.md, GET /api/boards): counts of actions by status,
// overdue actions, ideas, goals under target, and the last meeting.

import { isOverdue, type ActionStatus } from './actionStatus';
import { isUnderTarget, type Measurements } from './goalProgress';

export interface BoardSummary {
  actions: { decided: number; started: number; finished: number; evaluated: number };
  overdue: number;
  ideas: number;
  goalsUnderTarget: number;
  lastMeetingAt: string | null;
}

export interface SummaryInput {
  goals: readonly Measurements[];
  ideas: readonly unknown[];
  actions: readonly { status: ActionStatus; deadline: string | null }[];
  lastMeetingAt: string | null;
}

export function emptySummary(): BoardSummary {
  return { actions: { decided: 0, started: 0, finished: 0, evaluated: 0 }, overdue: 0, ideas: 0, goalsUnderTarget: 0, lastMeetingAt: null };
}

/** The summary of a board as of `today` (YYYY-MM-DD in Europe/Copenhagen). */
export function summarizeBoard(board: SummaryInput, today: string): BoardSummary {
  const summary = emptySummary();
  for (const action of board.actions) {
    summary.actions[action.status]++;
    if (isOverdue(action, today)) summary.overdue++;
  }
  summary.ideas = board.ideas.length;
  summary.goalsUnderTarget = board.goals.filter(isUnderTarget).length;
  summary.lastMeetingAt = board.lastMeetingAt;
  return summary;
}

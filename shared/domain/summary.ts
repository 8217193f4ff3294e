// What a leader scans per board (design.md, GET /api/boards): counts of actions by status,
// overdue actions, ideas, goals under target, and the last meeting.

import { isOpenStatus, isOverdue, type ActionStatus } from './actionStatus';
import { isIsoDate } from './calendar';
import { isUnderTarget, latestActualPeriod, type Direction, type Measurements } from './goalProgress';
import { fitText } from '../limits';

/** An open action past its deadline, for the leader overview (issue 5). */
export interface OverdueAction {
  title: string;
  responsible: string;
  /** YYYY-MM-DD */
  deadline: string;
  status: ActionStatus;
}

/**
 * A goal that misses its target in its latest period with an actual. The name is historic: a
 * lower-is-better goal misses by being over its target, so `direction` (issue 9) says which way
 * to word it ("under måltal" when up, "over måltal" when down).
 */
export interface GoalUnderTarget {
  name: string;
  unit: string;
  /** Additive (issue 9): is higher better? Absent in summaries stored before it; read it as 'up'. */
  direction: Direction;
  period: string;
  actual: number;
  target: number;
}

/** Longest title or name copied into a summary (= MAX_TITLE_LENGTH, the board title's); most overdue actions listed per board. */
export const SUMMARY_TEXT_MAX = 200;
export const SUMMARY_LIST_MAX = 50;

export interface BoardSummary {
  actions: { decided: number; started: number; finished: number; evaluated: number };
  overdue: number;
  ideas: number;
  goalsUnderTarget: number;
  lastMeetingAt: string | null;
  /** Additive (issue 5): the overdue actions, earliest deadline first (at most SUMMARY_LIST_MAX). */
  overdueActions: OverdueAction[];
  /** Additive (issue 5): the goals that miss their target, in board order (at most SUMMARY_LIST_MAX). */
  underTargetGoals: GoalUnderTarget[];
}

type SummaryAction = { status: ActionStatus; deadline: string | null; title?: string; responsible?: string };
type SummaryGoal = Measurements & { name?: string; unit?: string };

export interface SummaryInput {
  goals: readonly SummaryGoal[];
  ideas: readonly unknown[];
  actions: readonly SummaryAction[];
  lastMeetingAt: string | null;
}

export function emptySummary(): BoardSummary {
  return {
    actions: { decided: 0, started: 0, finished: 0, evaluated: 0 },
    overdue: 0,
    ideas: 0,
    goalsUnderTarget: 0,
    lastMeetingAt: null,
    overdueActions: [],
    underTargetGoals: [],
  };
}

/** Cut to SUMMARY_TEXT_MAX characters, never half a surrogate pair. */
const clip = (text: string | undefined) => fitText(text ?? '', SUMMARY_TEXT_MAX).text;

/**
 * The open actions that have a deadline: all a summary needs to know its overdue count on any
 * later day. The server keeps them next to the stored summary, so a new day's summaries are
 * derived without opening a single board document.
 */
export function openDatedActions(actions: readonly SummaryAction[]): OverdueAction[] {
  const result: OverdueAction[] = [];
  for (const action of actions) {
    if (!isOpenStatus(action.status) || !isIsoDate(action.deadline)) continue;
    result.push({ title: clip(action.title), responsible: clip(action.responsible), deadline: action.deadline, status: action.status });
  }
  return result.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.title.localeCompare(b.title));
}

/** The overdue part of a summary as of `today`, from the open dated actions. */
export function overdueAsOf(open: readonly OverdueAction[], today: string): { overdue: number; overdueActions: OverdueAction[] } {
  const overdueActions = open.filter((action) => isOverdue(action, today));
  return { overdue: overdueActions.length, overdueActions: overdueActions.slice(0, SUMMARY_LIST_MAX) };
}

/** A summary moved to another day: only the overdue part depends on the day. */
export function rollSummary(summary: BoardSummary, open: readonly OverdueAction[], today: string): BoardSummary {
  return { ...summary, ...overdueAsOf(open, today) };
}

/** The summary of a board as of `today` (YYYY-MM-DD in Europe/Copenhagen). */
export function summarizeBoard(board: SummaryInput, today: string): BoardSummary {
  const summary = emptySummary();
  for (const action of board.actions) summary.actions[action.status]++;
  Object.assign(summary, overdueAsOf(openDatedActions(board.actions), today));
  summary.ideas = board.ideas.length;
  const under = board.goals.filter(isUnderTarget);
  summary.goalsUnderTarget = under.length;
  summary.underTargetGoals = under.slice(0, SUMMARY_LIST_MAX).map((goal) => {
    const period = latestActualPeriod(goal)!;
    return { name: clip(goal.name), unit: clip(goal.unit), direction: goal.direction, period, actual: goal.actuals[period]!, target: goal.targets[period]! };
  });
  summary.lastMeetingAt = board.lastMeetingAt;
  return summary;
}

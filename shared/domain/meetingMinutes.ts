// What a meeting decided, for its minutes: the actions created, changed or removed between the
// start and the end. At the start the meeting keeps a small snapshot of the action plan (the
// baseline); at the end the plan is compared with it, so a new responsible or deadline counts too
// (they carry no timestamp of their own). Without a baseline (junk, an old client) the actions'
// own timestamps are used: created during the meeting, or a status change during it.
// Since issue 9 the minutes also keep the board as it stood at the end (see the last section).

import { isOpenStatus, isOverdue, type ActionStatus } from './actionStatus';
import { latestActualPeriod, type Measurements } from './goalProgress';
import { parseTime } from './meetingTimer';
import type { Direction } from './targetStatus';

/** Longest title kept in a baseline or a decision (the full title stays on the action). */
export const SNAPSHOT_TITLE_MAX = 300;

export interface ActionSnapshot {
  title: string;
  responsible: string;
  deadline: string | null;
  status: ActionStatus;
}

export type ActionBaseline = Record<string, ActionSnapshot>;

export type DecisionKind = 'created' | 'changed' | 'removed';
export type ChangedField = 'title' | 'responsible' | 'deadline' | 'status';

export interface Decision extends ActionSnapshot {
  actionId: string;
  kind: DecisionKind;
  /** For `changed`: which fields differ from the start of the meeting. */
  changes: ChangedField[];
  /** For `changed` and `removed`: the action as it was at the start. */
  before?: ActionSnapshot;
}

interface ActionLike {
  id: string;
  title: string;
  responsible: string;
  deadline: string | null;
  status: ActionStatus;
  createdAt: string;
  history: readonly { at: string }[];
}

export function snapshotOf(action: Omit<ActionSnapshot, never>): ActionSnapshot {
  return {
    title: action.title.slice(0, SNAPSHOT_TITLE_MAX),
    responsible: action.responsible,
    deadline: action.deadline,
    status: action.status,
  };
}

/** The action plan at the start of a meeting. */
export function actionBaseline(actions: readonly ActionLike[]): ActionBaseline {
  const baseline: ActionBaseline = {};
  for (const action of actions) baseline[action.id] = snapshotOf(action);
  return baseline;
}

const FIELDS: readonly ChangedField[] = ['title', 'responsible', 'deadline', 'status'];

/**
 * The decisions of a meeting, in plan order (removed ones last): actions created, changed or
 * removed since `baseline` was taken. `startedAt` (ISO, server time) is used only without a baseline.
 */
export function meetingDecisions(baseline: ActionBaseline | null, actions: readonly ActionLike[], startedAt: string): Decision[] {
  const start = parseTime(startedAt);
  const during = (at: string) => start !== null && (parseTime(at) ?? -Infinity) >= start;
  const decisions: Decision[] = [];
  const seen = new Set<string>();
  for (const action of actions) {
    seen.add(action.id);
    const now = snapshotOf(action);
    if (baseline) {
      const before = baseline[action.id];
      if (!before) {
        decisions.push({ actionId: action.id, kind: 'created', changes: [], ...now });
        continue;
      }
      const changes = FIELDS.filter((field) => before[field] !== now[field]);
      if (changes.length > 0) decisions.push({ actionId: action.id, kind: 'changed', changes, before, ...now });
    } else if (during(action.createdAt)) {
      decisions.push({ actionId: action.id, kind: 'created', changes: [], ...now });
    } else if (action.history.some((change) => during(change.at))) {
      decisions.push({ actionId: action.id, kind: 'changed', changes: ['status'], ...now });
    }
  }
  if (baseline) {
    for (const [actionId, before] of Object.entries(baseline)) {
      if (!seen.has(actionId)) decisions.push({ actionId, kind: 'removed', changes: [], before, ...before });
    }
  }
  return decisions;
}

// ---------------------------------------------------------------- the board at the end (issue 9)
// What the minutes keep of the board as it stood when the meeting ended, so they are worth
// reading later: each goal's latest number against its target, and the open actions (overdue
// ones marked) with who is responsible and by when. Plain data, computed once at the end.

/** Longest goal name, unit or responsible kept in the minutes. */
export const MINUTES_TEXT_MAX = 200;
/** Most goals and open actions the minutes keep. */
export const MINUTES_LIST_MAX = 100;

export interface GoalReading {
  goalId: string;
  name: string;
  unit: string;
  direction: Direction;
  /** The latest period with an actual; null when the goal has no number yet. */
  period: string | null;
  actual: number | null;
  /** The target of that period; null when it has none. */
  target: number | null;
}

export interface OpenActionNote extends ActionSnapshot {
  actionId: string;
  /** Past its deadline on the day the meeting ended (Europe/Copenhagen). */
  overdue: boolean;
}

type GoalLike = Measurements & { id: string; name: string; unit: string };

const clipText = (text: string) => text.slice(0, MINUTES_TEXT_MAX);

/** Each goal's latest number against its target, in board order. */
export function goalReadings(goals: readonly GoalLike[]): GoalReading[] {
  return goals.slice(0, MINUTES_LIST_MAX).map((goal) => {
    const period = latestActualPeriod(goal);
    return {
      goalId: goal.id,
      name: clipText(goal.name),
      unit: clipText(goal.unit),
      direction: goal.direction,
      period,
      actual: period === null ? null : goal.actuals[period]!,
      target: period === null ? null : (goal.targets[period] ?? null),
    };
  });
}

/**
 * The open actions (Besluttet, Igangsat; not archived) as of `today`: overdue first, then by
 * deadline (none last), then plan order.
 */
export function openActionNotes(actions: readonly (ActionLike & { archived?: boolean; order?: number })[], today: string): OpenActionNote[] {
  return actions
    .filter((action) => isOpenStatus(action.status) && !action.archived)
    .map((action, index) => ({ note: { actionId: action.id, ...snapshotOf(action), responsible: clipText(action.responsible), overdue: isOverdue(action, today) }, index }))
    .sort((a, b) => Number(b.note.overdue) - Number(a.note.overdue) || (a.note.deadline ?? '9999').localeCompare(b.note.deadline ?? '9999') || a.index - b.index)
    .slice(0, MINUTES_LIST_MAX)
    .map(({ note }) => note);
}

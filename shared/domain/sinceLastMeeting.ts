// "Siden sidst" (since last time): what changed on the board between the previous meeting and
// this one. Derived only from timestamps the board itself keeps — an actual's entry log
// (goal.actualLog), an idea's createdAt and assessedAt, an action's createdAt and status
// history — so it cannot drift from the board the way a separate change log could.

import type { ActionStatus } from './actionStatus';
import { missesTarget, type Direction } from './goalProgress';
import { comparePeriods } from './periods';
import { parseTime } from './meetingTimer';
import type { Zone } from './zones';

interface GoalLike {
  id: string;
  name: string;
  unit: string;
  direction: Direction;
  targets: Readonly<Record<string, number>>;
  actuals: Readonly<Record<string, number>>;
  actualLog?: Readonly<Record<string, { by: string; at: string }>>;
}

interface IdeaLike {
  id: string;
  text: string;
  author: string;
  createdAt: string;
  zone: Zone | null;
  assessedAt?: string;
}

interface ActionLike {
  id: string;
  title: string;
  responsible: string;
  deadline: string | null;
  status: ActionStatus;
  createdAt: string;
  history: readonly { status: ActionStatus; at: string; by: string }[];
}

export interface NewMeasurement {
  goalId: string;
  goalName: string;
  unit: string;
  /** Is higher better (issue 9): a miss is worded "under måltal" when up, "over måltal" when down. */
  direction: Direction;
  period: string;
  actual: number;
  target: number | null;
  /** Whether the actual misses its target (either way, by direction); null without a target. */
  under: boolean | null;
  by: string;
  at: string;
}

export interface StatusChangeSince {
  actionId: string;
  title: string;
  responsible: string;
  status: ActionStatus;
  by: string;
  at: string;
}

export interface IdeaSince {
  id: string;
  text: string;
  author: string;
  zone: Zone | null;
  at: string;
}

export interface ActionSince {
  id: string;
  title: string;
  responsible: string;
  deadline: string | null;
  status: ActionStatus;
  at: string;
}

export interface SinceLastMeeting {
  /** The previous meeting's end, or null when there was none (everything until `until` counts). */
  since: string | null;
  until: string | null;
  measurements: NewMeasurement[];
  statusChanges: StatusChangeSince[];
  newIdeas: IdeaSince[];
  assessedIdeas: IdeaSince[];
  newActions: ActionSince[];
  /** Number of entries in all lists. */
  total: number;
}

/**
 * What changed in (since, until]: `since` is the previous meeting's end (null: from the start),
 * `until` the start of this meeting (null: up to now). Times are compared as instants, so a
 * junk timestamp is never "in" the window.
 */
export function sinceLastMeeting(
  board: { goals: readonly GoalLike[]; ideas: readonly IdeaLike[]; actions: readonly ActionLike[] },
  since: string | null,
  until: string | null = null,
): SinceLastMeeting {
  const from = since === null ? -Infinity : (parseTime(since) ?? -Infinity);
  const to = until === null ? Infinity : (parseTime(until) ?? Infinity);
  const inWindow = (at: string | undefined): boolean => {
    const ms = parseTime(at);
    return ms !== null && ms > from && ms <= to;
  };
  const byTime = <T extends { at: string }>(a: T, b: T) => (parseTime(a.at) ?? 0) - (parseTime(b.at) ?? 0);

  const measurements: NewMeasurement[] = [];
  for (const goal of board.goals) {
    for (const [period, stamp] of Object.entries(goal.actualLog ?? {})) {
      const actual = goal.actuals[period];
      if (actual === undefined || !inWindow(stamp.at)) continue;
      const target = goal.targets[period];
      measurements.push({
        goalId: goal.id,
        goalName: goal.name,
        unit: goal.unit,
        direction: goal.direction,
        period,
        actual,
        target: target ?? null,
        under: target === undefined ? null : missesTarget(goal.direction, target, actual),
        by: stamp.by,
        at: stamp.at,
      });
    }
  }
  // Per goal in period order: "Jan 61, Feb 65" reads better than in the order they were typed.
  measurements.sort((a, b) => a.goalName.localeCompare(b.goalName) || a.goalId.localeCompare(b.goalId) || comparePeriods(a.period, b.period));

  const newActions: ActionSince[] = [];
  const statusChanges: StatusChangeSince[] = [];
  for (const action of board.actions) {
    if (inWindow(action.createdAt)) {
      newActions.push({ id: action.id, title: action.title, responsible: action.responsible, deadline: action.deadline, status: action.status, at: action.createdAt });
    }
    action.history.forEach((change, index) => {
      // The first entry is the action being created (Besluttet): that is a new action, not a change.
      if (index === 0 && change.at === action.createdAt) return;
      if (!inWindow(change.at)) return;
      statusChanges.push({ actionId: action.id, title: action.title, responsible: action.responsible, status: change.status, by: change.by, at: change.at });
    });
  }
  newActions.sort(byTime);
  statusChanges.sort(byTime);

  const newIdeas: IdeaSince[] = [];
  const assessedIdeas: IdeaSince[] = [];
  for (const idea of board.ideas) {
    if (inWindow(idea.createdAt)) newIdeas.push({ id: idea.id, text: idea.text, author: idea.author, zone: idea.zone, at: idea.createdAt });
    if (idea.zone && idea.assessedAt && inWindow(idea.assessedAt)) {
      assessedIdeas.push({ id: idea.id, text: idea.text, author: idea.author, zone: idea.zone, at: idea.assessedAt });
    }
  }
  newIdeas.sort(byTime);
  assessedIdeas.sort(byTime);

  return {
    since,
    until,
    measurements,
    statusChanges,
    newIdeas,
    assessedIdeas,
    newActions,
    total: measurements.length + statusChanges.length + newIdeas.length + assessedIdeas.length + newActions.length,
  };
}

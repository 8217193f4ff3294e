// Rules of the action plan (Handleplan) beyond a single status: what is due this week, the
// team's capacity for open actions, moving a status back and forth, sorting and filtering, and
// what the follow-up (Opfølgning) walks through. Pure; dates are YYYY-MM-DD in Europe/Copenhagen.

import { ACTION_STATUSES, isOpenStatus, isOverdue, type ActionStatus } from './actionStatus';
import { addDays, isIsoDate } from './calendar';

interface PlanAction {
  id: string;
  title: string;
  responsible: string;
  deadline: string | null;
  status: ActionStatus;
  order: number;
  createdAt: string;
  archived?: boolean;
  history: readonly { status: ActionStatus; at: string; by: string }[];
}

/** A deadline counts as "due this week" when it falls on today or one of the next six days. */
export const DUE_SOON_DAYS = 7;

/** Open, not overdue, and the deadline within the next seven days (today included). */
export function isDueSoon(action: { status: ActionStatus; deadline: string | null }, today: string): boolean {
  if (!isOpenStatus(action.status) || !isIsoDate(action.deadline)) return false;
  return action.deadline >= today && action.deadline < addDays(today, DUE_SOON_DAYS);
}

export type Urgency = 'overdue' | 'dueSoon' | null;

export function urgencyOf(action: { status: ActionStatus; deadline: string | null }, today: string): Urgency {
  if (isOverdue(action, today)) return 'overdue';
  return isDueSoon(action, today) ? 'dueSoon' : null;
}

/** The status before, or null at the start (Besluttet). */
export function previousStatus(status: ActionStatus): ActionStatus | null {
  const index = ACTION_STATUSES.indexOf(status);
  return index > 0 ? ACTION_STATUSES[index - 1]! : null;
}

/** Whether a change is a step back (a mistake corrected) rather than progress. */
export function isStepBack(from: ActionStatus, to: ActionStatus): boolean {
  return ACTION_STATUSES.indexOf(to) < ACTION_STATUSES.indexOf(from);
}

/** Open actions that take resources: Besluttet or Igangsat, and not archived. */
export function countOpen(actions: readonly { status: ActionStatus; archived?: boolean }[]): number {
  return actions.filter((a) => isOpenStatus(a.status) && !a.archived).length;
}

export interface CapacityCheck {
  open: number;
  capacity: number | null;
  /** Open actions after adding `adding` more. */
  after: number;
  /** Adding would go past what the team said it has resources for (a warning, never a block). */
  exceeds: boolean;
  /** Already past it now. */
  over: boolean;
}

export function checkCapacity(open: number, capacity: number | null, adding = 1): CapacityCheck {
  const after = open + adding;
  return {
    open,
    capacity,
    after,
    exceeds: capacity !== null && after > capacity,
    over: capacity !== null && open > capacity,
  };
}

export type SortKey = 'plan' | 'deadline' | 'status' | 'responsible';
export const SORT_KEYS: readonly SortKey[] = ['plan', 'deadline', 'status', 'responsible'];

export interface PlanFilter {
  /** 'all', 'open' (Besluttet or Igangsat) or one status. */
  status: 'all' | 'open' | ActionStatus;
  /** '' for everyone; else the exact responsible ('-' for actions without one). */
  responsible: string;
  showArchived: boolean;
}

export const NO_RESPONSIBLE = '-';

const byPlan = (a: PlanAction, b: PlanAction) => a.order - b.order || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** Filter and sort; ties (and the plan order) keep the team's order. No deadline sorts last. */
export function arrangeActions<T extends PlanAction>(actions: readonly T[], filter: PlanFilter, sort: SortKey, locale = 'da'): T[] {
  const kept = actions.filter((a) => {
    if (a.archived && !filter.showArchived) return false;
    if (filter.status === 'open' && !isOpenStatus(a.status)) return false;
    if (filter.status !== 'all' && filter.status !== 'open' && a.status !== filter.status) return false;
    if (filter.responsible === NO_RESPONSIBLE) return a.responsible.trim() === '';
    if (filter.responsible && a.responsible !== filter.responsible) return false;
    return true;
  });
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const compare: Record<SortKey, (a: T, b: T) => number> = {
    plan: byPlan,
    deadline: (a, b) => {
      if (a.deadline === b.deadline) return byPlan(a, b);
      if (!a.deadline) return 1;
      if (!b.deadline) return -1;
      return a.deadline.localeCompare(b.deadline);
    },
    status: (a, b) => ACTION_STATUSES.indexOf(a.status) - ACTION_STATUSES.indexOf(b.status) || byPlan(a, b),
    responsible: (a, b) => {
      if (!a.responsible !== !b.responsible) return a.responsible ? -1 : 1;
      return collator.compare(a.responsible, b.responsible) || byPlan(a, b);
    },
  };
  return [...kept].sort(compare[sort]);
}

const time = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

/** Status changes after `since` (the last meeting's end); all of them when there was no meeting. */
export function historySince<T extends { at: string }>(history: readonly T[], since: string | null): T[] {
  const from = since === null ? null : time(since);
  return history.filter((change) => {
    if (from === null) return true;
    const at = time(change.at);
    return at !== null && at > from;
  });
}

/**
 * What the follow-up walks through, one by one: every action not yet evaluated and not archived
 * (a finished action still waits for its evaluation), overdue first, then by deadline, then in
 * plan order.
 */
export function followUpActions<T extends PlanAction>(actions: readonly T[], today: string): T[] {
  const rank = (a: T) => (isOverdue(a, today) ? 0 : isDueSoon(a, today) ? 1 : 2);
  return actions
    .filter((a) => a.status !== 'evaluated' && !a.archived)
    .sort((a, b) => rank(a) - rank(b) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || byPlan(a, b));
}

// Action statuses and the rules on them: Besluttet → Igangsat → Afsluttet → Evalueret.

import { isIsoDate } from './calendar';

export type ActionStatus = 'decided' | 'started' | 'finished' | 'evaluated';

export const ACTION_STATUSES: readonly ActionStatus[] = ['decided', 'started', 'finished', 'evaluated'];

export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

/** Open actions still need work; only they can be overdue. */
export function isOpenStatus(status: ActionStatus): boolean {
  return status === 'decided' || status === 'started';
}

/** The next status forward, or null at the end. */
export function nextStatus(status: ActionStatus): ActionStatus | null {
  const index = ACTION_STATUSES.indexOf(status);
  return ACTION_STATUSES[index + 1] ?? null;
}

/** An action is overdue when its deadline is before today and it is still open. */
export function isOverdue(action: { status: ActionStatus; deadline: string | null }, today: string): boolean {
  return isOpenStatus(action.status) && isIsoDate(action.deadline) && action.deadline < today;
}

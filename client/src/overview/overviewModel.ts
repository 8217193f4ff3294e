// Sorting and filtering the leader overview. Pure, so it is unit tested.

import type { OverviewBoard } from './overviewApi';

export type SortKey = 'overdue' | 'underTarget' | 'title' | 'lastMeeting' | 'updated';
export type SortDirection = 'asc' | 'desc';

export interface OverviewQuery {
  text: string;
  onlyOverdue: boolean;
  sort: SortKey;
  direction: SortDirection;
}

/** The direction a column sorts in first: problems and old meetings on top. */
export const DEFAULT_DIRECTION: Record<SortKey, SortDirection> = {
  overdue: 'desc',
  underTarget: 'desc',
  title: 'asc',
  // Boards that have not met for the longest (or never) first.
  lastMeeting: 'asc',
  updated: 'desc',
};

export const DEFAULT_QUERY: OverviewQuery = { text: '', onlyOverdue: false, sort: 'overdue', direction: 'desc' };

const collator = new Intl.Collator('da', { sensitivity: 'base', numeric: true });

function haystack(board: OverviewBoard): string {
  const s = board.summary;
  return [
    board.title,
    ...(s.overdueActions ?? []).flatMap((a) => [a.title, a.responsible]),
    ...(s.underTargetGoals ?? []).map((g) => g.name),
  ]
    .join('\n')
    .toLocaleLowerCase('da');
}

function compare(a: OverviewBoard, b: OverviewBoard, key: SortKey): number {
  switch (key) {
    case 'overdue':
      return a.summary.overdue - b.summary.overdue;
    case 'underTarget':
      return a.summary.goalsUnderTarget - b.summary.goalsUnderTarget;
    case 'title':
      return collator.compare(a.title, b.title);
    case 'lastMeeting':
      // Never met sorts before any date.
      return (a.summary.lastMeetingAt ?? '').localeCompare(b.summary.lastMeetingAt ?? '');
    case 'updated':
      return a.updatedAt.localeCompare(b.updatedAt);
  }
}

export function filterAndSort(boards: readonly OverviewBoard[], query: OverviewQuery): OverviewBoard[] {
  const needle = query.text.trim().toLocaleLowerCase('da');
  const sign = query.direction === 'asc' ? 1 : -1;
  return boards
    .filter((board) => (!query.onlyOverdue || board.summary.overdue > 0) && (!needle || haystack(board).includes(needle)))
    .sort((a, b) => sign * compare(a, b, query.sort) || collator.compare(a.title, b.title) || a.id.localeCompare(b.id));
}

/** The query after a click on a column header: the same column flips, another starts in its default direction. */
export function sortBy(query: OverviewQuery, key: SortKey): OverviewQuery {
  if (query.sort === key) return { ...query, direction: query.direction === 'asc' ? 'desc' : 'asc' };
  return { ...query, sort: key, direction: DEFAULT_DIRECTION[key] };
}

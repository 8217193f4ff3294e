import { describe, expect, it } from 'vitest';
import { emptySummary } from '../../shared/domain/summary';
import { DEFAULT_QUERY, filterAndSort, sortBy } from '../../client/src/overview/overviewModel';
import type { OverviewBoard } from '../../client/src/overview/overviewApi';

function board(id: string, title: string, patch: Partial<OverviewBoard['summary']> = {}, updatedAt = '2026-11-20T10:00:00.000Z'): OverviewBoard {
  return { id, title, updatedAt, summary: { ...emptySummary(), ...patch }, links: { view: `/b/${id}?token=v_x` } };
}

const boards = [
  board('a', 'Borgerservice', { overdue: 2, goalsUnderTarget: 0, lastMeetingAt: '2026-11-18T09:15:00.000Z', overdueActions: [{ title: 'Måling', responsible: 'Ulla', deadline: '2026-11-01', status: 'decided' }] }),
  board('b', 'Ældrepleje', { overdue: 0, goalsUnderTarget: 2, lastMeetingAt: null, underTargetGoals: [{ name: 'Liftbrug', unit: '%', direction: 'up', period: '2026-10', actual: 40, target: 60 }] }),
  board('c', 'Jobcenter', { overdue: 5, goalsUnderTarget: 1, lastMeetingAt: '2026-11-24T09:15:00.000Z' }),
  board('d', 'Anlæg', {}),
];
const ids = (list: OverviewBoard[]) => list.map((b) => b.id);

describe('the leader overview', () => {
  it('sorts by overdue first by default (most first, then by title)', () => {
    expect(ids(filterAndSort(boards, DEFAULT_QUERY))).toEqual(['c', 'a', 'd', 'b']);
  });

  it('sorts by goals under target, title, last meeting (never met first) and flips on a second click', () => {
    expect(ids(filterAndSort(boards, sortBy(DEFAULT_QUERY, 'underTarget')))).toEqual(['b', 'c', 'd', 'a']);
    const byTitle = sortBy(DEFAULT_QUERY, 'title');
    expect(ids(filterAndSort(boards, byTitle))).toEqual(['d', 'a', 'c', 'b']);
    expect(ids(filterAndSort(boards, sortBy(byTitle, 'title')))).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(filterAndSort(boards, sortBy(DEFAULT_QUERY, 'lastMeeting')))).toEqual(['d', 'b', 'a', 'c']);
  });

  it('filters by text in titles, responsible people and goal names, and by "only overdue"', () => {
    expect(ids(filterAndSort(boards, { ...DEFAULT_QUERY, text: 'ulla' }))).toEqual(['a']);
    expect(ids(filterAndSort(boards, { ...DEFAULT_QUERY, text: 'LIFT' }))).toEqual(['b']);
    expect(ids(filterAndSort(boards, { ...DEFAULT_QUERY, onlyOverdue: true }))).toEqual(['c', 'a']);
    expect(ids(filterAndSort(boards, { ...DEFAULT_QUERY, text: 'zzz' }))).toEqual([]);
  });

  it('does not change the list it is given', () => {
    const copy = [...boards];
    filterAndSort(boards, sortBy(DEFAULT_QUERY, 'title'));
    expect(boards).toEqual(copy);
  });
});

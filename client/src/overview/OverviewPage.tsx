// Lederoverblik: every board at a glance for the admin and for leaders with the read-only leader
// link — goals that miss their target in their latest period, actions by status, overdue actions with
// responsible and deadline, the last meeting; sortable and filterable; each board opens
// read-only (its view link; a leader is never given an edit link).

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useT } from '../app/i18n';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { useTargetWording } from '../goals/targetWording';
import { readDirection } from '../../../shared/domain/targetStatus';
import { fetchOverview, OverviewError, overviewAccessFromLocation, type OverviewAccess, type OverviewBoard } from './overviewApi';
import { DEFAULT_QUERY, filterAndSort, sortBy, type OverviewQuery, type SortKey } from './overviewModel';
import { overviewMessages } from './messages';
import './overview.css';
import { useFormat } from '../app/format';

/** A leader leaves the overview open: it refreshes itself this often. */
const REFRESH_MS = 60_000;
/** Overdue actions listed per board before "… and n more". */
const OVERDUE_SHOWN = 5;

export function OverviewPage() {
  const t = useT(overviewMessages);
  const [access] = useState<OverviewAccess | null>(overviewAccessFromLocation);
  useEffect(() => {
    document.title = `${t('title')} – Måltavle`;
  }, [t]);
  return (
    <div className="overview-page">
      <header className="app-bar overview-header">
        <h1>{t('title')}</h1>
        {access && <span className="overview-access">{access.kind === 'leader' ? t('leaderAccess') : t('adminAccess')}</span>}
        <LanguageSwitch />
      </header>
      <main className="overview-main">
        <p className="overview-intro">{t('intro')}</p>
        {access ? <Overview access={access} /> : <p role="alert">{t('needAccess')}</p>}
        {access?.kind === 'admin' && (
          <p>
            <a href="/">{t('toStart')}</a>
          </p>
        )}
      </main>
    </div>
  );
}

function Overview({ access }: { access: OverviewAccess }) {
  const t = useT(overviewMessages);
  const time = useFormat();
  const [boards, setBoards] = useState<OverviewBoard[] | null>(null);
  const [loadedAt, setLoadedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState<OverviewQuery>(DEFAULT_QUERY);

  const load = useCallback(() => {
    fetchOverview(access.token)
      .then((list) => {
        setBoards(list);
        setLoadedAt(new Date().toISOString());
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof OverviewError && (e.status === 401 || e.status === 403) ? t('badToken') : t('failed', { error: e instanceof Error ? e.message : String(e) })));
  }, [access.token, t]);

  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const shown = useMemo(() => (boards ? filterAndSort(boards, query) : []), [boards, query]);

  if (error && !boards) return <p role="alert" className="error-text">{error}</p>;
  if (!boards) return <p role="status">{t('loading')}</p>;

  const totals = {
    boards: boards.length,
    overdue: boards.filter((b) => b.summary.overdue > 0).length,
    under: boards.filter((b) => b.summary.goalsUnderTarget > 0).length,
  };

  return (
    <>
      <div className="overview-controls">
        <label className="overview-search">
          {t('search')}
          <input type="search" value={query.text} onChange={(e) => setQuery({ ...query, text: e.target.value })} placeholder={t('searchHelp')} data-testid="overview-search" />
        </label>
        <label className="overview-check">
          <input type="checkbox" checked={query.onlyOverdue} onChange={(e) => setQuery({ ...query, onlyOverdue: e.target.checked })} data-testid="overview-only-overdue" />
          {t('onlyOverdue')}
        </label>
        <button type="button" onClick={load} data-testid="overview-refresh">
          {t('refresh')}
        </button>
        {loadedAt && <span className="muted">{t('updatedAt', { time: time.time(loadedAt) })}</span>}
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <p className="overview-totals" role="status">
        {t('totals', totals)}
        {shown.length !== boards.length && ` · ${t('shown', { n: shown.length, total: boards.length })}`}
      </p>
      {boards.length === 0 ? (
        <p>{t('noBoards')}</p>
      ) : shown.length === 0 ? (
        <p>{t('noMatch')}</p>
      ) : (
        <OverviewTable boards={shown} query={query} onSort={(key) => setQuery(sortBy(query, key))} />
      )}
    </>
  );
}

function OverviewTable({ boards, query, onSort }: { boards: OverviewBoard[]; query: OverviewQuery; onSort: (key: SortKey) => void }) {
  const t = useT(overviewMessages);
  const header = (key: SortKey | null, label: string) => {
    if (!key) return <th scope="col">{label}</th>;
    const active = query.sort === key;
    return (
      <th scope="col" aria-sort={active ? (query.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort-button" onClick={() => onSort(key)} data-testid={`sort-${key}`}>
          {label}
          <span aria-hidden="true" className="sort-icon">
            {active ? (query.direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
          </span>
          <span className="visually-hidden">, {t('sortBy', { column: label })}</span>
        </button>
      </th>
    );
  };
  return (
    <table className="overview-table" data-testid="overview-table">
      <thead>
        <tr>
          {header('title', t('board'))}
          {header('underTarget', t('underTarget'))}
          {header(null, t('actions'))}
          {header('overdue', t('overdue'))}
          {header('lastMeeting', t('lastMeeting'))}
          {header('updated', t('changed'))}
        </tr>
      </thead>
      <tbody>
        {boards.map((board) => (
          <BoardRow key={board.id} board={board} />
        ))}
      </tbody>
    </table>
  );
}

function BoardRow({ board }: { board: OverviewBoard }) {
  const t = useT(overviewMessages);
  const fmt = useFormat();
  const time = useFormat();
  const s = board.summary;
  const overdueActions = s.overdueActions ?? [];
  const underGoals = s.underTargetGoals ?? [];
  const wording = useTargetWording();
  return (
    <tr data-testid="overview-row" data-board-id={board.id} data-overdue={s.overdue} className={s.overdue > 0 ? 'has-overdue' : undefined}>
      <th scope="row" className="overview-board">
        <a href={board.links.view} data-testid="overview-open" aria-label={t('openBoard', { title: board.title })}>
          {board.title}
        </a>
      </th>
      <td>
        <Count n={s.goalsUnderTarget} icon="◆" warn />
        {underGoals.length > 0 && (
          <ul className="overview-list">
            {underGoals.map((goal, i) => (
              <li key={i} data-testid="overview-goal">
                {t('goalLine', {
                  name: goal.name,
                  versus: wording.versus(goal.actual, goal.target, goal.unit),
                  period: fmt.period(goal.period),
                  // A summary without a direction (from before issue 9) is read as higher is better.
                  gap: wording.gap({ ...goal, direction: readDirection(goal.direction) }) ?? '',
                })}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <div className="overview-statuses">
          {(['decided', 'started', 'finished', 'evaluated'] as const).map((status) => (
            <span key={status} className={`overview-status status-${status}`} data-testid={`count-${status}`}>
              <strong>{s.actions[status]}</strong> {t(status)}
            </span>
          ))}
        </div>
      </td>
      <td>
        <Count n={s.overdue} icon="⚠" warn testId="overdue-count" />
        {overdueActions.length > 0 && (
          <ul className="overview-list overview-overdue" data-testid="overdue-list">
            {overdueActions.slice(0, OVERDUE_SHOWN).map((action, i) => (
              <li key={i} data-testid="overdue-action">
                {t('overdueLine', { title: action.title, responsible: action.responsible || t('noResponsible'), deadline: fmt.date(action.deadline) })}
              </li>
            ))}
            {s.overdue > OVERDUE_SHOWN && <li className="muted">{t('moreOverdue', { n: s.overdue - OVERDUE_SHOWN })}</li>}
          </ul>
        )}
      </td>
      <td data-testid="last-meeting">{s.lastMeetingAt ? time.day(s.lastMeetingAt) : <span className="muted">{t('never')}</span>}</td>
      <td>{time.dateTime(board.updatedAt)}</td>
    </tr>
  );
}

function Count({ n, icon, warn, testId }: { n: number; icon: string; warn?: boolean; testId?: string }): ReactNode {
  const t = useT(overviewMessages);
  if (n === 0) return <span className="overview-count is-zero" data-testid={testId}>{t('none')}</span>;
  return (
    <span className={`overview-count${warn ? ' is-warn' : ''}`} data-testid={testId}>
      <span aria-hidden="true">{icon} </span>
      {n}
    </span>
  );
}

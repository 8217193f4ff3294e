// The wall's top line: the board's title (wrapping onto a second line and condensing rather than
// cut off), what needs attention (goals that miss their target, overdue actions — colour AND an
// icon and words), when the board last changed, whether the screen is connected and whether the
// server has stored every change (issue 8.1: a full disk shows here as "Ikke gemt").

import { useRef } from 'react';
import { isOverdue } from '../../../shared/domain/actionStatus';
import { isUnderTarget } from '../../../shared/domain/goalProgress';
import { useT } from '../app/i18n';
import { useToday } from '../app/useToday';
import { boardMessages } from '../board/messages';
import { STATUS_ICON } from '../board/BoardHeader';
import { useTargetWording } from '../goals/targetWording';
import { useClockOffset, useNow } from '../meeting/serverClock';
import { useActions, useConnectionState, useGoals, useMeta, useSaveState } from '../sync/BoardProvider';
import { hyphenate } from './hyphenate';
import { useFit } from './useFit';
import { useLastChange } from './useLastChange';
import { wallMessages } from './messages';
import { WallExportMenu } from './WallExportMenu';
import { useFormat } from '../app/format';

export function WallHeader() {
  const t = useT(wallMessages);
  const tb = useT(boardMessages);
  const meta = useMeta();
  const goals = useGoals();
  const actions = useActions();
  const today = useToday();
  const status = useConnectionState((s) => s.status);
  const saved = useSaveState();
  const wording = useTargetWording();
  const titleBox = useRef<HTMLDivElement>(null);
  const title = meta.title || 'Måltavle';
  useFit(titleBox, { min: 28, max: 44, contentKey: title });
  const missed = goals.filter(isUnderTarget).length;
  const overdue = actions.filter((action) => isOverdue(action, today)).length;
  return (
    <header className="wall-header">
      <div ref={titleBox} className="wall-title-box">
        <h1 className="wall-title" lang="da" data-testid="wall-title">
          {hyphenate(title)}
        </h1>
      </div>
      <p className="wall-attention" data-testid="wall-attention">
        {missed > 0 && (
          <span className="wall-flag is-under" data-testid="wall-under">
            <span aria-hidden="true">◆ </span>
            {wording.missedCount(missed)}
          </span>
        )}
        {overdue > 0 && (
          <span className="wall-flag is-overdue" data-testid="wall-overdue">
            <span aria-hidden="true">⚠ </span>
            {t('overdue', { n: overdue })}
          </span>
        )}
        {missed === 0 && overdue === 0 && (
          <span className="wall-flag is-ok">
            <span aria-hidden="true">✓ </span>
            {t('allOnTrack')}
          </span>
        )}
      </p>
      <div className="wall-status">
        <LastChange />
        <p className={`wall-connection connection-${status}`} role="status" data-testid="wall-connection" data-status={status}>
          <span aria-hidden="true">{STATUS_ICON[status]}</span> {status === 'offline' ? tb('offlineShort') : status === 'denied' ? tb('deniedTitle') : tb(status)}
          {' · '}
          <span className={saved ? 'wall-saved' : 'wall-not-saved'} title={tb(saved ? 'savedTitle' : 'notSavedTitle')} data-testid="save-state" data-saved={String(saved)}>
            <span aria-hidden="true">{saved ? '✓ ' : '! '}</span>
            {tb(saved ? 'saved' : 'notSaved')}
          </span>
        </p>
      </div>
      <WallExportMenu />
    </header>
  );
}

function LastChange() {
  const t = useT(wallMessages);
  const time = useFormat();
  const last = useLastChange();
  const offset = useClockOffset();
  // Re-rendered each minute, so "today" vs. an earlier day stays right on a wall left on for days.
  const now = useNow(60_000);
  if (last === null) return <p className="wall-last-change">{t('noChange')}</p>;
  const iso = new Date(last).toISOString();
  const sameDay = time.isoDay(iso) === time.isoDay(new Date(now + offset).toISOString());
  return (
    <p className="wall-last-change" data-testid="wall-last-change" data-at={iso}>
      {sameDay ? t('lastChange', { time: time.time(iso) }) : t('lastChangeDay', { day: time.day(iso), time: time.time(iso) })}
    </p>
  );
}

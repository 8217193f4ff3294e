// The wall screen (a view link): the four fields filling the screen with large type and no
// editing controls (the fields hide them for a view link), the meeting's step and timer while a
// meeting runs, what needs attention (goals under target, overdue actions) and when the board
// last changed. Laid out on a 1920-wide canvas scaled to the screen, so a 3840×2160 screen shows
// exactly the 1920×1080 picture, twice as sharp. It runs for weeks: the connection reconnects
// by itself, and nothing here keeps growing (one timer, listeners removed on unmount).

import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { isOverdue } from '../../../shared/domain/actionStatus';
import { isUnderTarget } from '../../../shared/domain/goalProgress';
import { useT } from '../app/i18n';
import { useToday } from '../app/useToday';
import { boardMessages } from '../board/messages';
import { useActions, useConnectionState, useGoals, useMeta } from '../sync/BoardProvider';
import { GoalsField } from '../goals/GoalsField';
import { IdeasField } from '../ideas/IdeasField';
import { AssessmentField } from '../assessment/AssessmentField';
import { AssessmentDnd } from '../assessment/AssessmentDnd';
import { ActionsField } from '../actions/ActionsField';
import { Agenda } from '../meeting/Agenda';
import { MeetingTimer } from '../meeting/MeetingTimer';
import { meetingMessages } from '../meeting/messages';
import { useTimeFormat } from '../meeting/format';
import { useClockOffset, useNow, useServerClockSync } from '../meeting/serverClock';
import { useMeeting, useMeetingField, useMeetingRunning } from '../meeting/useMeeting';
import { useSinceLast } from '../meeting/useSinceLast';
import { useLastChange } from './useLastChange';
import { useFieldPaging } from './useFieldPaging';
import { wallMessages } from './messages';
import '../meeting/meeting.css';
import './wall.css';

/** The canvas the wall is laid out on; the screen scales it. */
export const WALL_WIDTH = 1920;

function measure(): { scale: number; height: number } {
  const scale = Math.max(0.1, window.innerWidth / WALL_WIDTH);
  return { scale, height: Math.round(window.innerHeight / scale) };
}

function useWallScale(): { scale: number; height: number } {
  const [size, setSize] = useState(measure);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('wall-mode');
    const onResize = () => setSize(measure());
    window.addEventListener('resize', onResize);
    onResize();
    return () => {
      window.removeEventListener('resize', onResize);
      root.classList.remove('wall-mode');
    };
  }, []);
  return size;
}

export function WallLayout() {
  const { scale, height } = useWallScale();
  const running = useMeetingRunning();
  const field = useMeetingField(true);
  const tm = useT(meetingMessages);
  const online = useConnectionState((s) => s.status === 'online');
  useServerClockSync(online);
  const canvas = useRef<HTMLDivElement>(null);
  useFieldPaging(canvas);
  // The fields read the board themselves; the layout re-rendering (a resize, a new step) need
  // not re-render them.
  const fields = useMemo(
    () => (
      <AssessmentDnd>
        <main className="wall-fields">
          <GoalsField />
          <IdeasField />
          <AssessmentField />
          <ActionsField />
        </main>
      </AssessmentDnd>
    ),
    [],
  );
  const style = {
    width: WALL_WIDTH,
    height,
    transform: `scale(${scale})`,
    '--meeting-now-label': JSON.stringify(tm('nowHere')),
  } as CSSProperties;
  return (
    <div className="wall-viewport">
      <div ref={canvas} className="wall-canvas" style={style} data-testid="wall" data-meeting-step={field ?? undefined} data-scale={scale.toFixed(3)}>
        <WallHeader />
        {running && <WallMeeting />}
        {fields}
      </div>
    </div>
  );
}

const STATUS_ICON = { online: '●', connecting: '◌', reconnecting: '↻', offline: '⚠', denied: '✕' } as const;

function WallHeader() {
  const t = useT(wallMessages);
  const tb = useT(boardMessages);
  const meta = useMeta();
  const goals = useGoals();
  const actions = useActions();
  const today = useToday();
  const status = useConnectionState((s) => s.status);
  const under = goals.filter(isUnderTarget).length;
  const overdue = actions.filter((action) => isOverdue(action, today)).length;
  return (
    <header className="wall-header">
      <h1 className="wall-title">{meta.title || 'Måltavle'}</h1>
      <p className="wall-attention" data-testid="wall-attention">
        {under > 0 && (
          <span className="wall-flag is-under" data-testid="wall-under">
            <span aria-hidden="true">◆ </span>
            {under === 1 ? t('underTargetOne') : t('underTarget', { n: under })}
          </span>
        )}
        {overdue > 0 && (
          <span className="wall-flag is-overdue" data-testid="wall-overdue">
            <span aria-hidden="true">⚠ </span>
            {overdue === 1 ? t('overdueOne') : t('overdue', { n: overdue })}
          </span>
        )}
        {under === 0 && overdue === 0 && (
          <span className="wall-flag is-ok">
            <span aria-hidden="true">✓ </span>
            {t('allOnTrack')}
          </span>
        )}
      </p>
      <LastChange />
      <p className={`wall-connection connection-${status}`} role="status" data-testid="wall-connection" data-status={status}>
        <span aria-hidden="true">{STATUS_ICON[status]}</span> {status === 'offline' ? tb('offlineShort') : status === 'denied' ? tb('deniedTitle') : tb(status)}
      </p>
    </header>
  );
}

function LastChange() {
  const t = useT(wallMessages);
  const time = useTimeFormat();
  const last = useLastChange();
  const offset = useClockOffset();
  // Re-rendered each minute, so "today" vs. an earlier day stays right on a wall left on for days.
  const now = useNow(60_000);
  if (last === null) return <p className="wall-last-change muted">{t('noChange')}</p>;
  const iso = new Date(last).toISOString();
  const sameDay = time.isoDay(iso) === time.isoDay(new Date(now + offset).toISOString());
  return (
    <p className="wall-last-change" data-testid="wall-last-change" data-at={iso}>
      {sameDay ? t('lastChange', { time: time.time(iso) }) : t('lastChangeDay', { day: time.day(iso), time: time.time(iso) })}
    </p>
  );
}

function WallMeeting() {
  const tm = useT(meetingMessages);
  const t = useT(wallMessages);
  const meeting = useMeeting();
  const since = useSinceLast();
  if (!meeting) return null;
  const counts = (
    [
      ['measurements', since.measurements.length],
      ['statusChanges', since.statusChanges.length],
      ['newIdeas', since.newIdeas.length],
      ['assessedIdeas', since.assessedIdeas.length],
      ['newActions', since.newActions.length],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([key, n]) => (n === 1 ? t(`${key}One`) : t(key, { n })));
  return (
    <section className="wall-meeting" aria-label={tm('running')} data-testid="wall-meeting">
      <p className="wall-meeting-title">
        <strong>{tm('running')}</strong>
        {meeting.facilitator && <span> · {tm('facilitator', { name: meeting.facilitator })}</span>}
      </p>
      <Agenda meeting={meeting} canMove={false} className="wall-agenda" />
      <MeetingTimer meeting={meeting} />
      {meeting.step === 0 && counts.length > 0 && <p className="wall-since">{t('sinceCounts', { list: counts.join(' · ') })}</p>}
    </section>
  );
}

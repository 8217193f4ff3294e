// The meeting toolbar under the board header: Start møde (with its length), and while a meeting
// runs the agenda, the timer, Forrige/Næste, "Følg mødet", "Siden sidst" and Afslut møde. The
// state lives in the board document, so everyone sees the same step and timer; the facilitator is
// whoever pressed Start møde, but anyone with edit access may move the steps.

import { useEffect, useId, useRef, useState } from 'react';
import { AGENDA, LAST_STEP, MAX_MEETING_MINUTES, MIN_MEETING_MINUTES } from '../../../shared/domain/meetingTimer';
import { endMeeting, joinMeeting, setMeetingDuration, setMeetingStep, startMeeting, type Meeting } from '../../../shared/schema/meeting';
import { useT } from '../app/i18n';
import { useBoardDoc, useCanEdit, usePresence } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import { isTextEntry } from '../sync/undo';
import { Agenda } from './Agenda';
import { MeetingTimer } from './MeetingTimer';
import { MinutesDialog } from './MinutesDialog';
import { SinceLastPanel } from './SinceLastPanel';
import { meetingMessages } from './messages';
import { serverNowIso } from './serverClock';
import { useMeeting, useMeetingField, useMeetingView, useMinutes, usePreferredDuration } from './useMeeting';
import { useSinceLast } from './useSinceLast';
import './meeting.css';

const DURATIONS = Array.from({ length: (MAX_MEETING_MINUTES - MIN_MEETING_MINUTES) / 5 + 1 }, (_, i) => MIN_MEETING_MINUTES + i * 5);

export function MeetingBar() {
  const t = useT(meetingMessages);
  const meeting = useMeeting();
  const canEdit = useCanEdit();
  const minutes = useMinutes();
  const since = useSinceLast();
  const sinceId = useId();
  const [sinceOpen, setSinceOpen] = useState(false);
  const [minutesOpen, setMinutesOpen] = useState<{ focus: string | null } | null>(null);
  const [notice, setNotice] = useState('');
  const meetingId = meeting?.id ?? null;
  const previousId = useRef(meetingId);

  // A meeting starts: show "Siden sidst" (the first thing on the agenda). It ends: say so.
  useEffect(() => {
    if (meetingId && meetingId !== previousId.current) {
      setSinceOpen(true);
      setNotice('');
    }
    if (!meetingId && previousId.current) {
      setSinceOpen(false);
      setNotice(t('ended'));
    }
    previousId.current = meetingId;
  }, [meetingId, t]);

  // "Siden sidst" belongs to the first agenda item: it folds away when the meeting moves on.
  const step = meeting?.step ?? null;
  useEffect(() => {
    if (step !== null && step > 0) setSinceOpen(false);
  }, [step]);

  useJoinMeeting(meeting);
  useFollowScroll();

  return (
    <section className={`meeting-bar${meeting ? ' is-running' : ''}`} aria-label={t('toolbar')} data-testid="meeting-bar" data-meeting={meeting ? 'running' : 'none'}>
      {meeting ? (
        <RunningMeeting meeting={meeting} canEdit={canEdit} onEnded={(id) => setMinutesOpen({ focus: id })} />
      ) : (
        canEdit && <StartControls />
      )}
      <div className="meeting-side">
        <button type="button" aria-expanded={sinceOpen} aria-controls={sinceId} onClick={() => setSinceOpen((open) => !open)} data-testid="since-toggle">
          {t('since')} <span className="meeting-count">({since.total})</span>
        </button>
        <button type="button" onClick={() => setMinutesOpen({ focus: null })} data-testid="minutes-open">
          {t('minutes')} <span className="meeting-count">({minutes.length})</span>
        </button>
      </div>
      <p className="meeting-notice" role="status">
        {notice}
      </p>
      {sinceOpen && <SinceLastPanel since={since} id={sinceId} />}
      {minutesOpen && <MinutesDialog focusId={minutesOpen.focus} onClose={() => setMinutesOpen(null)} />}
    </section>
  );
}

function StartControls() {
  const t = useT(meetingMessages);
  const doc = useBoardDoc();
  const me = useIdentity((s) => s.name);
  const preferred = usePreferredDuration();
  const [duration, setDuration] = useState<number | null>(null);
  const chosen = duration ?? preferred;
  return (
    <div className="meeting-start">
      <button type="button" className="primary" onClick={() => startMeeting(doc, { by: me || '?', at: serverNowIso(), durationMinutes: chosen })} data-testid="meeting-start">
        <span aria-hidden="true">▶ </span>
        {t('start')}
      </button>
      <DurationSelect value={chosen} onChange={setDuration} />
    </div>
  );
}

function DurationSelect({ value, onChange }: { value: number; onChange: (minutes: number) => void }) {
  const t = useT(meetingMessages);
  const id = useId();
  return (
    <span className="meeting-duration">
      <label htmlFor={id}>{t('duration')}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid="meeting-duration">
        {DURATIONS.map((n) => (
          <option key={n} value={n}>
            {t('minutesUnit', { n })}
          </option>
        ))}
      </select>
    </span>
  );
}

function RunningMeeting({ meeting, canEdit, onEnded }: { meeting: Meeting; canEdit: boolean; onEnded: (minutesId: string) => void }) {
  const t = useT(meetingMessages);
  const doc = useBoardDoc();
  const me = useIdentity((s) => s.name);
  const presence = usePresence();
  const { following, setFollowing } = useMeetingView();
  const [confirming, setConfirming] = useState(false);
  const step = AGENDA[meeting.step]!;
  const move = (delta: number) => setMeetingStep(doc, meeting.step + delta, me, serverNowIso());
  const end = () => {
    const minutes = endMeeting(doc, { by: me || '?', at: serverNowIso(), participants: presence.map((p) => p.name) });
    setConfirming(false);
    if (minutes) onEnded(minutes.id);
  };
  return (
    <div className="meeting-running">
      <div className="meeting-head">
        <p className="meeting-title">
          <strong>{t('running')}</strong>
          {meeting.facilitator && <span className="meeting-facilitator"> · {t('facilitator', { name: meeting.facilitator })}</span>}
          <span className="visually-hidden" aria-live="polite">
            {' '}
            {t('stepShort', { n: meeting.step + 1, total: AGENDA.length })}: {t(step.key)}
          </span>
        </p>
        <MeetingTimer meeting={meeting} showStep />
        <label className="meeting-follow">
          <input type="checkbox" checked={following} onChange={(e) => setFollowing(e.target.checked)} data-testid="meeting-follow" />
          {t('follow')}
        </label>
      </div>
      <Agenda meeting={meeting} canMove={canEdit} />
      {canEdit && (
        <div className="meeting-controls">
          <button type="button" onClick={() => move(-1)} disabled={meeting.step === 0} data-testid="meeting-prev">
            <span aria-hidden="true">◀ </span>
            {t('prev')}
          </button>
          <button type="button" className="primary" onClick={() => move(1)} disabled={meeting.step === LAST_STEP} data-testid="meeting-next">
            {t('next')}
            <span aria-hidden="true"> ▶</span>
          </button>
          <DurationSelect value={meeting.durationMinutes} onChange={(n) => setMeetingDuration(doc, n)} />
          {confirming ? (
            <span className="meeting-confirm" role="group" aria-label={t('confirmEnd')}>
              <span>{t('confirmEnd')}</span>
              <button type="button" className="primary" onClick={end} data-testid="meeting-end-confirm" autoFocus>
                {t('end')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('close')}
              </button>
            </span>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirming(true)} data-testid="meeting-end">
              {t('end')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** Everyone with a name and edit access who sees the meeting is recorded as a participant. */
function useJoinMeeting(meeting: Meeting | null): void {
  const doc = useBoardDoc();
  const canEdit = useCanEdit();
  const me = useIdentity((s) => s.name);
  const joined = meeting ? meeting.participants.includes(me) : true;
  useEffect(() => {
    if (canEdit && meeting && me && !joined) joinMeeting(doc, me, serverNowIso());
  }, [doc, canEdit, meeting, me, joined]);
}

/** While following, bring the field the meeting is at into view (not while someone is typing). */
export function useFollowScroll(): void {
  const field = useMeetingField();
  const meeting = useMeeting();
  const step = meeting?.step ?? null;
  useEffect(() => {
    if (!field) return;
    if (isTextEntry(document.activeElement)) return;
    const element = document.querySelector(`[data-field="${field}"]`);
    if (element instanceof HTMLElement) element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [field, step]);
}

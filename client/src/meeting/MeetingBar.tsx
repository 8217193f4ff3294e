// The meeting toolbar under the board header: Start møde (with its length), and while a meeting
// runs the agenda, the timer, "Følg mødet", "Siden sidst" and, for the facilitator only,
// Forrige/Næste and Afslut møde (issue 9: only the facilitator drives; the others see who leads
// and "Bliv ordstyrer"). The state lives in the board document, so everyone sees the same step
// and timer. The bar stays on screen while the page scrolls (position: sticky, meeting.css);
// following the meeting scrolls the step's field, heading first, into view below it.

import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { AGENDA, LAST_STEP, MAX_MEETING_MINUTES, MIN_MEETING_MINUTES } from '../../../shared/domain/meetingTimer';
import { endMeeting, joinMeeting, setMeetingDuration, setMeetingStep, startMeeting, type Meeting } from '../../../shared/schema/meeting';
import { useT } from '../app/i18n';
import { FollowUpDialog } from '../actions/FollowUpDialog';
import { useMe } from '../ideas/useBrainstorm';
import { useBoardDoc, useCanEdit, usePresence } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import { isTextEntry } from '../sync/undo';
import { Agenda } from './Agenda';
import { FacilitatorNotice, TakeOver, useAmFacilitator } from './Facilitator';
import { MeetingTimer } from './MeetingTimer';
import { MinutesDialog } from './MinutesDialog';
import { SinceLastPanel } from './SinceLastPanel';
import { meetingMessages } from './messages';
import { serverNowIso } from './serverClock';
import { useFacilitator, useMeeting, useMeetingField, useMeetingView, useMinutes, usePreferredDuration } from './useMeeting';
import { useSinceLast, useSinceSummary } from './useSinceLast';
import './meeting.css';

const DURATIONS = Array.from({ length: (MAX_MEETING_MINUTES - MIN_MEETING_MINUTES) / 5 + 1 }, (_, i) => MIN_MEETING_MINUTES + i * 5);
/** AGENDA index of "Handleplan – opfølgning": entering it opens the Opfølgning walk for the facilitator. */
const FOLLOW_UP_STEP = AGENDA.findIndex((step) => step.key === 'stepFollowUp');

export function MeetingBar() {
  const t = useT(meetingMessages);
  const meeting = useMeeting();
  const canEdit = useCanEdit();
  const amFacilitator = useAmFacilitator();
  const minutes = useMinutes();
  const since = useSinceLast();
  const sinceLine = useSinceSummary(since);
  const sinceId = useId();
  const [sinceOpen, setSinceOpen] = useState(false);
  const [minutesOpen, setMinutesOpen] = useState<{ focus: string | null } | null>(null);
  const [followUpOpen, setFollowUpOpen] = useState(false);
  const [ended, setEnded] = useState<string | null>(null);
  const meetingId = meeting?.id ?? null;
  const previousId = useRef(meetingId);
  const barRef = useRef<HTMLElement>(null);

  // A meeting starts: "Siden sidst" stays a one-line summary until asked for. It ends: everyone
  // still following gets the minutes (unless typing: then the notice's button opens them).
  useEffect(() => {
    const before = previousId.current;
    previousId.current = meetingId;
    if (meetingId && meetingId !== before) setEnded(null);
    if (!meetingId && before) {
      setSinceOpen(false);
      setFollowUpOpen(false);
      setEnded(before);
      if (useMeetingView.getState().following && !isTextEntry(document.activeElement)) setMinutesOpen({ focus: before });
    }
  }, [meetingId]);

  // Step 2 (Handleplan – opfølgning) opens the Opfølgning walk on the facilitator's screen when
  // the meeting enters it (not on a reload at that step, not for the others).
  const step = meeting?.step ?? null;
  const previousStep = useRef(step);
  useEffect(() => {
    const before = previousStep.current;
    previousStep.current = step;
    if (step !== null && step !== before && before !== null && step === FOLLOW_UP_STEP && amFacilitator) setFollowUpOpen(true);
    if (step !== null && step > 0) setSinceOpen(false);
  }, [step, amFacilitator]);

  useJoinMeeting(meeting);
  useBarHeight(barRef);
  useFollowScroll();

  // "Siden sidst" as one line (it opens below the bar) and the minutes: on the first row.
  const side = (
    <div className="meeting-side">
      <button
        type="button"
        className="since-toggle"
        aria-expanded={sinceOpen}
        aria-controls={sinceId}
        title={sinceLine}
        onClick={() => setSinceOpen((open) => !open)}
        data-testid="since-toggle"
      >
        <span aria-hidden="true">{sinceOpen ? '▾ ' : '▸ '}</span>
        {sinceLine}
      </button>
      <button type="button" onClick={() => setMinutesOpen({ focus: null })} data-testid="minutes-open">
        {t('minutes')} <span className="meeting-count">({minutes.length})</span>
      </button>
    </div>
  );

  return (
    <>
      <section
        ref={barRef}
        className={`meeting-bar${meeting ? ' is-running' : ''}`}
        aria-label={t('toolbar')}
        data-testid="meeting-bar"
        data-meeting={meeting ? 'running' : 'none'}
        data-facilitator={amFacilitator ? 'me' : 'other'}
      >
        {meeting ? (
          <RunningMeeting meeting={meeting} amFacilitator={amFacilitator} onEnded={(id) => setMinutesOpen({ focus: id })}>
            {side}
          </RunningMeeting>
        ) : (
          <>
            {canEdit && <StartControls />}
            {side}
          </>
        )}
        <FacilitatorNotice />
        <div className="meeting-notice" data-testid="meeting-ended">
          <p role="status">{ended ? t('ended') : ''}</p>
          {ended && (
            <button type="button" className="small" onClick={() => setMinutesOpen({ focus: ended })} data-testid="meeting-ended-minutes">
              {t('seeMinutes')}
            </button>
          )}
        </div>
      </section>
      {sinceOpen && <SinceLastPanel since={since} id={sinceId} />}
      {minutesOpen && <MinutesDialog focusId={minutesOpen.focus} onClose={() => setMinutesOpen(null)} />}
      {followUpOpen && <FollowUpDialog onClose={() => setFollowUpOpen(false)} />}
    </>
  );
}

function StartControls() {
  const t = useT(meetingMessages);
  const doc = useBoardDoc();
  const me = useMe();
  const preferred = usePreferredDuration();
  const [duration, setDuration] = useState<number | null>(null);
  const chosen = duration ?? preferred;
  return (
    <div className="meeting-start">
      <button type="button" className="primary" onClick={() => startMeeting(doc, { by: me, at: serverNowIso(), durationMinutes: chosen })} data-testid="meeting-start">
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

function RunningMeeting({ meeting, amFacilitator, onEnded, children }: { meeting: Meeting; amFacilitator: boolean; onEnded: (minutesId: string) => void; children: ReactNode }) {
  const t = useT(meetingMessages);
  const doc = useBoardDoc();
  const me = useMe();
  const facilitator = useFacilitator();
  const presence = usePresence();
  const { following, setFollowing } = useMeetingView();
  const [confirming, setConfirming] = useState(false);
  const step = AGENDA[meeting.step]!;
  const move = (delta: number) => setMeetingStep(doc, meeting.step + delta, me, serverNowIso());
  const end = () => {
    const minutes = endMeeting(doc, { by: me, at: serverNowIso(), participants: presence.map((p) => p.name) });
    setConfirming(false);
    if (minutes) onEnded(minutes.id);
  };
  const leader = facilitator ? (facilitator.id === me.id ? `${facilitator.name} (${t('you')})` : facilitator.name) : meeting.facilitator;
  return (
    <div className="meeting-running">
      <div className="meeting-head">
        <p className="meeting-title">
          <strong>{t('running')}</strong>
          {leader && (
            <span className="meeting-facilitator" data-testid="meeting-facilitator">
              {' '}
              · {t('facilitator', { name: leader })}
            </span>
          )}
          <span className="visually-hidden" aria-live="polite">
            {' '}
            {t('stepShort', { n: meeting.step + 1, total: AGENDA.length })}: {t(step.key)}
          </span>
        </p>
        <TakeOver facilitator={facilitator} />
        <MeetingTimer meeting={meeting} showStep />
        <label className="meeting-follow" title={t('followHelp')}>
          <input type="checkbox" checked={following} onChange={(e) => setFollowing(e.target.checked)} data-testid="meeting-follow" />
          {t('follow')}
        </label>
        {/* Two rows on a laptop: the facilitator's second row holds the controls, the others' has room. */}
        {amFacilitator && children}
      </div>
      <div className="meeting-steps">
        <Agenda meeting={meeting} canMove={amFacilitator} />
        {amFacilitator && (
          <div className="meeting-controls">
            <button type="button" onClick={() => move(-1)} disabled={meeting.step === 0} data-testid="meeting-prev">
              <span aria-hidden="true">◀ </span>
              {t('prev')}
            </button>
            <button type="button" className="primary" onClick={() => move(1)} disabled={meeting.step === LAST_STEP} data-testid="meeting-next">
              {t('next')}
              <span aria-hidden="true"> ▶</span>
            </button>
            <DurationSelect value={meeting.durationMinutes} onChange={(n) => setMeetingDuration(doc, n, me)} />
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
        {!amFacilitator && children}
      </div>
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

/**
 * The bar's height as `--meeting-bar-height` on the page, so what the keyboard focuses is never
 * hidden under the sticky bar (scroll-padding-top in meeting.css).
 */
function useBarHeight(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const bar = ref.current;
    const root = document.documentElement;
    if (!bar || typeof ResizeObserver === 'undefined') return;
    const update = () => root.style.setProperty('--meeting-bar-height', `${Math.ceil(bar.getBoundingClientRect().height)}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--meeting-bar-height');
    };
  }, [ref]);
}

/** Gap between the sticky bar and the heading of a field scrolled into view. */
const FOLLOW_GAP_PX = 8;

/**
 * While following, bring the field the meeting is at into view with its heading at the top (not
 * while someone is typing; smoothly unless the user prefers reduced motion). A screen that stops
 * following is left where it is.
 */
export function useFollowScroll(): void {
  const field = useMeetingField();
  const meeting = useMeeting();
  const step = meeting?.step ?? null;
  useEffect(() => {
    if (!field) return;
    if (isTextEntry(document.activeElement)) return;
    const element = document.querySelector(`[data-field="${field}"]`);
    if (!(element instanceof HTMLElement)) return;
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    // Measured now (the bar may just have grown with the meeting), so the heading lands below it.
    const barHeight = document.querySelector('.meeting-bar')?.getBoundingClientRect().height ?? 0;
    const top = Math.max(0, element.getBoundingClientRect().top + window.scrollY - barHeight - FOLLOW_GAP_PX);
    window.scrollTo({ top, behavior: reduced ? 'auto' : 'smooth' });
  }, [field, step]);
}

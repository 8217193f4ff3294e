// The meeting's timer: time left of the planned 15–30 minutes, then the overrun (shown, never
// enforced). Computed from startedAt in server time on every tick, so it is right after a
// reconnect, for a late joiner, and on a laptop whose clock is off.

import { formatCountdown, formatDuration, meetingClock } from '../../../shared/domain/meetingTimer';
import type { Meeting } from '../../../shared/schema/meeting';
import { useT } from '../app/i18n';
import { meetingMessages } from './messages';
import { useClockOffset, useNow } from './serverClock';

export function MeetingTimer({ meeting, showStep = false }: { meeting: Meeting; showStep?: boolean }) {
  const t = useT(meetingMessages);
  const offset = useClockOffset();
  const now = useNow(1000);
  const clock = meetingClock(meeting, now, offset);
  const text = clock.overrun ? t('overrun', { time: formatDuration(clock.overrunMs) }) : t('remaining', { time: formatCountdown(clock.remainingMs) });
  return (
    <div className={`meeting-timer${clock.overrun ? ' is-overrun' : ''}`} data-testid="meeting-timer" data-overrun={clock.overrun} data-elapsed-ms={clock.elapsedMs}>
      <p className="meeting-timer-text" role="timer" aria-label={t('timerLabel')}>
        {clock.overrun && (
          <span aria-hidden="true" className="meeting-timer-icon">
            ⚠{' '}
          </span>
        )}
        {text}
      </p>
      <div className="meeting-progress" aria-hidden="true">
        <div className="meeting-progress-bar" style={{ width: `${Math.round(clock.fraction * 100)}%` }} />
      </div>
      {showStep && clock.stepElapsedMs !== null && <p className="meeting-step-time">{t('stepTime', { time: formatDuration(clock.stepElapsedMs) })}</p>}
    </div>
  );
}

// While a meeting runs, one line under the wall's header: who leads it, the agenda with the
// current step named in full and the others as numbers (aria-current marks the step, not colour
// alone), the time left, and at the first step what changed since the last meeting.

import { AGENDA } from '../../../shared/domain/meetingTimer';
import { useT } from '../app/i18n';
import { MeetingTimer } from '../meeting/MeetingTimer';
import { meetingMessages } from '../meeting/messages';
import { useMeeting } from '../meeting/useMeeting';
import { useSinceLast, useSinceSummary } from '../meeting/useSinceLast';
import { wallMessages } from './messages';

export function WallMeetingBar() {
  const tm = useT(meetingMessages);
  const t = useT(wallMessages);
  const meeting = useMeeting();
  const since = useSinceLast();
  const summary = useSinceSummary(since);
  if (!meeting) return null;
  return (
    <section className="wall-meeting" aria-label={tm('running')} data-testid="wall-meeting">
      <p className="wall-meeting-title">
        <strong>{t('meeting')}</strong>
        {meeting.facilitator && <span> · {t('facilitator', { name: meeting.facilitator })}</span>}
      </p>
      <ol className="wall-agenda" aria-label={t('agenda')} data-testid="agenda" data-step={meeting.step}>
        {AGENDA.map((step) => {
          const current = step.index === meeting.step;
          return (
            <li key={step.index} className={`wall-agenda-step${current ? ' is-current' : ''}`} aria-current={current ? 'step' : undefined} data-testid="agenda-step">
              <span className="wall-agenda-number" aria-hidden={current ? 'true' : undefined}>
                {step.index + 1}
              </span>
              <span className={current ? 'wall-agenda-name' : 'visually-hidden'}>{tm(step.key)}</span>
            </li>
          );
        })}
      </ol>
      <MeetingTimer meeting={meeting} />
      {meeting.step === 0 && (
        <p className="wall-since" data-testid="wall-since">
          {summary}
        </p>
      )}
    </section>
  );
}

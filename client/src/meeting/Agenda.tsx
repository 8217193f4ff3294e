// The agenda in the method's order with the current step marked (aria-current="step", a
// "nu" label and an arrow, not colour alone). With edit access each step is a button that moves
// the meeting there; anyone with edit access may move it, not only the facilitator.

import { AGENDA } from '../../../shared/domain/meetingTimer';
import { setMeetingStep, type Meeting } from '../../../shared/schema/meeting';
import { useT } from '../app/i18n';
import { useBoardDoc } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import { meetingMessages } from './messages';
import { serverNowIso } from './serverClock';

export function Agenda({ meeting, canMove, className = '' }: { meeting: Meeting; canMove: boolean; className?: string }) {
  const t = useT(meetingMessages);
  const doc = useBoardDoc();
  const me = useIdentity((s) => s.name);
  return (
    <ol className={`agenda ${className}`} aria-label={t('agenda')} data-testid="agenda" data-step={meeting.step}>
      {AGENDA.map((step) => {
        const current = step.index === meeting.step;
        const content = (
          <>
            <span className="agenda-number" aria-hidden="true">
              {step.index + 1}
            </span>
            <span className="agenda-name">{t(step.key)}</span>
            {current && <span className="agenda-now">{t('current')}</span>}
          </>
        );
        return (
          <li key={step.index} className={`agenda-step${current ? ' is-current' : ''}`} aria-current={current ? 'step' : undefined} data-testid="agenda-step">
            {canMove ? (
              <button
                type="button"
                onClick={() => setMeetingStep(doc, step.index, me, serverNowIso())}
                aria-label={t('goToStep', { n: step.index + 1, name: t(step.key) })}
                aria-current={current ? 'step' : undefined}
              >
                {content}
              </button>
            ) : (
              <span className="agenda-label">{content}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

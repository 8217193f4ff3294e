// The agenda in the method's order with the current step marked (aria-current="step", a
// "nu" label and an arrow, not colour alone). On the facilitator's screen each step is a button
// that moves the meeting there (issue 9: only the facilitator moves it; setMeetingStep refuses
// anyone else); the others see the steps as labels.

import { AGENDA } from '../../../shared/domain/meetingTimer';
import { setMeetingStep, type Meeting } from '../../../shared/schema/meeting';
import { useT } from '../app/i18n';
import { useBoardDoc } from '../sync/BoardProvider';
import { useMe } from '../ideas/useBrainstorm';
import { meetingMessages } from './messages';
import { serverNowIso } from './serverClock';

export function Agenda({ meeting, canMove, className = '' }: { meeting: Meeting; canMove: boolean; className?: string }) {
  const t = useT(meetingMessages);
  const doc = useBoardDoc();
  const me = useMe();
  return (
    <ol className={`agenda ${className}`} aria-label={t('agenda')} data-testid="agenda" data-step={meeting.step}>
      {AGENDA.map((step) => {
        const current = step.index === meeting.step;
        // The name is the visible text (WCAG 2.5.3, label in name); "Gå til punkt 2:" is for screen readers.
        const content = (
          <>
            <span className="agenda-number" aria-hidden="true">
              {step.index + 1}
            </span>
            {canMove && <span className="visually-hidden">{t('goToStep', { n: step.index + 1 })} </span>}
            <span className="agenda-name">{t(step.key)}</span>
            {current && <span className="agenda-now">{t('current')}</span>}
          </>
        );
        return (
          <li key={step.index} className={`agenda-step${current ? ' is-current' : ''}`} aria-current={current ? 'step' : undefined} title={t(step.key)} data-testid="agenda-step">
            {canMove ? (
              <button type="button" onClick={() => setMeetingStep(doc, step.index, me, serverNowIso())} aria-current={current ? 'step' : undefined}>
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

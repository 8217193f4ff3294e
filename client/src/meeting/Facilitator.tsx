// Who leads (issue 9): the board's one facilitator, for the meeting and the brainstorm alike
// (shared/schema/meeting.ts, `readFacilitator`). Only the facilitator's screen shows the controls
// that drive; everyone else sees who leads and "Bliv ordstyrer", which asks before it takes over.
// The one who loses the role is told so ("Lars er nu ordstyrer").

import { useEffect, useRef, useState } from 'react';
import { takeFacilitator } from '../../../shared/schema/meeting';
import type { Participant } from '../../../shared/domain/rounds';
import { useT } from '../app/i18n';
import { useMe } from '../ideas/useBrainstorm';
import { useBoardDoc, useCanEdit } from '../sync/BoardProvider';
import { meetingMessages } from './messages';
import { useFacilitator } from './useMeeting';

/** Whether this screen drives: an edit link whose participant leads, or anyone while nobody leads. */
export function useAmFacilitator(): boolean {
  const canEdit = useCanEdit();
  const facilitator = useFacilitator();
  const me = useMe();
  return canEdit && (facilitator === null || facilitator.id === me.id);
}

/** "Bliv ordstyrer" with a confirmation naming who leads now; nothing for the facilitator or a view link. */
export function TakeOver({ facilitator, className = '' }: { facilitator: Participant | null; className?: string }) {
  const t = useT(meetingMessages);
  const doc = useBoardDoc();
  const canEdit = useCanEdit();
  const me = useMe();
  const [confirming, setConfirming] = useState(false);
  if (!canEdit || !facilitator || facilitator.id === me.id) return null;
  if (!confirming) {
    return (
      <button type="button" className={`quiet small ${className}`} onClick={() => setConfirming(true)} data-testid="take-over">
        {t('takeOver')}
      </button>
    );
  }
  const question = t('confirmTakeOver', { name: facilitator.name || '?' });
  return (
    <span className={`take-over-confirm ${className}`} role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className="primary small"
        onClick={() => {
          takeFacilitator(doc, me);
          setConfirming(false);
        }}
        data-testid="take-over-confirm"
        autoFocus
      >
        {t('takeOver')}
      </button>
      <button type="button" className="small" onClick={() => setConfirming(false)}>
        {t('cancelTakeOver')}
      </button>
    </span>
  );
}

/** Tells this screen's participant when someone else has taken the role from them, until dismissed. */
export function FacilitatorNotice() {
  const t = useT(meetingMessages);
  const facilitator = useFacilitator();
  const me = useMe();
  const previous = useRef(facilitator);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    const before = previous.current;
    previous.current = facilitator;
    if (before?.id === facilitator?.id) return;
    if (before?.id === me.id && facilitator) setNotice(t('nowFacilitator', { name: facilitator.name || '?' }));
    else if (before && facilitator?.id === me.id) setNotice(t('youLeadNow'));
    else setNotice('');
  }, [facilitator, me.id, t]);
  return (
    <div className="facilitator-notice" role="status" data-testid="facilitator-notice">
      {notice && (
        <>
          <span>{notice}</span>
          <button type="button" className="quiet small" onClick={() => setNotice('')}>
            {t('ok')}
          </button>
        </>
      )}
    </div>
  );
}

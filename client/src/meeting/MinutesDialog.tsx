// The minutes of every ended meeting on this board: viewable, downloadable as Markdown, and
// printable (the print shows only the minutes, so "Save as PDF" gives a clean document).

import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { MeetingMinutes } from '../../../shared/schema/meeting';
import { useFormat, useT } from '../app/i18n';
import { useMeta } from '../sync/BoardProvider';
import { Modal } from '../app/Modal';
import { meetingMessages } from './messages';
import { useTimeFormat } from './format';
import { decisionNote, downloadText, minutesMarkdown } from './minutesMarkdown';
import { useMinutes } from './useMeeting';

export function MinutesDialog({ onClose, focusId }: { onClose: () => void; focusId?: string | null }) {
  const t = useT(meetingMessages);
  const minutes = useMinutes();
  const [printing, setPrinting] = useState<MeetingMinutes | null>(null);

  useEffect(() => {
    if (!printing) return;
    const root = document.documentElement;
    root.classList.add('printing-minutes');
    const done = () => {
      root.classList.remove('printing-minutes');
      setPrinting(null);
    };
    window.addEventListener('afterprint', done, { once: true });
    // Let the print copy render first.
    const timer = setTimeout(() => window.print(), 50);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('afterprint', done);
      root.classList.remove('printing-minutes');
    };
  }, [printing]);

  return (
    <Modal labelledBy="minutes-title" onClose={onClose} className="minutes-dialog" testId="minutes-dialog">
      <header className="minutes-dialog-head">
        <h2 id="minutes-title">{t('minutesTitle')}</h2>
        <button type="button" onClick={onClose} autoFocus>
          {t('close')}
        </button>
      </header>
      {minutes.length === 0 ? (
        <p>{t('noMinutes')}</p>
      ) : (
        minutes.map((entry) => <MinutesEntry key={entry.id} minutes={entry} highlighted={entry.id === focusId} onPrint={() => setPrinting(entry)} />)
      )}
      {printing &&
        createPortal(
          <div className="minutes-print">
            <MinutesBody minutes={printing} headingLevel={1} />
          </div>,
          document.body,
        )}
    </Modal>
  );
}

function MinutesEntry({ minutes, highlighted, onPrint }: { minutes: MeetingMinutes; highlighted: boolean; onPrint: () => void }) {
  const t = useT(meetingMessages);
  const fmt = useFormat();
  const time = useTimeFormat();
  const meta = useMeta();
  const exportMarkdown = () => {
    const text = minutesMarkdown(minutes, meta.title, t, time, fmt.date);
    const day = time.isoDay(minutes.startedAt) || 'referat';
    downloadText(`referat-${day}.md`, text);
  };
  return (
    <article className={`minutes-entry${highlighted ? ' is-new' : ''}`} data-testid="minutes-entry" data-minutes-id={minutes.id}>
      <MinutesBody minutes={minutes} headingLevel={3} />
      <div className="minutes-tools">
        <button type="button" onClick={exportMarkdown} data-testid="minutes-markdown">
          {t('exportMarkdown')}
        </button>
        <button type="button" onClick={onPrint} data-testid="minutes-print">
          {t('print')}
        </button>
      </div>
    </article>
  );
}

function MinutesBody({ minutes, headingLevel }: { minutes: MeetingMinutes; headingLevel: 1 | 3 }) {
  const t = useT(meetingMessages);
  const fmt = useFormat();
  const time = useTimeFormat();
  const meta = useMeta();
  const Heading = headingLevel === 1 ? 'h1' : 'h3';
  const Sub = headingLevel === 1 ? 'h2' : 'h4';
  return (
    <>
      <Heading className="minutes-heading">
        {t('meetingOn', { date: time.day(minutes.startedAt) })}
        {headingLevel === 1 && meta.title ? ` – ${meta.title}` : ''}
      </Heading>
      <dl className="minutes-facts">
        <div>
          <dt>{t('timeLabel')}</dt>
          <dd>
            {t('time', { from: time.time(minutes.startedAt), to: time.time(minutes.endedAt) })} ({t('planned').toLowerCase()} {t('minutesUnit', { n: minutes.durationMinutes })})
          </dd>
        </div>
        {minutes.facilitator && (
          <div>
            <dt>{t('facilitatorLabel')}</dt>
            <dd>{minutes.facilitator}</dd>
          </div>
        )}
        <div>
          <dt>{t('participants')}</dt>
          <dd data-testid="minutes-participants">{minutes.participants.length > 0 ? minutes.participants.join(', ') : t('noParticipants')}</dd>
        </div>
      </dl>
      <Sub className="minutes-subheading">{t('decisions')}</Sub>
      {minutes.decisions.length === 0 ? (
        <p>{t('noDecisions')}</p>
      ) : (
        <table className="minutes-decisions" data-testid="minutes-decisions">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('status')}</span>
              </th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('responsible')}</th>
              <th scope="col">{t('deadline')}</th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {minutes.decisions.map((decision) => (
              <tr key={`${decision.kind}-${decision.actionId}`} data-testid="minutes-decision" data-kind={decision.kind}>
                <td className={`decision-kind kind-${decision.kind}`}>{decisionNote(decision, t)}</td>
                <th scope="row">{decision.title}</th>
                <td>{decision.responsible || t('none')}</td>
                <td>{decision.deadline ? fmt.date(decision.deadline) : t('none')}</td>
                <td>{t(decision.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

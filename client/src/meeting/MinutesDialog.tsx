// The minutes of every ended meeting on this board: viewable, downloadable as Markdown, and
// printable (the print shows only the minutes, so "Save as PDF" gives a clean document). Each
// has a title that tells meetings apart, the goals' latest numbers against their targets, the
// decisions and the open actions as they stood at the end (issue 9).

import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { MeetingMinutes } from '../../../shared/schema/meeting';
import { useT } from '../app/i18n';
import { useMeta } from '../sync/BoardProvider';
import { Modal } from '../app/Modal';
import { meetingMessages } from './messages';
import { useTargetWording } from '../goals/targetWording';
import { decisionNote, downloadText, goalLine, minutesMarkdown, minutesTitle } from './minutesMarkdown';
import { useMinutes } from './useMeeting';
import { useFormat } from '../app/format';

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
  const meta = useMeta();
  const exportMarkdown = () => {
    const text = minutesMarkdown(minutes, meta.title, t, fmt);
    const day = fmt.isoDay(minutes.startedAt) || 'referat';
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
  const meta = useMeta();
  const wording = useTargetWording();
  const Heading = headingLevel === 1 ? 'h1' : 'h3';
  const Sub = headingLevel === 1 ? 'h2' : 'h4';
  return (
    <>
      <Heading className="minutes-heading" data-testid="minutes-title">
        {minutesTitle(minutes, t, fmt)}
        {headingLevel === 1 && meta.title ? ` – ${meta.title}` : ''}
      </Heading>
      <dl className="minutes-facts">
        <div>
          <dt>{t('timeLabel')}</dt>
          <dd>
            {t('time', { from: fmt.time(minutes.startedAt), to: fmt.time(minutes.endedAt) })} ({t('planned').toLowerCase()} {t('minutesUnit', { n: minutes.durationMinutes })})
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
      <MinutesSection
        Sub={Sub}
        title={t('goalsAtEnd')}
        empty={t('noGoals')}
        headers={[t('goal'), t('period'), t('result'), t('status')]}
        className="minutes-table minutes-goals"
        testId="minutes-goals"
      >
        {minutes.goals.map((goal, index) => {
          const line = goalLine(goal, t, fmt, wording);
          return (
            <tr key={`${goal.goalId}-${index}`} data-testid="minutes-goal" data-met={line.met === null ? undefined : String(line.met)}>
              <th scope="row">{line.name}</th>
              <td>{line.period}</td>
              <td>{line.result}</td>
              <td className={line.met === false ? 'minutes-missed' : undefined}>
                {line.verdict ? (
                  <>
                    <span aria-hidden="true">{line.met ? '✓ ' : '◆ '}</span>
                    {line.verdict}
                  </>
                ) : (
                  t('none')
                )}
              </td>
            </tr>
          );
        })}
      </MinutesSection>
      <MinutesSection
        Sub={Sub}
        title={t('decisions')}
        empty={t('noDecisions')}
        headers={[<span className="visually-hidden">{t('status')}</span>, t('action'), t('responsible'), t('deadline'), t('status')]}
        className="minutes-decisions"
        testId="minutes-decisions"
      >
        {minutes.decisions.map((decision) => (
          <tr key={`${decision.kind}-${decision.actionId}`} data-testid="minutes-decision" data-kind={decision.kind}>
            <td className={`decision-kind kind-${decision.kind}`}>{decisionNote(decision, t)}</td>
            <th scope="row">{decision.title}</th>
            <td>{decision.responsible || t('none')}</td>
            <td>{decision.deadline ? fmt.date(decision.deadline) : t('none')}</td>
            <td>{t(decision.status)}</td>
          </tr>
        ))}
      </MinutesSection>
      <MinutesSection
        Sub={Sub}
        title={t('openActions')}
        empty={t('noOpenActions')}
        headers={[t('action'), t('responsible'), t('deadline'), t('status')]}
        className="minutes-table"
        testId="minutes-open-actions"
      >
        {minutes.openActions.map((action) => (
          <tr key={action.actionId} data-testid="minutes-open-action" data-overdue={action.overdue}>
            <th scope="row">{action.title}</th>
            <td>{action.responsible || t('none')}</td>
            <td>{action.deadline ? fmt.date(action.deadline) : t('none')}</td>
            <td>
              {t(action.status)}
              {action.overdue && (
                <strong className="minutes-overdue">
                  {' '}
                  <span aria-hidden="true">⚠</span> {t('overdue')}
                </strong>
              )}
            </td>
          </tr>
        ))}
      </MinutesSection>
    </>
  );
}

/** A part of the minutes: its heading, then a table of its rows, or a sentence when there are none. */
function MinutesSection(props: { Sub: 'h2' | 'h4'; title: string; empty: string; headers: ReactNode[]; className: string; testId: string; children: ReactNode[] }) {
  const { Sub } = props;
  return (
    <>
      <Sub className="minutes-subheading">{props.title}</Sub>
      {props.children.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <table className={props.className} data-testid={props.testId}>
          <thead>
            <tr>
              {props.headers.map((header, index) => (
                <th scope="col" key={index}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{props.children}</tbody>
        </table>
      )}
    </>
  );
}

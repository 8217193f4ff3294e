// Opfølgning: walk through the open actions one by one (overdue first, then by deadline), each
// with what happened to it since the last meeting, and move its status or deadline with one
// press. The list is fixed when the walk starts, so an action does not jump away while the team
// is talking about it. Opened from the action plan, and (issue 9) on the facilitator's screen
// when the meeting enters "Handleplan – opfølgning" (client/src/meeting/MeetingBar.tsx).

import { useMemo, useState } from 'react';
import { setActionDeadline, setActionStatus, type Action } from '../../../shared/schema';
import { followUpActions, historySince, previousStatus, urgencyOf } from '../../../shared/domain/actionPlan';
import { nextStatus } from '../../../shared/domain/actionStatus';
import { addDays, isIsoDate } from '../../../shared/domain/calendar';
import { useT } from '../app/i18n';
import { useToday } from '../app/useToday';
import { useActions, useBoardDoc, useGoals, useMeta } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import { Modal } from '../app/Modal';
import { STATUS_ICON, UrgencyFlag, type GoalOption } from './ActionRow';
import { DeadlineField } from './DeadlineField';
import { actionMessages } from './messages';
import { useFormat } from '../app/format';

/** `goals`: the goals an action may belong to; the board's own when not given. */
export function FollowUpDialog({ onClose, goals: given }: { onClose: () => void; goals?: readonly GoalOption[] }) {
  const t = useT(actionMessages);
  const actions = useActions();
  const boardGoals = useGoals();
  const goals = useMemo(() => given ?? boardGoals.map((g) => ({ id: g.id, name: g.name })), [given, boardGoals]);
  const today = useToday();
  // The walk's order, taken once when it opens.
  const [ids] = useState(() => followUpActions(actions, today).map((a) => a.id));
  const [index, setIndex] = useState(0);
  const byId = useMemo(() => new Map(actions.map((a) => [a.id, a])), [actions]);
  const action = ids.length > 0 ? byId.get(ids[index]!) : undefined;

  return (
    <Modal labelledBy="follow-up-title" onClose={onClose} className="follow-up" testId="follow-up">
      <header className="follow-up-header">
        <h2 id="follow-up-title">{t('followUpTitle')}</h2>
        {ids.length > 0 && (
          <p className="follow-up-progress" aria-live="polite" data-testid="follow-up-progress">
            {t('followUpProgress', { index: index + 1, count: ids.length })}
          </p>
        )}
      </header>
      {ids.length === 0 ? (
        <p>{t('followUpEmpty')}</p>
      ) : action ? (
        <FollowUpItem key={action.id} action={action} today={today} goals={goals} />
      ) : (
        <p className="muted">{t('followUpGone')}</p>
      )}
      <footer className="follow-up-nav">
        <button type="button" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0} data-testid="follow-up-previous">
          {t('previous')}
        </button>
        {index < ids.length - 1 ? (
          <button type="button" className="primary" onClick={() => setIndex((i) => Math.min(ids.length - 1, i + 1))} data-testid="follow-up-next">
            {t('next')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={onClose} data-testid="follow-up-done">
            {t('done')}
          </button>
        )}
        <button type="button" className="quiet" onClick={onClose}>
          {t('close')}
        </button>
      </footer>
    </Modal>
  );
}

function FollowUpItem({ action, today, goals }: { action: Action; today: string; goals: readonly GoalOption[] }) {
  const t = useT(actionMessages);
  const format = useFormat();
  const doc = useBoardDoc();
  const meta = useMeta();
  const me = useIdentity((s) => s.name);
  const [said, setSaid] = useState('');
  const since = meta.lastMeetingAt;
  const changes = historySince(action.history, since);
  const back = previousStatus(action.status);
  const forward = nextStatus(action.status);
  const goal = goals.find((g) => g.id === action.goalId);
  const move = (status: NonNullable<typeof back>) => {
    setActionStatus(doc, action.id, status, me || '?');
    setSaid(t('statusChanged', { status: t(status) }));
  };

  return (
    <article className="follow-up-item" data-testid="follow-up-item" data-action-id={action.id} data-status={action.status}>
      <h3 className="follow-up-action-title">{action.title}</h3>
      <dl className="follow-up-facts">
        <dt>{t('responsible')}</dt>
        <dd>{action.responsible || t('noResponsible')}</dd>
        <dt>{t('deadline')}</dt>
        <dd>
          {action.deadline ? format.date(action.deadline) : t('noDeadline')}
          <UrgencyFlag action={action} urgency={urgencyOf(action, today)} />
        </dd>
        <dt>{t('status')}</dt>
        <dd>
          <span className={`status-chip status-${action.status}`} data-testid="follow-up-status">
            <span aria-hidden="true">{STATUS_ICON[action.status]}</span> {t(action.status)}
          </span>
        </dd>
        {goal && (
          <>
            <dt>{t('goal')}</dt>
            <dd>{goal.name}</dd>
          </>
        )}
      </dl>

      <div className="follow-up-controls">
        {back && (
          <button type="button" onClick={() => move(back)} data-testid="follow-up-back">
            {t('statusBack', { status: t(back) })}
          </button>
        )}
        {forward && (
          <button type="button" className="primary" onClick={() => move(forward)} data-testid="follow-up-forward">
            {t('statusForward', { status: t(forward) })}
          </button>
        )}
        <div className="follow-up-deadline" data-testid="follow-up-deadline">
          <span aria-hidden="true">{t('deadline')}</span>
          <DeadlineField value={action.deadline} onChange={(value) => setActionDeadline(doc, action.id, value)} label={t('actionFor', { field: t('deadline'), title: action.title })} />
        </div>
        <button
          type="button"
          onClick={() => setActionDeadline(doc, action.id, addDays(isIsoDate(action.deadline) && action.deadline > today ? action.deadline : today, 7))}
          // The visible "+1 uge" is the name (WCAG 2.5.3, label in name); what it does is the description.
          title={t('plusWeekLabel')}
          data-testid="follow-up-plus-week"
        >
          {t('plusWeek')}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {said}
      </p>

      <section className="follow-up-history" aria-labelledby="follow-up-history-heading">
        <h4 id="follow-up-history-heading">{since ? t('sinceLast', { at: format.dateTime(since) }) : t('sinceStart')}</h4>
        {changes.length === 0 ? (
          <p className="muted" data-testid="follow-up-no-changes">
            {t('noChangesSince')}
          </p>
        ) : (
          <ol data-testid="follow-up-history">
            {changes.map((change, index) => (
              <li key={`${change.at}-${index}`}>
                <span aria-hidden="true">{STATUS_ICON[change.status]} </span>
                {t('historyEntry', { status: t(change.status), at: format.dateTime(change.at), by: change.by || t('unknownPerson') })}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

// One action in the plan: inline editing of title, responsible, deadline, status and the goal it
// should move; overdue and due-this-week stand out with a label and an icon (never colour alone);
// the status history (who, when); evaluated actions can be archived.

import { memo, useRef } from 'react';
import { useT } from '../app/i18n';
import { CommitInput, CommitTextArea } from '../app/CommitInput';
import { useBoardDoc } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import {
  removeAction,
  setActionArchived,
  setActionDeadline,
  setActionGoal,
  setActionResponsible,
  setActionStatus,
  setActionTitle,
  MAX_TEXT_LENGTH,
  type Action,
} from '../../../shared/schema';
import { ACTION_STATUSES, isActionStatus, type ActionStatus } from '../../../shared/domain/actionStatus';
import type { Urgency } from '../../../shared/domain/actionPlan';
import { mergeEdit } from '../ideas/textMerge';
import { actionMessages } from './messages';
import { DeadlineField } from './DeadlineField';
import { pasteIsCut, useCutMessage, useTryWrite } from '../board/limitMessage';
import { announce } from '../app/announcer';
import { useFormat } from '../app/format';


export const STATUS_ICON: Record<ActionStatus, string> = { decided: '◇', started: '▶', finished: '✓', evaluated: '★' };

export interface GoalOption {
  id: string;
  name: string;
}

interface Props {
  action: Action;
  urgency: Urgency;
  canEdit: boolean;
  goals: readonly GoalOption[];
  ideaText: string | null;
}

/**
 * A row re-renders only when its own props changed: the board's view cache keeps an unchanged
 * action's object (sync/boardViews.ts), and ActionsField keeps the other props stable.
 */
export const ActionRow = memo(ActionRowView);

/** The urgency flag: label and icon, and the deadline. */
export function UrgencyFlag({ action, urgency }: { action: Action; urgency: Urgency }) {
  const t = useT(actionMessages);
  const format = useFormat();
  if (!urgency) return null;
  return (
    <p className={`urgency-flag ${urgency === 'overdue' ? 'overdue-flag' : 'due-soon-flag'}`} id={`urgency-${action.id}`} data-testid="action-urgency" data-urgency={urgency}>
      <span aria-hidden="true">{urgency === 'overdue' ? '⚠' : '◷'}</span> {urgency === 'overdue' ? t('overdue') : t('dueSoon')}
      {action.deadline && ` · ${format.date(action.deadline)}`}
    </p>
  );
}

function ActionRowView({ action, urgency, canEdit, goals, ideaText }: Props) {
  const t = useT(actionMessages);
  const format = useFormat();
  const doc = useBoardDoc();
  const me = useIdentity((s) => s.name);
  const tryWrite = useTryWrite();
  const cutMessage = useCutMessage(MAX_TEXT_LENGTH);
  const label = (field: string) => t('actionFor', { field, title: action.title });
  const goalName = goals.find((g) => g.id === action.goalId)?.name;
  // The title as it was when editing began: at commit, my change is applied to the title as it is
  // now, so someone else's edit to the same title meanwhile is kept (ideas/textMerge.ts).
  const titleBase = useRef(action.title);
  const latestTitle = useRef(action.title);
  latestTitle.current = action.title;
  const committed = useRef<string | null>(null);
  return (
    <li
      className={`action-row status-${action.status}${urgency === 'overdue' ? ' overdue' : ''}${urgency === 'dueSoon' ? ' due-soon' : ''}${action.archived ? ' archived' : ''}`}
      data-testid="action-row"
      data-action-id={action.id}
      data-title={action.title}
      data-status={action.status}
      data-overdue={urgency === 'overdue'}
      data-due-soon={urgency === 'dueSoon'}
      data-archived={action.archived}
    >
      {canEdit ? (
        <CommitTextArea
          className="action-title"
          value={action.title}
          onFocus={() => {
            titleBase.current = action.title;
            committed.current = null;
          }}
          onCommit={(v) => {
            // Enter, then leaving the field, commits the same draft twice: once is enough.
            if (v === committed.current) return;
            const merged = mergeEdit(titleBase.current, v, latestTitle.current);
            const limit = tryWrite(() => setActionTitle(doc, action.id, merged));
            if (limit) {
              announce(limit, { show: true });
              return;
            }
            titleBase.current = merged;
            committed.current = v;
          }}
          onPaste={(e) => {
            if (pasteIsCut(e, MAX_TEXT_LENGTH)) announce(cutMessage, { show: true });
          }}
          aria-label={label(t('title'))}
          maxLength={MAX_TEXT_LENGTH}
        />
      ) : (
        <p className="action-title">{action.title}</p>
      )}
      {action.archived && (
        <span className="badge archived-badge" data-testid="action-archived">
                    {t('archived')}
        </span>
      )}
      <div className="action-fields">
        {canEdit ? (
          <>
            <label>
              {t('responsible')}
              <CommitInput value={action.responsible} list="people-on-board" onCommit={(v) => setActionResponsible(doc, action.id, v)} aria-label={label(t('responsible'))} maxLength={100} />
            </label>
            <div className="action-field">
              <span aria-hidden="true">{t('deadline')}</span>
              <DeadlineField
                value={action.deadline}
                onChange={(value) => setActionDeadline(doc, action.id, value)}
                label={label(t('deadline'))}
                describedBy={urgency ? `urgency-${action.id}` : undefined}
              />
            </div>
            <label>
              {t('status')}
              <select
                value={action.status}
                onChange={(e) => isActionStatus(e.target.value) && setActionStatus(doc, action.id, e.target.value, me || '?')}
                aria-label={label(t('status'))}
              >
                {ACTION_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(status)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('goal')}
              <select value={action.goalId ?? ''} onChange={(e) => setActionGoal(doc, action.id, e.target.value || null)} aria-label={t('goalFor', { title: action.title })} data-testid="action-goal">
                <option value="">{t('noGoal')}</option>
                {goals.map((goal) => (
                  <option key={goal.id} value={goal.id}>
                    {goal.name || '?'}
                  </option>
                ))}
                {action.goalId && !goalName && <option value={action.goalId}>?</option>}
              </select>
            </label>
            <button
              type="button"
              className="quiet danger remove-action"
              aria-label={`${t('remove')}: ${action.title}`}
              title={t('remove')}
              onClick={() => window.confirm(t('confirmRemove', { title: action.title })) && removeAction(doc, action.id)}
            >
              ✕
            </button>
          </>
        ) : (
          <p className="action-summary">
            <span>{action.responsible || t('noResponsible')}</span>
            <span>{action.deadline ? format.date(action.deadline) : t('noDeadline')}</span>
            <span className={`status-chip status-${action.status}`}>
              <span aria-hidden="true">{STATUS_ICON[action.status]}</span> {t(action.status)}
            </span>
            {goalName && (
              <span>
                {t('goal')}: {goalName}
              </span>
            )}
          </p>
        )}
      </div>
      <UrgencyFlag action={action} urgency={urgency} />
      <div className="action-foot">
        {ideaText && <span className="action-idea muted">{t('fromIdeaText', { text: ideaText })}</span>}
        {action.history.length > 0 && (
          <details className="action-history">
            <summary>{t('history', { count: action.history.length })}</summary>
            <ol>
              {action.history.map((change, index) => (
                <li key={`${change.at}-${index}`}>
                  <span aria-hidden="true">{STATUS_ICON[change.status]} </span>
                  {t('historyEntry', { status: t(change.status), at: format.dateTime(change.at), by: change.by || t('unknownPerson') })}
                </li>
              ))}
            </ol>
          </details>
        )}
        {canEdit && action.status === 'evaluated' && (
          <button
            type="button"
            className="small"
            onClick={() => setActionArchived(doc, action.id, !action.archived)}
            aria-label={action.archived ? `${t('unarchive')}: ${action.title}` : t('archiveLabel', { title: action.title })}
            data-testid="action-archive"
          >
            {action.archived ? t('unarchive') : t('archive')}
          </button>
        )}
      </div>
    </li>
  );
}

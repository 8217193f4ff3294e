// One action in the plan: inline editing of title, responsible, deadline and status.

import { useFormat, useT } from '../app/i18n';
import { CommitInput } from '../app/CommitInput';
import { useBoardDoc } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import {
  removeAction,
  setActionDeadline,
  setActionResponsible,
  setActionStatus,
  setActionTitle,
  type Action,
} from '../../../shared/schema';
import { ACTION_STATUSES, isActionStatus, type ActionStatus } from '../../../shared/domain/actionStatus';
import { actionMessages } from './messages';

const STATUS_ICON: Record<ActionStatus, string> = { decided: '◇', started: '▶', finished: '✓', evaluated: '★' };

export function ActionRow({ action, overdue, canEdit }: { action: Action; overdue: boolean; canEdit: boolean }) {
  const t = useT(actionMessages);
  const format = useFormat();
  const doc = useBoardDoc();
  const me = useIdentity((s) => s.name);
  const label = (field: string) => t('actionFor', { field, title: action.title });
  return (
    <li
      className={`action-row status-${action.status}${overdue ? ' overdue' : ''}`}
      data-testid="action-row"
      data-action-id={action.id}
      data-status={action.status}
      data-overdue={overdue}
    >
      {canEdit ? (
        <CommitInput className="action-title" value={action.title} onCommit={(v) => setActionTitle(doc, action.id, v)} aria-label={label(t('title'))} maxLength={2000} />
      ) : (
        <p className="action-title">{action.title}</p>
      )}
      <div className="action-fields">
        {canEdit ? (
          <>
            <label>
              {t('responsible')}
              <CommitInput value={action.responsible} list="people-on-board" onCommit={(v) => setActionResponsible(doc, action.id, v)} aria-label={label(t('responsible'))} maxLength={100} />
            </label>
            <label>
              {t('deadline')}
              <input
                type="date"
                value={action.deadline ?? ''}
                onChange={(e) => setActionDeadline(doc, action.id, e.target.value || null)}
                aria-label={label(t('deadline'))}
                aria-describedby={overdue ? `overdue-${action.id}` : undefined}
              />
            </label>
            <label>
              {t('status')}
              <select
                value={action.status}
                onChange={(e) => isActionStatus(e.target.value) && setActionStatus(doc, action.id, e.target.value, me)}
                aria-label={label(t('status'))}
              >
                {ACTION_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(status)}
                  </option>
                ))}
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
          </p>
        )}
      </div>
      {overdue && (
        <p className="overdue-flag" id={`overdue-${action.id}`}>
          <span aria-hidden="true">⚠</span> {t('overdue')}
          {action.deadline && ` · ${format.date(action.deadline)}`}
        </p>
      )}
    </li>
  );
}

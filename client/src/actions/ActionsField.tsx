// Handleplan: the actions with responsible, deadline, status and goal; overdue and due-this-week
// ones stand out. The team says how many open actions it has resources for and is warned (never
// blocked) past that. Sort and filter by status and responsible; evaluated actions can be
// archived (hidden unless "Vis arkiverede"). Opfølgning walks through the open actions one by
// one; the plan exports as CSV and Excel.

import { useMemo, useState, type FormEvent } from 'react';
import { Field } from '../board/Field';
import { boardMessages } from '../board/messages';
import { useT } from '../app/i18n';
import { useToday } from '../app/useToday';
import { useActions, useBoardConnection, useBoardDoc, useCanEdit, useGoals, useIdeas, useMeta, usePresence } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import { addAction, MAX_ACTION_CAPACITY, MAX_TEXT_LENGTH, setActionCapacity, type Action } from '../../../shared/schema';
import { ACTION_STATUSES, isActionStatus, isOverdue } from '../../../shared/domain/actionStatus';
import { arrangeActions, checkCapacity, countOpen, NO_RESPONSIBLE, SORT_KEYS, urgencyOf, type PlanFilter, type SortKey } from '../../../shared/domain/actionPlan';
import { currentBoardToken } from '../ideas/draftsClient';
import { actionMessages } from './messages';
import { ActionRow, type GoalOption } from './ActionRow';
import { usePreloadDeadlinePicker } from './DeadlineField';
import { pasteIsCut, useCutMessage, useTryWrite } from '../board/limitMessage';
import { FollowUpDialog } from './FollowUpDialog';
import './actions.css';

export function ActionsField() {
  const tb = useT(boardMessages);
  const t = useT(actionMessages);
  const actions = useActions();
  const goals = useGoals();
  const ideas = useIdeas();
  const meta = useMeta();
  const canEdit = useCanEdit();
  const today = useToday();
  const [sort, setSort] = useState<SortKey>('plan');
  const [filter, setFilter] = useState<PlanFilter>({ status: 'all', responsible: '', showArchived: false });
  const [followUp, setFollowUp] = useState(false);
  usePreloadDeadlinePicker();
  const open = countOpen(actions);
  const overdue = actions.filter((a) => isOverdue(a, today)).length;
  const archivedCount = actions.filter((a) => a.archived).length;
  const people = usePeopleNames(actions);
  const responsibles = useMemo(() => [...new Set(actions.map((a) => a.responsible).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'da')), [actions]);
  const shown = useMemo(() => arrangeActions(actions, filter, sort), [actions, filter, sort]);
  // Only a goal's id and name matter to the rows: a new number in a goal must not re-render them.
  const goalKey = goals.map((g) => `${g.id}\u0000${g.name}`).join('\u0001');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const goalOptions = useMemo<GoalOption[]>(() => goals.map((g) => ({ id: g.id, name: g.name })), [goalKey]);
  const ideaTexts = useMemo(() => new Map(ideas.map((i) => [i.id, i.text])), [ideas]);
  const capacity = checkCapacity(open, meta.actionCapacity);
  const visibleTotal = filter.showArchived ? actions.length : actions.length - archivedCount;

  const headerActions = (
    <>
      <span className="action-count">{t('count', { open, overdue })}</span>
      {canEdit && (
        <button type="button" className="small" onClick={() => setFollowUp(true)} data-testid="follow-up-open">
          {t('followUp')}
        </button>
      )}
    </>
  );

  return (
    <Field id="actions" number={4} title={tb('actions')} actions={headerActions}>
      {canEdit && <AddAction exceeds={capacity.exceeds} after={capacity.after} capacity={capacity.capacity} />}
      <div className="plan-settings">
        <CapacitySetting canEdit={canEdit} open={open} capacity={meta.actionCapacity} />
        {actions.length > 0 && <ExportLinks includeArchived={filter.showArchived} />}
      </div>
      {capacity.over && (
        <p className="capacity-over" role="status" data-testid="capacity-over">
          <span aria-hidden="true">⚠ </span>
          {t('capacityOver', { open, capacity: capacity.capacity ?? 0 })}
        </p>
      )}
      {/* A view link is the wall screen: read from three metres, no controls. */}
      {canEdit && actions.length > 0 && (
        <div className="plan-toolbar" role="group" aria-label={`${t('sort')} / ${t('filterStatus')}`}>
          <label>
            {t('sort')}
            <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)} data-testid="plan-sort">
              {SORT_KEYS.map((key) => (
                <option key={key} value={key}>
                  {t(`sort_${key}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterStatus')}
            <select
              value={filter.status}
              onChange={(e) => {
                const value = e.target.value;
                if (value === 'all' || value === 'open' || isActionStatus(value)) setFilter((f) => ({ ...f, status: value }));
              }}
              data-testid="plan-filter-status"
            >
              <option value="all">{t('filterAll')}</option>
              <option value="open">{t('filterOpen')}</option>
              {ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(status)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filterResponsible')}
            <select value={filter.responsible} onChange={(e) => setFilter((f) => ({ ...f, responsible: e.target.value }))} data-testid="plan-filter-responsible">
              <option value="">{t('filterEveryone')}</option>
              {responsibles.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
              <option value={NO_RESPONSIBLE}>{t('filterNobody')}</option>
            </select>
          </label>
          {archivedCount > 0 && (
            <label className="inline-check">
              <input type="checkbox" checked={filter.showArchived} onChange={(e) => setFilter((f) => ({ ...f, showArchived: e.target.checked }))} data-testid="plan-show-archived" />
              {t('showArchived', { count: archivedCount })}
            </label>
          )}
        </div>
      )}
      {actions.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{t('noneMatch')}</p>
      ) : (
        <>
          {shown.length !== visibleTotal && (
            <p className="muted plan-filtered" role="status">
              {t('filtered', { shown: shown.length, total: visibleTotal })}
            </p>
          )}
          <ol className="action-list" aria-label={tb('actions')}>
            {shown.map((action) => (
              <ActionRow
                key={action.id}
                action={action}
                urgency={urgencyOf(action, today)}
                canEdit={canEdit}
                goals={goalOptions}
                ideaText={action.ideaId ? (ideaTexts.get(action.ideaId) ?? null) : null}
              />
            ))}
          </ol>
        </>
      )}
      <datalist id="people-on-board">
        {people.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {followUp && <FollowUpDialog onClose={() => setFollowUp(false)} goals={goalOptions} />}
    </Field>
  );
}

/** Names to suggest as responsible: people on the board now and people already responsible. */
function usePeopleNames(actions: Action[]): string[] {
  const presence = usePresence();
  return useMemo(() => {
    const names = new Set<string>();
    for (const person of presence) if (person.name && person.name !== '?') names.add(person.name);
    for (const action of actions) if (action.responsible) names.add(action.responsible);
    return [...names].sort((a, b) => a.localeCompare(b));
  }, [presence, actions]);
}

function AddAction({ exceeds, after, capacity }: { exceeds: boolean; after: number; capacity: number | null }) {
  const t = useT(actionMessages);
  const doc = useBoardDoc();
  const me = useIdentity((s) => s.name);
  const tryWrite = useTryWrite();
  const [title, setTitle] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const cutMessage = useCutMessage(MAX_TEXT_LENGTH);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    // A full board refuses the action (shared/limits.ts): say so and keep what was typed.
    const message = tryWrite(() => addAction(doc, { title, by: me || '?' }));
    setRefused(message);
    if (message === null) setTitle('');
  };
  const warn = exceeds && title.trim() !== '';
  return (
    <form className="add-action" onSubmit={submit}>
      <div className="add-action-row">
        <label className="visually-hidden" htmlFor="new-action-title">
          {t('newTitle')}
        </label>
        <input
          id="new-action-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          // The browser cuts a long paste silently: say so (issue 8).
          onPaste={(e) => setRefused(pasteIsCut(e, MAX_TEXT_LENGTH) ? cutMessage : null)}
          placeholder={t('newTitle')}
          maxLength={MAX_TEXT_LENGTH}
          aria-describedby={warn ? 'new-action-warning' : undefined}
          data-testid="action-new-title"
        />
        <button type="submit" data-testid="action-add">
          {warn ? t('addAnyway') : t('add')}
        </button>
      </div>
      {refused && (
        <p className="capacity-warning" role="status" data-testid="action-refused">
          {refused}
        </p>
      )}
      {warn && (
        <p id="new-action-warning" className="capacity-warning" role="status" data-testid="action-capacity-warning">
          <span aria-hidden="true">⚠ </span>
          {t('capacityWarning', { after, capacity: capacity ?? 0 })}
        </p>
      )}
    </form>
  );
}

function CapacitySetting({ canEdit, open, capacity }: { canEdit: boolean; open: number; capacity: number | null }) {
  const t = useT(actionMessages);
  const doc = useBoardDoc();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const value = draft.trim() === '' ? null : Number(draft);
    if (value === null) setActionCapacity(doc, null);
    else if (Number.isInteger(value) && value >= 0 && value <= MAX_ACTION_CAPACITY) setActionCapacity(doc, value);
    setDraft(null);
  };
  return (
    <div className="capacity-setting" data-testid="capacity">
      {canEdit ? (
        <label>
          {t('capacity')}{' '}
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_ACTION_CAPACITY}
            step={1}
            value={draft ?? (capacity === null ? '' : String(capacity))}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape') setDraft(null);
            }}
            aria-label={t('capacityLabel')}
            data-testid="capacity-input"
          />{' '}
          {t('capacityUnit')}
        </label>
      ) : (
        capacity !== null && (
          <span>
            {t('capacity')} {capacity} {t('capacityUnit')}
          </span>
        )
      )}
      {capacity !== null && (
        <span className={`capacity-state ${open > capacity ? 'is-over' : ''}`} data-testid="capacity-state">
          {t('capacityState', { open, capacity })}
        </span>
      )}
    </div>
  );
}

function ExportLinks({ includeArchived }: { includeArchived: boolean }) {
  const t = useT(actionMessages);
  const { boardId } = useBoardConnection();
  const token = currentBoardToken();
  const href = (format: 'csv' | 'xlsx') =>
    `/api/boards/${encodeURIComponent(boardId)}/actions/export.${format}?token=${encodeURIComponent(token)}${includeArchived ? '&archived=1' : ''}`;
  return (
    <div className="export-links" role="group" aria-label={t('export')}>
      <span className="export-label">{t('export')}:</span>
      <a className="button-link" href={href('csv')} download data-testid="export-csv">
        {t('exportCsv')}
        <span className="visually-hidden"> – {t('exportCsvLabel')}</span>
      </a>
      <a className="button-link" href={href('xlsx')} download data-testid="export-xlsx">
        {t('exportXlsx')}
        <span className="visually-hidden"> – {t('exportXlsxLabel')}</span>
      </a>
    </div>
  );
}

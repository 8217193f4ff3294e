// Handleplan: the actions with responsible, deadline and status; overdue ones stand out.

import { useMemo, useState, type FormEvent } from 'react';
import { Field } from '../board/Field';
import { boardMessages } from '../board/messages';
import { useT } from '../app/i18n';
import { useToday } from '../app/useToday';
import { useActions, useBoardDoc, useCanEdit, usePresence } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import { addAction, type Action } from '../../../shared/schema';
import { isOpenStatus, isOverdue } from '../../../shared/domain/actionStatus';
import { actionMessages } from './messages';
import { ActionRow } from './ActionRow';
import './actions.css';

export function ActionsField() {
  const tb = useT(boardMessages);
  const t = useT(actionMessages);
  const actions = useActions();
  const canEdit = useCanEdit();
  const today = useToday();
  const open = actions.filter((a) => isOpenStatus(a.status)).length;
  const overdue = actions.filter((a) => isOverdue(a, today)).length;
  const people = usePeopleNames(actions);
  return (
    <Field id="actions" number={4} title={tb('actions')} actions={<span className="action-count">{t('count', { open, overdue })}</span>}>
      {canEdit && <AddAction />}
      {actions.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ol className="action-list" aria-label={tb('actions')}>
          {actions.map((action) => (
            <ActionRow key={action.id} action={action} overdue={isOverdue(action, today)} canEdit={canEdit} />
          ))}
        </ol>
      )}
      <datalist id="people-on-board">
        {people.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
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

function AddAction() {
  const t = useT(actionMessages);
  const doc = useBoardDoc();
  const me = useIdentity((s) => s.name);
  const [title, setTitle] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    addAction(doc, { title, by: me });
    setTitle('');
  };
  return (
    <form className="add-action" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="new-action-title">
        {t('newTitle')}
      </label>
      <input id="new-action-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('newTitle')} maxLength={2000} />
      <button type="submit">{t('add')}</button>
    </form>
  );
}

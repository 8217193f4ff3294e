// Field 1 of the måltavle, Mål: one or a few indicators, each with a target and an actual per
// period, drawn as target (light) against actual (dark) with the periods under target marked.
// Reads with useGoals(), writes only through the verbs in shared/schema/goal.ts; a view link
// (wall screen, leaders) gets no editing controls at all.

import { useRef, useState } from 'react';
import { addGoal, removeGoal, updateGoal, type Goal } from '../../../shared/schema/goal';
import { Field } from '../board/Field';
import { useTryWrite } from '../board/limitMessage';
import { announce } from '../app/announcer';
import { useT } from '../app/i18n';
import { useBoardDoc, useCanEdit, useGoals } from '../sync/BoardProvider';
import { GoalCard } from './GoalCard';
import { ConfirmDeleteDialog, GoalDialog } from './GoalDialog';
import { currentPeriod } from './goalView';
import { goalMessages } from './messages';
import './goals.css';

/** More goals than this and the field reminds the team that the method wants few. */
const FEW_GOALS = 3;

type DialogState = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; id: string } | { kind: 'delete'; id: string };

export function GoalsField() {
  const t = useT(goalMessages);
  const tryWrite = useTryWrite();
  const goals = useGoals();
  const doc = useBoardDoc();
  const canEdit = useCanEdit();
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const [createdId, setCreatedId] = useState<string | null>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const now = new Date();

  const target: Goal | null = dialog.kind === 'edit' || dialog.kind === 'delete' ? (goals.find((g) => g.id === dialog.id) ?? null) : null;
  const close = () => setDialog({ kind: 'none' });

  const createButtonElement = canEdit ? (
    <button type="button" className="primary goal-create" ref={createButton} onClick={() => setDialog({ kind: 'create' })} data-testid="goal-create">
      <span aria-hidden="true">+ </span>
      {t('newGoal')}
    </button>
  ) : undefined;

  return (
    <Field id="goals" number={1} title={t('title')} actions={goals.length > 0 ? createButtonElement : undefined}>
      {goals.length === 0 ? (
        <div className="goals-empty" data-testid="goals-empty">
          <h3>{t('emptyTitle')}</h3>
          <p>{t(canEdit ? 'emptyText' : 'emptyTextView')}</p>
          {createButtonElement}
        </div>
      ) : (
        <>
          {canEdit && goals.length > FEW_GOALS && (
            <p className="goals-many" role="note" data-testid="goals-many-note">
              {t('manyGoals', { count: goals.length })}
            </p>
          )}
          <div className="goal-list">
            {goals.map((goal) => (
              <GoalCard
                key={goal.id}
                goal={goal}
                current={currentPeriod(goal.frequency, now)}
                canEdit={canEdit}
                focusOnMount={goal.id === createdId}
                onEdit={() => setDialog({ kind: 'edit', id: goal.id })}
                onDelete={() => setDialog({ kind: 'delete', id: goal.id })}
              />
            ))}
          </div>
        </>
      )}

      {canEdit && (dialog.kind === 'create' || (dialog.kind === 'edit' && target)) && (
        <GoalDialog
          goal={dialog.kind === 'edit' ? target : null}
          onClose={close}
          onCreate={(input) => {
            let id: string | null = null;
            const limit = tryWrite(() => {
              id = addGoal(doc, input);
            });
            if (limit) announce(limit, { show: true });
            else setCreatedId(id);
            close();
          }}
          onUpdate={(patch) => {
            if (target && Object.keys(patch).length > 0) updateGoal(doc, target.id, patch);
            close();
          }}
        />
      )}
      {canEdit && dialog.kind === 'delete' && target && (
        <ConfirmDeleteDialog
          name={target.name}
          onClose={close}
          onConfirm={() => {
            removeGoal(doc, target.id);
            close();
            // The card and its delete button are gone: continue from the field's create button.
            queueMicrotask(() => setTimeout(() => createButton.current?.focus(), 0));
          }}
        />
      )}
    </Field>
  );
}

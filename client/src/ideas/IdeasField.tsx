// Field 2, Idéer: the team's post-its. Everyone adds ideas (they appear live for all, they live in
// the Y.Doc); no discussion while collecting, only clarifying questions. Post-its are dragged from
// here onto the assessment grid, and dragged back here to take their assessment away. Assessed
// ideas stay listed here with their zone badge.

import { useCallback, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { addIdea, MAX_TEXT_LENGTH } from '../../../shared/schema';
import { Field } from '../board/Field';
import { useT } from '../app/i18n';
import { boardMessages } from '../board/messages';
import { useActions, useBoardDoc, useCanEdit, useIdeas } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import { IDEAS_DROP_ID } from '../assessment/collision';
import { useDragState, useDropNodes } from '../assessment/dragState';
import { IDEA_INPUT_ID } from './constants';
import { IdeaCard } from './IdeaCard';
import { ideasMessages } from './messages';
import './ideas.css';

export function IdeasField() {
  const tb = useT(boardMessages);
  const t = useT(ideasMessages);
  const ideas = useIdeas();
  const actions = useActions();
  const canEdit = useCanEdit();
  const nodes = useDropNodes();
  const [status, setStatus] = useState('');
  const { setNodeRef, isOver } = useDroppable({ id: IDEAS_DROP_ID, disabled: !canEdit });
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      setNodeRef(node);
      nodes.ideas = node;
    },
    [nodes, setNodeRef],
  );
  const dragFrom = useDragState((s) => s.active?.from ?? null);
  const target = useDragState((s) => s.target);
  const leaving = dragFrom === 'grid' && (isOver || target === 'ideas');
  const actionIds = new Set(actions.map((action) => action.id));

  return (
    <Field id="ideas" number={2} title={tb('ideas')}>
      <div
        ref={ref}
        className={`ideas ${leaving ? 'is-unassess-target' : ''}`}
        data-testid="ideas-drop"
        data-drop-field=""
      >
        <p className="ideas-reminder">{t('reminder')}</p>
        {canEdit && <AddIdeaForm onAdded={(text) => setStatus(t('added', { text }))} />}
        {leaving && (
          <p className="ideas-drop-hint" aria-hidden="true">
            {t('dropToUnassess')}
          </p>
        )}
        {ideas.length === 0 ? (
          <p className="muted ideas-empty">{canEdit ? t('emptyEdit') : t('empty')}</p>
        ) : (
          <ul className="idea-list" aria-label={t('listLabel', { count: ideas.length })}>
            {ideas.map((idea) => (
              <IdeaCard
                key={idea.id}
                idea={idea}
                inPlan={Boolean(idea.actionId && actionIds.has(idea.actionId))}
                canEdit={canEdit}
                onStatus={setStatus}
              />
            ))}
          </ul>
        )}
        <p className="visually-hidden" role="status">
          {status}
        </p>
      </div>
    </Field>
  );
}

function AddIdeaForm({ onAdded }: { onAdded: (text: string) => void }) {
  const t = useT(ideasMessages);
  const doc = useBoardDoc();
  const name = useIdentity((s) => s.name);
  const color = useIdentity((s) => s.color);
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const clean = text.trim();
    if (!clean) return;
    addIdea(doc, { text: clean, author: name || '?', color });
    setText('');
    onAdded(clean);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form className="idea-add" onSubmit={submit}>
      <label htmlFor={IDEA_INPUT_ID} className="visually-hidden">
        {t('newIdea')}
      </label>
      <textarea
        id={IDEA_INPUT_ID}
        ref={input}
        data-testid="idea-input"
        rows={2}
        value={text}
        maxLength={MAX_TEXT_LENGTH}
        placeholder={t('placeholder')}
        aria-describedby="new-idea-hint"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="primary" data-testid="idea-add" disabled={!text.trim()}>
        {t('add')}
      </button>
      <p id="new-idea-hint" className="idea-add-hint muted">
        {t('addHint')}
      </p>
    </form>
  );
}

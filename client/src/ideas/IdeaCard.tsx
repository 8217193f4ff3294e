// One post-it in the Idéer field (filled with its zone's tint, the zone named in words; grey-blue and
// dashed while unassessed): its text (click or Enter to edit), authors, zone, clarifying
// questions with the author's answers, and — with edit access — a drag handle, Vurdér, Spørg,
// Til handleplan (only for assessed ideas; warns past the team's capacity), Slå sammen and Slet
// (with Fortryd). A post-it someone else is dragging shows who, and cannot be picked up.

import { memo, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useDraggable } from '@dnd-kit/core';
import {
  answerQuestion,
  askQuestion,
  mergeIdeas,
  MAX_TEXT_LENGTH,
  promoteToAction,
  removeIdeaWithSnapshot,
  setIdeaText,
  type Idea,
  type IdeaSnapshot,
  type Question,
} from '../../../shared/schema';
import { sortByZone } from '../../../shared/domain/ideaOrder';
import type { CapacityCheck } from '../../../shared/domain/actionPlan';
import { useT } from '../app/i18n';
import { useBoardDoc, useIdeas } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import { AssessControl } from '../assessment/AssessControl';
import { dragId, type DragData } from '../assessment/dragState';
import { assessmentMessages } from '../assessment/messages';
import { ZoneBadge } from '../assessment/ZoneBadge';
import { IDEA_INPUT_ID } from './constants';
import { ideasMessages } from './messages';
import { postItFill } from './postItColor';
import { mergeEdit } from './textMerge';
import { InlineForm, InlineTextForm } from './InlineForms';

type Panel = 'none' | 'assess' | 'ask' | 'delete' | 'merge' | 'capacity';

interface IdeaCardProps {
  idea: Idea;
  inPlan: boolean;
  canEdit: boolean;
  onStatus: (message: string) => void;
  /** Someone else is dragging this post-it (their name), or null. */
  takenBy: string | null;
  /** What one more action does to the team's capacity. */
  capacity: CapacityCheck;
  onDeleted: (snapshot: IdeaSnapshot, text: string) => void;
}

function sameIdea(a: Idea, b: Idea): boolean {
  return (
    a.id === b.id &&
    a.text === b.text &&
    a.author === b.author &&
    a.color === b.color &&
    a.zone === b.zone &&
    a.position?.effect === b.position?.effect &&
    a.position?.resources === b.position?.resources &&
    a.actionId === b.actionId &&
    a.authors.join('\n') === b.authors.join('\n') &&
    a.questions.length === b.questions.length &&
    a.questions.every(
      (q, i) => q.text === b.questions[i]?.text && q.author === b.questions[i]?.author && (q.answers?.length ?? 0) === (b.questions[i]?.answers?.length ?? 0),
    )
  );
}

/** Ideas are re-read on every change of any idea; a card only re-renders when its own idea changed. */
export const IdeaCard = memo(
  IdeaCardView,
  (a, b) =>
    a.inPlan === b.inPlan &&
    a.canEdit === b.canEdit &&
    a.onStatus === b.onStatus &&
    a.onDeleted === b.onDeleted &&
    a.takenBy === b.takenBy &&
    a.capacity.exceeds === b.capacity.exceeds &&
    a.capacity.after === b.capacity.after &&
    a.capacity.capacity === b.capacity.capacity &&
    sameIdea(a.idea, b.idea),
);

function IdeaCardView({ idea, inPlan, canEdit, onStatus, takenBy, capacity, onDeleted }: IdeaCardProps) {
  const t = useT(ideasMessages);
  const ta = useT(assessmentMessages);
  const doc = useBoardDoc();
  const name = useIdentity((s) => s.name);
  const [editing, setEditing] = useState(false);
  const [panel, setPanel] = useState<Panel>('none');
  const textButton = useRef<HTMLButtonElement>(null);
  const assessToggle = useRef<HTMLButtonElement>(null);
  const askToggle = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const mergeToggle = useRef<HTMLButtonElement>(null);
  const promoteButton = useRef<HTMLButtonElement>(null);
  const reasonId = useId();
  // Where keyboard focus goes back to when the editor or a panel closes.
  const focusAfter = useRef<RefObject<HTMLButtonElement | null> | null>(null);
  const panelId = useId();
  const effect = idea.position?.effect;
  const resources = idea.position?.resources;
  const data = useMemo<DragData>(
    () => ({
      ideaId: idea.id,
      from: 'ideas',
      text: idea.text,
      position: effect !== undefined && resources !== undefined ? { effect, resources } : null,
    }),
    [idea.id, idea.text, effect, resources],
  );
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({
    id: dragId('ideas', idea.id),
    data,
    disabled: !canEdit || editing || takenBy !== null,
    attributes: { roleDescription: ta('postIt') },
  });
  const toggle = (next: Panel) => setPanel((current) => (current === next ? 'none' : next));
  const close = (back: RefObject<HTMLButtonElement | null>) => {
    focusAfter.current = back;
    setPanel('none');
  };

  useEffect(() => {
    if (editing || panel !== 'none' || !focusAfter.current) return;
    focusAfter.current.current?.focus();
    focusAfter.current = null;
  }, [editing, panel]);
  // Colour means the zone: the zone's tint, or grey-blue and dashed while unassessed.
  const style = { '--postit': postItFill(idea.zone) } as CSSProperties;

  const finishEditing = () => {
    focusAfter.current = textButton;
    setEditing(false);
  };

  const promoteNow = () => {
    setPanel('none');
    if (promoteToAction(doc, idea.id, name || '?')) onStatus(t('promoted', { text: idea.text }));
  };
  // Past the team's capacity it warns first (never blocks: the team decides).
  const promote = () => (capacity.exceeds ? setPanel('capacity') : promoteNow());

  const remove = () => {
    const snapshot = removeIdeaWithSnapshot(doc, idea.id);
    if (snapshot) onDeleted(snapshot, idea.text);
    onStatus(t('deleted', { text: idea.text }));
    requestAnimationFrame(() => document.getElementById(IDEA_INPUT_ID)?.focus());
  };

  const authors = idea.authors.length > 0 ? idea.authors : [idea.author];
  const isAuthor = Boolean(name) && authors.includes(name);
  const unanswered = idea.questions.filter((q) => !q.answers?.length).length;

  return (
    <li
      ref={setNodeRef}
      className={`idea-card ${isDragging ? 'is-dragging' : ''} ${canEdit && !takenBy ? 'can-drag' : ''} ${takenBy ? 'is-taken' : ''}`}
      style={style}
      data-testid="idea-card"
      data-idea-id={idea.id}
      data-zone={idea.zone ?? 'none'}
      data-taken-by={takenBy ?? undefined}
      {...(canEdit && !editing && !takenBy ? listeners : {})}
    >
      {takenBy && (
        <p className="taken-badge" data-testid="idea-taken">
          <span aria-hidden="true">✥ </span>
          {t('takenBy', { name: takenBy })}
        </p>
      )}
      <div className="idea-main">
        {canEdit && !editing && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className="idea-handle"
            data-drag-handle=""
            data-testid="idea-handle"
            {...attributes}
            aria-label={t('move', { text: idea.text })}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        {editing ? (
          <IdeaTextEditor idea={idea} onDone={finishEditing} onSaved={() => onStatus(t('saved'))} />
        ) : canEdit ? (
          <button
            type="button"
            ref={textButton}
            className="idea-text"
            data-testid="idea-text"
            data-drag-grip=""
            title={t('editText')}
            onClick={() => setEditing(true)}
          >
            {idea.text}
          </button>
        ) : (
          <p className="idea-text">{idea.text}</p>
        )}
      </div>

      <div className="idea-meta">
        <span className="idea-author" data-testid="idea-authors">
          {t('by', { author: authors.filter(Boolean).join(t('authorsJoin')) || t('unknownAuthor') })}
        </span>
        <ZoneBadge zone={idea.zone} />
        {inPlan && (
          <span className="in-plan-badge" data-testid="idea-in-plan">
            <span aria-hidden="true">✓ </span>
            {t('inPlan')}
          </span>
        )}
      </div>

      {idea.questions.length > 0 && (
        <div className="idea-questions" data-testid="idea-questions">
          <span className="visually-hidden">{t('questions')}</span>
          <ul>
            {idea.questions.map((question, index) => (
              <QuestionItem key={`${question.at}-${index}`} ideaId={idea.id} question={question} canAnswer={canEdit && isAuthor} onStatus={onStatus} />
            ))}
          </ul>
          {unanswered > 0 && (
            <p className="unanswered" data-testid="idea-unanswered">
              {t('unanswered', { count: unanswered })}
            </p>
          )}
        </div>
      )}

      {canEdit && panel !== 'delete' && (
        <div className="idea-actions">
          <button
            type="button"
            ref={assessToggle}
            aria-expanded={panel === 'assess'}
            aria-controls={panel === 'assess' ? panelId : undefined}
            onClick={() => toggle('assess')}
            data-testid="idea-assess"
          >
            {ta('assess')}
          </button>
          <button
            type="button"
            ref={askToggle}
            aria-expanded={panel === 'ask'}
            aria-controls={panel === 'ask' ? panelId : undefined}
            onClick={() => toggle('ask')}
            data-testid="idea-ask"
          >
            {t('ask')}
          </button>
          {!inPlan && (
            <span className="promote">
              <button
                type="button"
                ref={promoteButton}
                onClick={promote}
                disabled={!idea.position}
                aria-describedby={idea.position ? undefined : reasonId}
                data-testid="idea-promote"
              >
                {/* The name starts with the visible label (WCAG 2.5.3), then says which idea. */}
                {t('promote')}
                <span className="visually-hidden"> – {idea.text}</span>
              </button>
              {!idea.position && (
                <span id={reasonId} className="promote-reason" data-testid="idea-promote-reason">
                  {t('promoteNeedsAssessment')}
                </span>
              )}
            </span>
          )}
          <button
            type="button"
            ref={mergeToggle}
            aria-expanded={panel === 'merge'}
            aria-controls={panel === 'merge' ? panelId : undefined}
            onClick={() => toggle('merge')}
            data-testid="idea-merge"
          >
            {t('merge')}
            <span className="visually-hidden"> – {idea.text}</span>
          </button>
          <button
            type="button"
            ref={deleteButton}
            className="danger"
            onClick={() => setPanel('delete')}
            aria-label={t('deleteLabel', { text: idea.text })}
            data-testid="idea-delete"
          >
            {t('delete')}
          </button>
        </div>
      )}

      {canEdit && panel === 'assess' && <AssessControl idea={idea} id={panelId} onClose={() => close(assessToggle)} />}
      {canEdit && panel === 'ask' && <AskForm ideaId={idea.id} id={panelId} onDone={() => close(askToggle)} onAsked={() => onStatus(t('asked'))} />}
      {canEdit && panel === 'delete' && <DeleteConfirm onYes={remove} onNo={() => close(deleteButton)} />}
      {canEdit && panel === 'merge' && <MergeForm idea={idea} id={panelId} onDone={() => close(mergeToggle)} onMerged={() => onStatus(t('merged'))} />}
      {canEdit && panel === 'capacity' && (
        <div className="idea-capacity" id={panelId} role="alert" data-testid="idea-capacity-warning">
          <p>
            <span aria-hidden="true">⚠ </span>
            {t('capacityWarning', { after: capacity.after, capacity: capacity.capacity ?? 0 })}
          </p>
          <div className="form-row">
            <button type="button" className="primary" onClick={promoteNow} data-testid="idea-promote-anyway">
              {t('promoteAnyway')}
            </button>
            <button type="button" onClick={() => close(promoteButton)}>
              {t('promoteCancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/** Inline editor: Ctrl/⌘+Enter or leaving the field saves, Escape cancels. */
function IdeaTextEditor({ idea, onDone, onSaved }: { idea: Idea; onDone: () => void; onSaved: () => void }) {
  const t = useT(ideasMessages);
  const doc = useBoardDoc();
  const base = useRef(idea.text);
  const latest = useRef(idea.text);
  latest.current = idea.text;
  const finished = useRef(false);
  const [draft, setDraft] = useState(idea.text);
  const hintId = useId();
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const element = area.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);

  const commit = () => {
    if (finished.current) return;
    finished.current = true;
    // An emptied post-it is not saved (deleting is its own, confirmed action).
    if (draft.trim() && draft !== base.current) {
      setIdeaText(doc, idea.id, mergeEdit(base.current, draft, latest.current));
      onSaved();
    }
    onDone();
  };

  const cancel = () => {
    if (finished.current) return;
    finished.current = true;
    onDone();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      commit();
    }
  };

  return (
    <div className="idea-editor">
      <textarea
        ref={area}
        className="idea-edit"
        data-testid="idea-edit"
        aria-label={t('editLabel')}
        aria-describedby={hintId}
        value={draft}
        maxLength={MAX_TEXT_LENGTH}
        rows={Math.min(6, Math.max(2, draft.split('\n').length))}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      <p id={hintId} className="idea-edit-hint muted">
        {t('editHint')}
      </p>
    </div>
  );
}

function AskForm({ ideaId, id, onDone, onAsked }: { ideaId: string; id: string; onDone: () => void; onAsked: () => void }) {
  const t = useT(ideasMessages);
  const doc = useBoardDoc();
  const name = useIdentity((s) => s.name);
  const ask = (text: string) => {
    askQuestion(doc, ideaId, { author: name || '?', text, at: new Date().toISOString() });
    onAsked();
    onDone();
  };
  return (
    <InlineTextForm
      id={id}
      label={t('askLabel')}
      submitLabel={t('askSubmit')}
      cancelLabel={t('askCancel')}
      inputTestId="idea-question"
      onSubmit={ask}
      onCancel={onDone}
    />
  );
}

function DeleteConfirm({ onYes, onNo }: { onYes: () => void; onNo: () => void }) {
  const t = useT(ideasMessages);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      className="idea-delete-confirm"
      role="group"
      aria-label={t('deleteConfirm')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onNo();
        }
      }}
    >
      <span>{t('deleteConfirm')}</span>
      <button type="button" className="danger" onClick={onYes} data-testid="idea-delete-yes">
        {t('deleteYes')}
      </button>
      <button type="button" ref={keep} onClick={onNo}>
        {t('deleteNo')}
      </button>
    </div>
  );
}

/** A clarifying question with its answers; the post-it's author can answer it. */
function QuestionItem({ ideaId, question, canAnswer, onStatus }: { ideaId: string; question: Question; canAnswer: boolean; onStatus: (message: string) => void }) {
  const t = useT(ideasMessages);
  const doc = useBoardDoc();
  const name = useIdentity((s) => s.name);
  const [answering, setAnswering] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const finish = () => {
    setAnswering(false);
    requestAnimationFrame(() => toggle.current?.focus());
  };
  const answer = (text: string) => {
    answerQuestion(doc, ideaId, { at: question.at, author: question.author }, { author: name || '?', text });
    onStatus(t('answered'));
    finish();
  };
  return (
    <li data-testid="idea-question-item">
      <span aria-hidden="true">? </span>
      {question.text} <span className="muted">{t('questionBy', { author: question.author || t('unknownAuthor') })}</span>
      {question.answers && question.answers.length > 0 && (
        <ul className="idea-answers">
          {question.answers.map((answer, index) => (
            <li key={`${answer.at}-${index}`} data-testid="idea-answer">
              <span aria-hidden="true">↳ </span>
              {answer.text} <span className="muted">{t('questionBy', { author: answer.author || t('unknownAuthor') })}</span>
            </li>
          ))}
        </ul>
      )}
      {canAnswer && !answering && !question.answers?.length && (
        <button type="button" ref={toggle} className="answer-toggle" onClick={() => setAnswering(true)} data-testid="idea-answer-open">
          {t('answer')}
        </button>
      )}
      {canAnswer && answering && (
        <InlineTextForm
          label={t('answerLabel', { question: question.text })}
          submitLabel={t('answerSubmit')}
          cancelLabel={t('askCancel')}
          inputTestId="idea-answer-input"
          submitTestId="idea-answer-submit"
          onSubmit={answer}
          onCancel={finish}
        />
      )}
    </li>
  );
}

/** Slå sammen: pick the duplicate; its text, author and questions move over to this post-it. */
function MergeForm({ idea, id, onDone, onMerged }: { idea: Idea; id: string; onDone: () => void; onMerged: () => void }) {
  const t = useT(ideasMessages);
  const doc = useBoardDoc();
  const ideas = useIdeas();
  const others = useMemo(() => sortByZone(ideas.filter((other) => other.id !== idea.id)), [ideas, idea.id]);
  const [choice, setChoice] = useState('');
  const selectId = useId();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return;
    if (mergeIdeas(doc, idea.id, choice)) onMerged();
    onDone();
  };
  return (
    <InlineForm id={id} onSubmit={submit} onCancel={onDone} testId="idea-merge-form">
      {others.length === 0 ? (
        <p>{t('mergeNone')}</p>
      ) : (
        <>
          <label htmlFor={selectId} className="stacked">
            {t('mergeWith')}
          </label>
          <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)} aria-describedby={hintId} autoFocus data-testid="idea-merge-select">
            <option value="">{t('mergeChoose')}</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.text.length > 80 ? `${other.text.slice(0, 79)}…` : other.text}
              </option>
            ))}
          </select>
          <p id={hintId} className="muted idea-edit-hint">
            {t('mergeHint')}
          </p>
        </>
      )}
      <div className="form-row">
        {others.length > 0 && (
          <button type="submit" disabled={!choice} data-testid="idea-merge-submit">
            {t('mergeSubmit')}
          </button>
        )}
        <button type="button" className="quiet" onClick={onDone}>
          {t('askCancel')}
        </button>
      </div>
    </InlineForm>
  );
}

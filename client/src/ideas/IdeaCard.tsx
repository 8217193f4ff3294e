// One post-it in the Idéer field, kept small (issue 9): its number, text, authors and zone (filled
// with its zone's tint, the zone named in words; grey-blue and dashed while unassessed), its
// clarifying questions with the author's answers, and ONE menu button ("Handlinger for idé 3",
// IdeaMenu.tsx) with the verbs: Redigér tekst, Vurdér, Spørg, Besvar spørgsmål (the
// author), Til handleplan and Slå sammen (only once the idea is being assessed, see
// `offersAssessVerbs` in IdeasField.tsx; Til handleplan warns past the team's capacity) and Slet
// (with Fortryd). The post-it itself is the drag source: grab it anywhere with the mouse, long
// press on touch, or focus it and press Space to move it with the arrow keys. A post-it someone
// else is dragging shows who, and cannot be picked up.
//
// The card reads its own idea (`useIdea(id)`): the view cache keeps an unchanged idea's object,
// and every other prop is stable (memoised in IdeasField), so a change to one post-it re-renders
// only that post-it.

import { memo, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type FormEvent, type KeyboardEvent } from 'react';
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
import { useBoardDoc, useIdea, useIdeas } from '../sync/BoardProvider';
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
import { IdeaMenu, type MenuVerb } from './IdeaMenu';
import { pasteIsCut, useCutMessage, useTryWrite } from '../board/limitMessage';
import { announce } from '../app/announcer';

type Panel = 'none' | 'assess' | 'ask' | 'answer' | 'delete' | 'merge' | 'capacity';
type Verb = 'edit' | 'assess' | 'ask' | 'answer' | 'promote' | 'merge' | 'delete';

interface IdeaCardProps {
  ideaId: string;
  /** Its number, as on the wall screen and the condensed grid (creation order). */
  number: number;
  inPlan: boolean;
  canEdit: boolean;
  /** Til handleplan and Slå sammen are offered (the idea is being assessed). */
  assessing: boolean;
  /** Just added here: shown as new. */
  fresh: boolean;
  /** Someone else is dragging this post-it (their name), or null. */
  takenBy: string | null;
  /** What one more action does to the team's capacity. */
  capacity: CapacityCheck;
  onDeleted: (snapshot: IdeaSnapshot, text: string) => void;
}

/** Every prop is a primitive or stable (see IdeasField), so plain memo suffices. */
export const IdeaCard = memo(function IdeaCard(props: IdeaCardProps) {
  const idea = useIdea(props.ideaId);
  return idea ? <IdeaCardView {...props} idea={idea} /> : null;
});

function IdeaCardView({ idea, number, inPlan, canEdit, assessing, fresh, takenBy, capacity, onDeleted }: IdeaCardProps & { idea: Idea }) {
  const t = useT(ideasMessages);
  const ta = useT(assessmentMessages);
  const doc = useBoardDoc();
  const tryWrite = useTryWrite();
  const name = useIdentity((s) => s.name);
  const [editing, setEditing] = useState(false);
  const [panel, setPanel] = useState<Panel>('none');
  const menuButton = useRef<HTMLButtonElement>(null);
  // Whether keyboard focus goes back to the menu button when the editor or a panel closes.
  const focusBack = useRef(false);
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
  const draggable = canEdit && !editing && takenBy === null;
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({
    id: dragId('ideas', idea.id),
    data,
    disabled: !draggable,
    attributes: { roleDescription: ta('postIt') },
  });

  useEffect(() => {
    if (editing || panel !== 'none' || !focusBack.current) return;
    focusBack.current = false;
    menuButton.current?.focus();
  }, [editing, panel]);
  const close = () => {
    focusBack.current = true;
    setPanel('none');
  };
  // Colour means the zone: the zone's tint, or grey-blue and dashed while unassessed.
  const style = { '--postit': postItFill(idea.zone) } as CSSProperties;

  const authors = idea.authors.length > 0 ? idea.authors : [idea.author];
  const isAuthor = Boolean(name) && authors.includes(name);
  const unanswered = idea.questions.filter((q) => !q.answers?.length);
  const canAnswer = canEdit && isAuthor && unanswered.length > 0;
  const canPromote = assessing && !inPlan;

  const promoteNow = () => {
    setPanel('none');
    let promoted: string | null = null;
    const limit = tryWrite(() => {
      promoted = promoteToAction(doc, idea.id, name || '?');
    });
    if (limit) announce(limit, { show: true });
    else if (promoted) announce(t('promoted', { text: idea.text }));
  };

  const remove = () => {
    const snapshot = removeIdeaWithSnapshot(doc, idea.id);
    if (snapshot) onDeleted(snapshot, idea.text);
    announce(t('deleted', { text: idea.text }));
    requestAnimationFrame(() => document.getElementById(IDEA_INPUT_ID)?.focus());
  };

  // The menu gives focus back to its button as it closes; a panel opens after that and takes it.
  const onVerb = (verb: Verb) => requestAnimationFrame(() => requestAnimationFrame(() => choose(verb)));
  const choose = (verb: Verb) => {
    if (verb === 'edit') setEditing(true);
    else if (verb === 'promote') {
      // Past the team's capacity it warns first (never blocks: the team decides).
      if (capacity.exceeds) setPanel('capacity');
      else {
        focusBack.current = true;
        promoteNow();
      }
    } else setPanel(verb);
  };

  // The menu's verbs, in this order; a reason makes a verb shown but unavailable.
  const verbs: MenuVerb<Verb>[] = [
    { id: 'edit', label: t('editAction'), testId: 'idea-edit-open' },
    { id: 'assess', label: ta('assess'), testId: 'idea-assess' },
    { id: 'ask', label: t('ask'), testId: 'idea-ask' },
    ...(canAnswer ? [{ id: 'answer' as const, label: t('answerAction'), testId: 'idea-answer-open' }] : []),
    ...(canPromote ? [{ id: 'promote' as const, label: t('promote'), testId: 'idea-promote', reason: idea.position ? undefined : t('promoteNeedsAssessment') }] : []),
    ...(assessing ? [{ id: 'merge' as const, label: t('merge'), testId: 'idea-merge' }] : []),
    { id: 'delete', label: t('delete'), testId: 'idea-delete' },
  ];

  // The post-it is the keyboard drag source (Space picks it up), not a button: it holds one.
  const dragAttributes = draggable
    ? { tabIndex: 0, 'aria-roledescription': attributes['aria-roledescription'], 'aria-describedby': attributes['aria-describedby'] }
    : {};

  return (
    <li
      ref={(node) => {
        setNodeRef(node);
        setActivatorNodeRef(node);
      }}
      className={`idea-card ${isDragging ? 'is-dragging' : ''} ${draggable ? 'can-drag' : ''} ${takenBy ? 'is-taken' : ''} ${fresh ? 'is-new' : ''}`}
      style={style}
      data-testid="idea-card"
      data-idea-id={idea.id}
      data-number={number}
      data-zone={idea.zone ?? 'none'}
      data-taken-by={takenBy ?? undefined}
      {...dragAttributes}
      {...(draggable ? listeners : {})}
    >
      {takenBy && (
        <p className="taken-badge" data-testid="idea-taken">
          <span aria-hidden="true">✥ </span>
          {t('takenBy', { name: takenBy })}
        </p>
      )}
      <div className="idea-main">
        {/* First, so it floats at the top right and the text flows round it (a small post-it). */}
        {canEdit && !editing && (
          <IdeaMenu label={t('menuLabel', { number })} verbs={verbs} onVerb={onVerb} buttonRef={menuButton} />
        )}
        {editing ? (
          <IdeaTextEditor
            idea={idea}
            onDone={() => {
              focusBack.current = true;
              setEditing(false);
            }}
            onSaved={() => announce(t('saved'))}
          />
        ) : (
          <p className="idea-text" data-testid="idea-text">
            <span className="idea-number" aria-hidden="true">
              {number}
            </span>
            <span className="visually-hidden">{t('ideaNumber', { number })}: </span>
            {idea.text}
          </p>
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
              <QuestionItem key={`${question.at}-${index}`} question={question} />
            ))}
          </ul>
          {unanswered.length > 0 && (
            <p className="unanswered" data-testid="idea-unanswered">
              {t('unanswered', { count: unanswered.length })}
            </p>
          )}
        </div>
      )}

      {canEdit && panel === 'assess' && <AssessControl idea={idea} id={panelId} onClose={close} />}
      {canEdit && panel === 'ask' && <AskForm ideaId={idea.id} id={panelId} onDone={close} onAsked={() => announce(t('asked'))} />}
      {canEdit && panel === 'answer' && unanswered[0] && (
        <AnswerForm ideaId={idea.id} id={panelId} question={unanswered[0]} onDone={close} onAnswered={() => announce(t('answered'))} />
      )}
      {canEdit && panel === 'delete' && <DeleteConfirm onYes={remove} onNo={close} />}
      {canEdit && panel === 'merge' && <MergeForm idea={idea} id={panelId} onDone={close} onMerged={() => announce(t('merged'))} />}
      {canEdit && panel === 'capacity' && <CapacityWarning id={panelId} capacity={capacity} onYes={promoteNow} onNo={close} />}
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
  // A paste cut to the longest text, or a full board refusing a longer text: said, not silent.
  const [notice, setNotice] = useState('');
  const hintId = useId();
  const noticeId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const tryWrite = useTryWrite();
  const cutMessage = useCutMessage(MAX_TEXT_LENGTH);

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
      const refused = tryWrite(() => setIdeaText(doc, idea.id, mergeEdit(base.current, draft, latest.current)));
      if (refused) {
        // Nothing was written: the editor stays open with what was typed and says why.
        finished.current = false;
        setNotice(refused);
        return;
      }
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
        aria-describedby={notice ? `${noticeId} ${hintId}` : hintId}
        value={draft}
        maxLength={MAX_TEXT_LENGTH}
        rows={Math.min(6, Math.max(2, draft.split('\n').length))}
        onChange={(e) => setDraft(e.target.value)}
        onPaste={(e) => pasteIsCut(e, MAX_TEXT_LENGTH) && setNotice(cutMessage)}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      {notice && (
        <p id={noticeId} className="idea-edit-notice" role="alert" data-testid="idea-edit-notice">
          {notice}
        </p>
      )}
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
  const tryWrite = useTryWrite();
  const ask = (text: string) => {
    const limit = tryWrite(() => askQuestion(doc, ideaId, { author: name || '?', text, at: new Date().toISOString() }));
    if (limit) {
      announce(limit, { show: true });
      return;
    }
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

/** The author answers the first question still waiting (Besvar spørgsmål again for the next). */
function AnswerForm({ ideaId, id, question, onDone, onAnswered }: { ideaId: string; id: string; question: Question; onDone: () => void; onAnswered: () => void }) {
  const t = useT(ideasMessages);
  const doc = useBoardDoc();
  const name = useIdentity((s) => s.name);
  const tryWrite = useTryWrite();
  const answer = (text: string) => {
    const limit = tryWrite(() => answerQuestion(doc, ideaId, { at: question.at, author: question.author }, { author: name || '?', text }));
    if (limit) {
      announce(limit, { show: true });
      return;
    }
    onAnswered();
    onDone();
  };
  return (
    <InlineTextForm
      id={id}
      label={t('answerLabel', { question: question.text })}
      submitLabel={t('answerSubmit')}
      cancelLabel={t('askCancel')}
      inputTestId="idea-answer-input"
      submitTestId="idea-answer-submit"
      onSubmit={answer}
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

function CapacityWarning({ id, capacity, onYes, onNo }: { id: string; capacity: CapacityCheck; onYes: () => void; onNo: () => void }) {
  const t = useT(ideasMessages);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="idea-capacity" id={id} role="alert" data-testid="idea-capacity-warning">
      <p>
        <span aria-hidden="true">⚠ </span>
        {t('capacityWarning', { after: capacity.after, capacity: capacity.capacity ?? 0 })}
      </p>
      <div className="form-row">
        <button type="button" ref={first} className="primary" onClick={onYes} data-testid="idea-promote-anyway">
          {t('promoteAnyway')}
        </button>
        <button type="button" onClick={onNo}>
          {t('promoteCancel')}
        </button>
      </div>
    </div>
  );
}

/** A clarifying question with its answers (answering is in the post-it's menu). */
function QuestionItem({ question }: { question: Question }) {
  const t = useT(ideasMessages);
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


// Field 2, Idéer: the team's post-its. Ideas are collected open (anyone adds any time) or in
// rounds (the turn passes participant by participant), optionally silent (hidden ideas stay on
// the server until the facilitator reveals them); no discussion while collecting, only
// clarifying questions. Post-its are dragged from here onto the assessment grid and back.
//
// Collecting or assessing (issue 9, docs/decisions.md): the board is being ASSESSED while a
// running meeting is at the Vurdering step or later, or — without a meeting — once any idea is on
// the grid; otherwise ideas are being COLLECTED. While collecting, the list is in the order the
// ideas came (a new post-it appears last, is scrolled into sight and marked new); while assessing
// it shows green ideas first (then yellow, orange, red), ideas not assessed yet last. A post-it
// offers Til handleplan and Slå sammen only while it is being assessed: in a meeting from the
// Vurdering step on, without one once it is placed on the grid.

import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { addIdeaInTurn, readBrainstorm, takeRoundTurn, type IdeaSnapshot } from '../../../shared/schema';
import { MAX_TEXT_LENGTH } from '../../../shared/schema';
import { mayAddIdea } from '../../../shared/domain/rounds';
import { sortByZone } from '../../../shared/domain/ideaOrder';
import { AGENDA } from '../../../shared/domain/meetingTimer';
import { checkCapacity, countOpen } from '../../../shared/domain/actionPlan';
import type { Draft } from '../../../shared/domain/drafts';
import { Field } from '../board/Field';
import { useLocale, useT } from '../app/i18n';
import { boardMessages } from '../board/messages';
import { useActions, useBoardConnection, useBoardDoc, useCanEdit, useIdeas, useMeta } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import { useMeeting } from '../meeting/useMeeting';
import { numberIdeas } from '../wall/numberedIdeas';
import { IDEAS_DROP_ID } from '../assessment/collision';
import { useDragState, useDropNodes } from '../assessment/dragState';
import { useTakenBy } from '../assessment/remoteDrags';
import { BrainstormBar, whose } from './BrainstormBar';
import { IDEA_INPUT_ID } from './constants';
import { deleteDraft, DraftsError, listMyDrafts, postDraft } from './draftsClient';
import { IdeaCard } from './IdeaCard';
import { ideasMessages } from './messages';
import { UndoToast, type Deleted } from './UndoToast';
import { useBrainstorm, useMe, usePresentParticipants, usePublishParticipant } from './useBrainstorm';
import './ideas.css';
import { announce } from '../app/announcer';
import { pasteIsCut, useCutMessage, useTryWrite } from '../board/limitMessage';

/** The agenda step from which a running meeting assesses ideas (Vurdering). */
const ASSESS_STEP = AGENDA.findIndex((step) => step.key === 'stepAssess');

/** A running meeting's phase for the ideas: null without a meeting. */
function useMeetingAssessing(): boolean | null {
  const meeting = useMeeting();
  return meeting ? meeting.step >= ASSESS_STEP : null;
}

export function IdeasField() {
  const tb = useT(boardMessages);
  const t = useT(ideasMessages);
  const ideas = useIdeas();
  const actions = useActions();
  const meta = useMeta();
  const canEdit = useCanEdit();
  const nodes = useDropNodes();
  const brainstorm = useBrainstorm();
  const me = useMe();
  const present = usePresentParticipants();
  usePublishParticipant();
  const takenBy = useTakenBy();
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const deletions = useRef(0);
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
  const actionIds = useMemo(() => new Set(actions.map((action) => action.id)), [actions]);
  const meetingAssessing = useMeetingAssessing();
  const anyPlaced = ideas.some((idea) => idea.position !== null);
  const boardAssessing = meetingAssessing ?? anyPlaced;
  // Collecting: the order they came (the document's); assessing: green first.
  const listed = useMemo(() => (boardAssessing ? sortByZone(ideas) : ideas), [boardAssessing, ideas]);
  const numbers = useMemo(() => new Map(numberIdeas(ideas).map(({ idea, number }) => [idea.id, number])), [ideas]);
  const [fresh, setFresh] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  // A new post-it is brought into sight inside the field (it is last in either order); the page
  // scrolls only when the field itself is not in sight (a laptop, where fields grow).
  useEffect(() => {
    if (!fresh) return;
    const card = list.current?.querySelector<HTMLElement>(`[data-idea-id="${CSS.escape(fresh)}"]`);
    if (card) bringIntoSight(card);
    const timer = setTimeout(() => setFresh(null), FRESH_MS);
    return () => clearTimeout(timer);
  }, [fresh, listed]);
  const open = countOpen(actions);
  const capacity = useMemo(() => checkCapacity(open, meta.actionCapacity), [open, meta.actionCapacity]);
  const onDeleted = useCallback((snapshot: IdeaSnapshot, text: string) => setDeleted({ snapshot, text, key: ++deletions.current }), []);
  const drafts = useMyDrafts(canEdit && brainstorm.silent, brainstorm.hidden.find((h) => h.participantId === me.id)?.count ?? 0);

  return (
    <Field id="ideas" number={2} title={tb('ideas')}>
      <div ref={ref} className={`ideas ${leaving ? 'is-unassess-target' : ''}`} data-testid="ideas-drop" data-drop-field="">
        {/* A view link (wall screen) shows the bar only when there is a round or hidden ideas to follow. */}
        {(canEdit || brainstorm.mode === 'rounds' || brainstorm.silent) && (
          <BrainstormBar brainstorm={brainstorm} me={me} present={present} canEdit={canEdit} />
        )}
        {/* The rule of collecting; once the ideas are assessed they are discussed, and it gives the room back. */}
        {!boardAssessing && <p className="ideas-reminder">{t('reminder')}</p>}
        {canEdit && <AddIdeaForm drafts={drafts} onAdded={setFresh} />}
        {canEdit && brainstorm.silent && drafts.list.length > 0 && <MyDrafts drafts={drafts} />}
        {leaving && (
          <p className="ideas-drop-hint" aria-hidden="true">
            {t('dropToUnassess')}
          </p>
        )}
        {ideas.length === 0 ? (
          <p className="muted ideas-empty">{canEdit ? t('emptyEdit') : t('empty')}</p>
        ) : (
          <ul ref={list} className="idea-list" aria-label={t('listLabel', { count: ideas.length })} data-order={boardAssessing ? 'zone' : 'added'}>
            {listed.map((idea) => (
              <IdeaCard
                key={idea.id}
                ideaId={idea.id}
                number={numbers.get(idea.id) ?? 0}
                inPlan={Boolean(idea.actionId && actionIds.has(idea.actionId))}
                canEdit={canEdit}
                assessing={meetingAssessing ?? idea.position !== null}
                fresh={fresh === idea.id}
                takenBy={takenBy.get(idea.id) ?? null}
                capacity={capacity}
                onDeleted={onDeleted}
              />
            ))}
          </ul>
        )}
        {deleted && <UndoToast key={deleted.key} deleted={deleted} onDone={() => setDeleted(null)} />}
      </div>
    </Field>
  );
}

interface MyDraftsState {
  list: Draft[];
  /** Load my drafts again (after adding, deleting, a reveal). */
  refresh: () => void;
  add: (draft: Draft) => void;
  remove: (id: string) => void;
}

/** My hidden ideas, from the server; fetched again whenever my count on the board changes (a reveal, another tab). */
function useMyDrafts(active: boolean, myCount: number): MyDraftsState {
  const { boardId } = useBoardConnection();
  const draftKey = useIdentity((s) => s.draftKey);
  const [list, setList] = useState<Draft[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!active) {
      setList([]);
      return;
    }
    let cancelled = false;
    listMyDrafts(boardId, draftKey)
      .then((drafts) => !cancelled && setList(drafts))
      .catch(() => {
        // Offline or refused: keep what we have; the next change tries again.
      });
    return () => {
      cancelled = true;
    };
  }, [active, boardId, draftKey, myCount, version]);
  return useMemo(
    () => ({
      list,
      refresh: () => setVersion((v) => v + 1),
      add: (draft) => setList((current) => (current.some((d) => d.id === draft.id) ? current : [...current, draft])),
      remove: (id) => setList((current) => current.filter((d) => d.id !== id)),
    }),
    [list],
  );
}

/** Scroll the field's own scroll box so the element shows, then the page only if it still does not. */
function bringIntoSight(element: HTMLElement): void {
  const box = element.closest<HTMLElement>('.field-body');
  if (box && box.scrollHeight > box.clientHeight) {
    const outer = box.getBoundingClientRect();
    const inner = element.getBoundingClientRect();
    if (inner.bottom > outer.bottom) box.scrollTop += inner.bottom - outer.bottom + 4;
    else if (inner.top < outer.top) box.scrollTop -= outer.top - inner.top + 4;
  }
  const shown = element.getBoundingClientRect();
  if (shown.top < 0 || shown.bottom > window.innerHeight) element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/** How long a new post-it is marked as new. */
const FRESH_MS = 4000;

function AddIdeaForm({ drafts, onAdded }: { drafts: MyDraftsState; onAdded: (id: string) => void }) {
  const t = useT(ideasMessages);
  const tryWrite = useTryWrite();
  const cutMessage = useCutMessage(MAX_TEXT_LENGTH);
  const locale = useLocale();
  const doc = useBoardDoc();
  const { boardId } = useBoardConnection();
  const color = useIdentity((s) => s.color);
  const draftKey = useIdentity((s) => s.draftKey);
  const me = useMe();
  const brainstorm = useBrainstorm();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const { mode, silent, rounds } = brainstorm;
  const allowed = mayAddIdea(mode, rounds, me.id);
  const current = rounds.order.find((p) => p.id === rounds.turn);
  const inOrder = rounds.order.some((p) => p.id === me.id);
  const waitHint =
    mode !== 'rounds' || allowed
      ? ''
      : rounds.finished
        ? t('finishedHint')
        : !inOrder
          ? t('joinFirst')
          : current
            ? t('waitTurn', { whose: whose(current.name, locale) })
            : '';

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const clean = text.trim();
    if (!clean || !allowed || sending) return;
    setError('');
    if (!silent) {
      // A full board refuses the idea (shared/limits.ts): say so and keep what was typed.
      const added: { id: string | null } = { id: null };
      const refused = tryWrite(() => (added.id = addIdeaInTurn(doc, { text: clean, author: me.name, color }, me.id)));
      const id = added.id;
      if (refused) setError(refused);
      else if (id) {
        setText('');
        announce(t('added', { text: clean }));
        onAdded(id);
      }
      input.current?.focus();
      return;
    }
    // Silent: the idea goes to the server, not into the board document; others see only a count.
    setSending(true);
    try {
      const round = readBrainstorm(doc).rounds.round;
      const draft = await postDraft(boardId, draftKey, { text: clean, author: me.name, color, participantId: me.id, round: mode === 'rounds' ? round : 0 });
      drafts.add(draft);
      if (mode === 'rounds') takeRoundTurn(doc, me.id, 'idea');
      setText('');
      announce(t('addedHidden', { text: clean }));
    } catch (failure) {
      const message = failure instanceof DraftsError && failure.status === 0 ? t('draftOffline') : t('draftFailed', { error: failure instanceof Error ? failure.message : String(failure) });
      setError(message);
    } finally {
      setSending(false);
      input.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const hintIds = ['new-idea-hint', waitHint ? 'new-idea-wait' : '', error ? 'new-idea-error' : ''].filter(Boolean).join(' ');
  return (
    <form className={`idea-add ${silent ? 'is-silent' : ''}`} onSubmit={(e) => void submit(e)}>
      <label htmlFor={IDEA_INPUT_ID} className="visually-hidden">
        {t('newIdea')}
      </label>
      <textarea
        id={IDEA_INPUT_ID}
        ref={input}
        data-testid="idea-input"
        rows={1}
        value={text}
        maxLength={MAX_TEXT_LENGTH}
        placeholder={silent ? t('placeholderSilent') : t('placeholder')}
        aria-describedby={hintIds}
        onChange={(e) => setText(e.target.value)}
        onPaste={(e) => pasteIsCut(e, MAX_TEXT_LENGTH) && setError(cutMessage)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="primary" data-testid="idea-add" disabled={!text.trim() || !allowed || sending}>
        {silent ? t('addHidden') : t('add')}
      </button>
      {waitHint && (
        <p id="new-idea-wait" className="idea-add-wait" data-testid="idea-wait">
          {waitHint}
        </p>
      )}
      {error && (
        <p id="new-idea-error" className="idea-add-error" role="alert">
          {error}
        </p>
      )}
      <p id="new-idea-hint" className="idea-add-hint muted">
        {t('addHint')}
      </p>
    </form>
  );
}

/** My hidden ideas (only I see their text until the reveal). */
function MyDrafts({ drafts }: { drafts: MyDraftsState }) {
  const t = useT(ideasMessages);
  const { boardId } = useBoardConnection();
  const draftKey = useIdentity((s) => s.draftKey);
  const remove = async (draft: Draft) => {
    try {
      await deleteDraft(boardId, draftKey, draft.id);
      drafts.remove(draft.id);
      announce(t('draftDeleted'));
    } catch {
      drafts.refresh();
    }
  };
  return (
    <section className="my-drafts" aria-labelledby="my-drafts-heading" data-testid="my-drafts">
      <h3 id="my-drafts-heading">
        {t('myDrafts', { count: drafts.list.length })}
      </h3>
      <ul>
        {drafts.list.map((draft) => (
          <li key={draft.id} className="my-draft" data-testid="my-draft">
            <span className="my-draft-text">{draft.text}</span>
            <button type="button" className="quiet small icon" aria-label={t('deleteDraft', { text: draft.text })} title={t('deleteDraft', { text: draft.text })} onClick={() => void remove(draft)}>
              ✕
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

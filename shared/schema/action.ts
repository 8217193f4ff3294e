// Actions (Handleplan): what the team decided to do, by whom, by when, and how far it has come.

import * as Y from 'yjs';
import { newId } from '../ids';
import { isActionStatus, type ActionStatus } from '../domain/actionStatus';
import { isIsoDate } from '../domain/calendar';
import { nextOrder, roots } from './board';
import { ideaMap, readIdea } from './idea';
import { bytesForText, ensureRoom, fitText, MAX_SHORT_TEXT_LENGTH, MAX_TEXT_LENGTH, type FittedText } from '../limits';
import { checksBounds, cleanShort, cleanText, ensureText, replaceText } from './text';
import { ensureArray, entryMaps, isRecord, readArray, readEnum, readNumber, readOptionalString, readString } from './values';

export interface StatusChange {
  status: ActionStatus;
  at: string;
  by: string;
}

export interface Action {
  id: string;
  title: string;
  responsible: string;
  /** YYYY-MM-DD, or null when not set (or junk). */
  deadline: string | null;
  status: ActionStatus;
  ideaId?: string;
  goalId?: string;
  order: number;
  createdAt: string;
  history: StatusChange[];
  /** Archived (only evaluated actions): hidden from the plan by default, still findable. */
  archived: boolean;
}

export interface ActionInput {
  title: string;
  responsible?: string;
  deadline?: string | null;
  ideaId?: string;
  goalId?: string;
  by: string;
  at?: string;
}

function readStatusChange(item: unknown): StatusChange | null {
  if (!isRecord(item) || !isActionStatus(item.status)) return null;
  return {
    status: item.status,
    at: typeof item.at === 'string' ? item.at : '',
    by: typeof item.by === 'string' ? item.by : '',
  };
}

export function readAction(id: string, map: Y.Map<unknown>): Action {
  const deadline = map.get('deadline');
  return {
    id,
    title: readString(map, 'title'),
    responsible: readString(map, 'responsible'),
    deadline: isIsoDate(deadline) ? deadline : null,
    status: readEnum(map, 'status', isActionStatus, 'decided'),
    ideaId: readOptionalString(map, 'ideaId'),
    goalId: readOptionalString(map, 'goalId'),
    order: readNumber(map, 'order') ?? 0,
    createdAt: readString(map, 'createdAt'),
    history: readArray(map, 'history', readStatusChange),
    archived: map.get('archived') === true,
  };
}

/** Plan order of actions. */
export const compareActions = (a: Action, b: Action): number => a.order - b.order || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** All actions in plan order. */
export function readActions(doc: Y.Doc): Action[] {
  return entryMaps(roots(doc).actions)
    .map(([id, map]) => readAction(id, map))
    .sort(compareActions);
}

function actionMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = roots(doc).actions.get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

/** Bytes an action takes at most besides its title. */
const ACTION_BYTES = bytesForText(3 * 200) + 300;

/**
 * Add an action; texts are cut (title MAX_TEXT_LENGTH, responsible MAX_SHORT_TEXT_LENGTH).
 * Throws BoardLimitError (nothing written) when the board holds its most actions or bytes.
 */
export function addAction(doc: Y.Doc, input: ActionInput): string {
  const id = newId();
  const at = input.at ?? new Date().toISOString();
  const title = cleanText(input.title.trim());
  if (checksBounds(doc)) ensureRoom(doc, roots(doc).actions, 'actions', bytesForText(title.length) + ACTION_BYTES);
  doc.transact(() => {
    const actions = roots(doc).actions;
    const map = new Y.Map<unknown>();
    map.set('title', new Y.Text(title));
    map.set('responsible', cleanShort(input.responsible ?? ''));
    map.set('deadline', input.deadline && isIsoDate(input.deadline) ? input.deadline : null);
    map.set('status', 'decided');
    if (input.ideaId) map.set('ideaId', input.ideaId);
    if (input.goalId) map.set('goalId', input.goalId);
    map.set('order', nextOrder(actions));
    map.set('createdAt', at);
    const history = new Y.Array<unknown>();
    history.push([{ status: 'decided', at, by: fitText(input.by, MAX_SHORT_TEXT_LENGTH).text }]);
    map.set('history', history);
    actions.set(id, map);
  });
  return id;
}

/**
 * Til handleplan: turn an idea into an action titled like the idea and link both ways.
 * An idea that already has a living action returns that action instead of a second one.
 */
export function promoteToAction(doc: Y.Doc, ideaId: string, by: string, at = new Date().toISOString()): string | null {
  let actionId: string | null = null;
  // Checked here, as addAction inside this transaction leaves it to us.
  if (checksBounds(doc)) ensureRoom(doc, roots(doc).actions, 'actions', bytesForText(MAX_TEXT_LENGTH) + ACTION_BYTES);
  doc.transact(() => {
    const map = ideaMap(doc, ideaId);
    if (!map) return;
    const idea = readIdea(ideaId, map);
    if (idea.actionId && actionMap(doc, idea.actionId)) {
      actionId = idea.actionId;
      return;
    }
    actionId = addAction(doc, { title: idea.text, ideaId, by, at });
    map.set('actionId', actionId);
  });
  return actionId;
}

/** Set the title (merged by diff), cut to MAX_TEXT_LENGTH (`cut` says whether). Throws BoardLimitError when a longer title does not fit. */
export function setActionTitle(doc: Y.Doc, id: string, title: string): FittedText {
  const fitted = fitText(title, MAX_TEXT_LENGTH);
  const map = actionMap(doc, id);
  const growth = fitted.text.length - (map ? readString(map, 'title').length : 0);
  if (growth > 0 && checksBounds(doc)) ensureRoom(doc, null, null, bytesForText(growth));
  doc.transact(() => {
    if (map) replaceText(ensureText(map, 'title'), fitted.text);
  });
  return fitted;
}

/** Set who is responsible, trimmed and cut to MAX_SHORT_TEXT_LENGTH. */
export function setActionResponsible(doc: Y.Doc, id: string, responsible: string): void {
  actionMap(doc, id)?.set('responsible', cleanShort(responsible));
}

/** Set the deadline (YYYY-MM-DD) or clear it with null; anything else is refused. */
export function setActionDeadline(doc: Y.Doc, id: string, deadline: string | null): void {
  if (deadline !== null && !isIsoDate(deadline)) throw new RangeError(`Not a date: ${deadline}`);
  actionMap(doc, id)?.set('deadline', deadline);
}

export function setActionGoal(doc: Y.Doc, id: string, goalId: string | null): void {
  const map = actionMap(doc, id);
  if (!map) return;
  if (goalId) map.set('goalId', goalId);
  else map.delete('goalId');
}

/** Change the status and record who changed it and when. A no-op when the status is unchanged. */
export function setActionStatus(doc: Y.Doc, id: string, status: ActionStatus, by: string, at = new Date().toISOString()): void {
  doc.transact(() => {
    const map = actionMap(doc, id);
    if (!map || map.get('status') === status) return;
    map.set('status', status);
    ensureArray(map, 'history').push([{ status, at, by: fitText(by, MAX_SHORT_TEXT_LENGTH).text }]);
    // Only evaluated actions are archived: moved back (a mistake corrected), it is in the plan again.
    if (status !== 'evaluated' && map.has('archived')) map.delete('archived');
  });
}

/** Remove an action; the idea it came from no longer points at it. */
export function removeAction(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    const map = actionMap(doc, id);
    if (!map) return;
    const ideaId = readOptionalString(map, 'ideaId');
    const idea = ideaId ? ideaMap(doc, ideaId) : null;
    if (idea && idea.get('actionId') === id) idea.delete('actionId');
    roots(doc).actions.delete(id);
  });
}

/**
 * Archive an evaluated action (hidden from the plan by default, still findable and exported on
 * request), or take it out of the archive. Archiving anything not evaluated is a no-op.
 */
export function setActionArchived(doc: Y.Doc, id: string, archived: boolean): void {
  doc.transact(() => {
    const map = actionMap(doc, id);
    if (!map) return;
    if (!archived) map.delete('archived');
    else if (map.get('status') === 'evaluated') map.set('archived', true);
  });
}

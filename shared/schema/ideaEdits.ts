// More verbs on ideas (issue 4): answer a clarifying question, merge two duplicate post-its, and
// delete with undo (a snapshot of the post-it that restores it with the same id). Each is one
// transaction.

import * as Y from 'yjs';
import { bytesForText, ensureRoom, MAX_NAME_LENGTH } from '../limits';
import { roots } from './board';
import { ensureRoomForIdeas, ideaMap, readIdea } from './idea';
import { checksBounds, ensureText, MAX_TEXT_LENGTH } from './text';
import { ensureArray, isRecord, readOptionalString } from './values';

const ANSWER_MAX = 500;

/**
 * The author answers a question on their post-it. The question is named by its `at` and author
 * (questions are never edited or removed, and a merge keeps both), so answers survive a merge.
 */
export function answerQuestion(
  doc: Y.Doc,
  ideaId: string,
  question: { at: string; author: string },
  answer: { author: string; text: string; at?: string },
): void {
  const text = answer.text.trim().slice(0, ANSWER_MAX);
  if (!text) return;
  if (checksBounds(doc)) ensureRoom(doc, null, null, bytesForText(text.length + MAX_NAME_LENGTH) + 64);
  doc.transact(() => {
    const map = ideaMap(doc, ideaId);
    if (!map) return;
    ensureArray(map, 'answers').push([{ q: question.at, qa: question.author, author: answer.author.trim(), text, at: answer.at ?? new Date().toISOString() }]);
  });
}

function actionMap(doc: Y.Doc, id: string | undefined): Y.Map<unknown> | null {
  if (!id) return null;
  const value = roots(doc).actions.get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

/** Plain copies of a Y.Array's items (questions and answers are plain objects). */
function plainItems(map: Y.Map<unknown>, key: string): unknown[] {
  const value = map.get(key);
  return value instanceof Y.Array ? value.toArray().filter((item) => isRecord(item)).map((item) => ({ ...(item as object) })) : [];
}

/**
 * Merge two duplicate post-its into `keepId`: the other's text is appended on a new line, both
 * authors are kept (`authors`), its questions and answers move along, its assessment is taken
 * when `keepId` has none, its action link too; then the other is removed. Returns whether it merged.
 */
export function mergeIdeas(doc: Y.Doc, keepId: string, mergeId: string): boolean {
  if (keepId === mergeId) return false;
  let merged = false;
  doc.transact(() => {
    const keep = ideaMap(doc, keepId);
    const other = ideaMap(doc, mergeId);
    if (!keep || !other) return;
    const keepIdea = readIdea(keepId, keep);
    const otherIdea = readIdea(mergeId, other);

    // Appended at the end of the Y.Text: an edit someone makes to the kept text meanwhile survives.
    const text = ensureText(keep, 'text');
    const addition = otherIdea.text.trim();
    if (addition && !keepIdea.text.includes(addition)) {
      const joined = (keepIdea.text.trim() ? '\n' : '') + addition;
      const room = MAX_TEXT_LENGTH - text.length;
      if (room > 0) text.insert(text.length, joined.slice(0, room));
    }

    const authors = [...new Set([...keepIdea.authors, ...otherIdea.authors])];
    if (authors.length > 1 || keep.has('authors')) keep.set('authors', authors);

    const questions = plainItems(other, 'questions');
    if (questions.length > 0) ensureArray(keep, 'questions').push(questions);
    const answers = plainItems(other, 'answers');
    if (answers.length > 0) ensureArray(keep, 'answers').push(answers);

    if (!keepIdea.position && otherIdea.position) {
      keep.set('effect', otherIdea.position.effect);
      keep.set('resources', otherIdea.position.resources);
      const assessedAt = readOptionalString(other, 'assessedAt');
      if (assessedAt) keep.set('assessedAt', assessedAt);
    }

    // The action made from the other post-it now comes from the kept one.
    const otherAction = actionMap(doc, otherIdea.actionId);
    if (otherAction && otherAction.get('ideaId') === mergeId) otherAction.set('ideaId', keepId);
    if (otherAction && !actionMap(doc, keepIdea.actionId)) keep.set('actionId', otherIdea.actionId);

    roots(doc).ideas.delete(mergeId);
    merged = true;
  });
  return merged;
}

/** A deleted post-it as plain data: every key of its map, so restoring it loses nothing. */
export interface IdeaSnapshot {
  id: string;
  fields: Record<string, SnapshotValue>;
}

type SnapshotValue =
  | { kind: 'text'; value: string }
  | { kind: 'array'; items: unknown[] }
  | { kind: 'map'; entries: Record<string, unknown> }
  | { kind: 'value'; value: unknown };

export function snapshotIdea(doc: Y.Doc, id: string): IdeaSnapshot | null {
  const map = ideaMap(doc, id);
  if (!map) return null;
  const fields: Record<string, SnapshotValue> = {};
  map.forEach((value, key) => {
    if (value instanceof Y.Text) fields[key] = { kind: 'text', value: value.toString() };
    else if (value instanceof Y.Array) fields[key] = { kind: 'array', items: value.toJSON() as unknown[] };
    else if (value instanceof Y.Map) fields[key] = { kind: 'map', entries: value.toJSON() as Record<string, unknown> };
    else if (!(value instanceof Y.AbstractType)) fields[key] = { kind: 'value', value };
  });
  return { id, fields };
}

/** Remove a post-it and return what restores it (Fortryd). */
export function removeIdeaWithSnapshot(doc: Y.Doc, id: string): IdeaSnapshot | null {
  let snapshot: IdeaSnapshot | null = null;
  doc.transact(() => {
    snapshot = snapshotIdea(doc, id);
    if (snapshot) roots(doc).ideas.delete(id);
  });
  return snapshot;
}

/**
 * Put a deleted post-it back with its id (so an action made from it points at it again). A no-op
 * returning false when a post-it with that id exists (someone restored it already). Throws
 * BoardLimitError (nothing written) when the board filled up meanwhile.
 */
export function restoreIdea(doc: Y.Doc, snapshot: IdeaSnapshot): boolean {
  if (checksBounds(doc) && !roots(doc).ideas.has(snapshot.id)) {
    const text = snapshot.fields.text;
    ensureRoomForIdeas(doc, [text?.kind === 'text' ? text.value : JSON.stringify(snapshot.fields).slice(0, MAX_TEXT_LENGTH)]);
  }
  let restored = false;
  doc.transact(() => {
    const ideas = roots(doc).ideas;
    if (ideas.has(snapshot.id)) return;
    const map = new Y.Map<unknown>();
    for (const [key, field] of Object.entries(snapshot.fields)) {
      if (field.kind === 'text') map.set(key, new Y.Text(field.value));
      else if (field.kind === 'array') {
        const array = new Y.Array<unknown>();
        array.push(field.items);
        map.set(key, array);
      } else if (field.kind === 'map') {
        const nested = new Y.Map<unknown>();
        for (const [k, v] of Object.entries(field.entries)) nested.set(k, v);
        map.set(key, nested);
      } else map.set(key, field.value);
    }
    ideas.set(snapshot.id, map);
    restored = true;
  });
  return restored;
}

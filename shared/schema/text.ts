// Collaborative text fields (Y.Text). Replacing a whole string would throw away a concurrent
// edit by someone else; `replaceText` applies only the changed middle, so edits merge.

import * as Y from 'yjs';
import { fitText, MAX_SHORT_TEXT_LENGTH, MAX_TEXT_LENGTH } from '../limits';

export { MAX_TEXT_LENGTH };

/** Turn `text` into `next` with one delete and one insert around the common prefix and suffix. */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  const max = Math.min(current.length, next.length);
  while (start < max && current[start] === next[start]) start++;
  let end = 0;
  while (end < max - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted) text.insert(start, inserted);
}

/** The Y.Text at `key`, replacing a plain string (junk or an older client's value) with a Y.Text. */
export function ensureText(map: Y.Map<unknown>, key: string): Y.Text {
  const value = map.get(key);
  if (value instanceof Y.Text) return value;
  const text = new Y.Text(typeof value === 'string' ? value : '');
  map.set(key, text);
  return text;
}

/**
 * Writers check the board's bounds (shared/limits.ts) when they open the transaction; called
 * inside another writer's transaction they leave it to that writer, which checks up front (a
 * throw half-way through a transaction would leave half of it written).
 */
export function checksBounds(doc: Y.Doc): boolean {
  return doc._transaction === null;
}

export function cleanText(value: string): string {
  return fitText(value, MAX_TEXT_LENGTH).text;
}

/** A short text (a name, a unit, a responsible) trimmed and cut to `max` characters (issue 8). */
export function cleanShort(value: string, max: number = MAX_SHORT_TEXT_LENGTH): string {
  return fitText(value.trim(), max).text;
}

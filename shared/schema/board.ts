// The board document: its root collections and its meta data. Every other module reaches the
// document through these accessors, so the root names live in one place.

import * as Y from 'yjs';
import { MAX_TITLE_LENGTH } from '../protocol';
import { fitText } from '../limits';
import { readString } from './values';

export const SCHEMA_VERSION = 1;

export type Cadence = 'weekly' | 'monthly';

export interface BoardRoots {
  meta: Y.Map<unknown>;
  goals: Y.Map<unknown>;
  ideas: Y.Map<unknown>;
  actions: Y.Map<unknown>;
  /** The running meeting (see ./meeting.ts); not one of the four fields. */
  meeting: Y.Map<unknown>;
  /** How ideas are collected now (see ./brainstorm.ts): open or in rounds, silent or not. */
  brainstorm: Y.Map<unknown>;
}

export function roots(doc: Y.Doc): BoardRoots {
  return {
    meta: doc.getMap('meta'),
    goals: doc.getMap('goals'),
    ideas: doc.getMap('ideas'),
    actions: doc.getMap('actions'),
    meeting: doc.getMap('meeting'),
    brainstorm: doc.getMap('brainstorm'),
  };
}

export interface BoardMeta {
  title: string;
  createdAt: string;
  cadence: Cadence;
  schemaVersion: number;
  /** When the last meeting on this board ended (ISO), or null. */
  lastMeetingAt: string | null;
  /** How many open actions the team has resources for (Handleplan), or null when not set. */
  actionCapacity: number | null;
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = roots(doc).meta;
  const cadence = meta.get('cadence');
  const version = meta.get('schemaVersion');
  return {
    // Cut like setBoardTitle does: an old or hostile client may have written any length.
    title: fitText(readString(meta, 'title'), MAX_TITLE_LENGTH).text,
    createdAt: readString(meta, 'createdAt'),
    cadence: cadence === 'weekly' ? 'weekly' : 'monthly',
    schemaVersion: typeof version === 'number' ? version : SCHEMA_VERSION,
    lastMeetingAt: readString(meta, 'lastMeetingAt') || null,
    actionCapacity: readCapacity(meta.get('actionCapacity')),
  };
}

/** Fill in a new board's meta (the server does this once when the board is created). */
export function initBoard(doc: Y.Doc, init: { title: string; createdAt: string; cadence?: Cadence }): void {
  doc.transact(() => {
    const meta = roots(doc).meta;
    meta.set('title', init.title);
    meta.set('createdAt', init.createdAt);
    meta.set('cadence', init.cadence ?? 'monthly');
    meta.set('schemaVersion', SCHEMA_VERSION);
  });
}

/** Most open actions a team can say it has resources for. */
export const MAX_ACTION_CAPACITY = 999;

function readCapacity(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_ACTION_CAPACITY ? value : null;
}

/** Set how many open actions the team has resources for (a whole number), or clear it with null. */
export function setActionCapacity(doc: Y.Doc, capacity: number | null): void {
  if (capacity !== null && readCapacity(capacity) === null) throw new RangeError(`Not a capacity: ${capacity}`);
  if (capacity === null) roots(doc).meta.delete('actionCapacity');
  else roots(doc).meta.set('actionCapacity', capacity);
}

/** Set the title, cut to MAX_TITLE_LENGTH. */
export function setBoardTitle(doc: Y.Doc, title: string): void {
  roots(doc).meta.set('title', fitText(title, MAX_TITLE_LENGTH).text);
}

/** Next `order` value for a collection: one past the largest present. */
export function nextOrder(collection: Y.Map<unknown>): number {
  let max = -1;
  collection.forEach((value) => {
    if (value instanceof Y.Map) {
      const order = value.get('order');
      if (typeof order === 'number' && Number.isFinite(order) && order > max) max = order;
    }
  });
  return max + 1;
}

// Bounds on a board (issue 8): how many entries a root may hold, how long a text may be, how
// many bytes the whole document may take. The shared writers check them before they build an
// update (so a client in normal use never builds one the server refuses), the client UI shows
// them, and the server enforces them on every update it receives (server/src/sync/bounds.ts).
// See docs/contract.md, "Limits".

import * as Y from 'yjs';

/**
 * Largest encoded board document. Below the 2 MiB frame limit (MAX_MESSAGE_BYTES) on purpose:
 * whatever a client holds of a board within its bounds fits in one sync message, so even a
 * client that was offline for weeks (or a server restored from a backup) can send it all.
 */
export const MAX_DOCUMENT_BYTES = 1536 * 1024;

/** Most entries of the root collections; every other root (meta, brainstorm, meeting, unknown ones) has at most DEFAULT_ROOT_KEYS keys. */
export const MAX_ROOT_ENTRIES: Readonly<Record<string, number>> = { goals: 100, ideas: 1000, actions: 1000 };
export const DEFAULT_ROOT_KEYS = 100;

export function maxEntriesOf(root: string): number {
  return MAX_ROOT_ENTRIES[root] ?? DEFAULT_ROOT_KEYS;
}

/** Longest free text: a post-it, an action title, a question (Y.Text). */
export const MAX_TEXT_LENGTH = 2000;
/** Longest short text: a goal's name, unit, owner; an action's responsible. */
export const MAX_SHORT_TEXT_LENGTH = 200;
/** Longest name of a person (authors, facilitators, presence). */
export const MAX_NAME_LENGTH = 60;
/** Longest colour value stored with an idea. */
export const MAX_COLOR_LENGTH = 32;

/** Content that cannot be integrated yet (missing dependencies) the server holds per board; past it, it is dropped. */
export const MAX_PENDING_BYTES = 256 * 1024;

/** Text cut to `max` characters; `cut` says whether anything was lost (for the UI to say so). */
export interface FittedText {
  text: string;
  cut: boolean;
}

export function fitText(text: string, max: number = MAX_TEXT_LENGTH): FittedText {
  if (text.length <= max) return { text, cut: false };
  // Never leave half a surrogate pair at the end.
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end), cut: true };
}

export type BoardLimit = { limit: 'entries'; root: string; max: number } | { limit: 'bytes'; max: number };

/** Thrown by a writer that would take the board past its bounds; nothing was written. */
export class BoardLimitError extends RangeError {
  override name = 'BoardLimitError';
  constructor(readonly detail: BoardLimit) {
    super(detail.limit === 'entries' ? `The board holds at most ${detail.max} entries in ${detail.root}` : `The board holds at most ${detail.max} bytes`);
  }
}

// ------------------------------------------------------------------ document size

/**
 * The document's state as an update without the content it holds but cannot integrate
 * (`store.pendingStructs`, `store.pendingDs`): Y.encodeStateAsUpdate includes it, which would
 * hand every joiner (and the store) what can never apply.
 */
export function encodeIntegratedState(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const { pendingStructs, pendingDs } = doc.store;
  if (!pendingStructs && !pendingDs) return Y.encodeStateAsUpdate(doc, stateVector);
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  try {
    return Y.encodeStateAsUpdate(doc, stateVector);
  } finally {
    doc.store.pendingStructs = pendingStructs;
    doc.store.pendingDs = pendingDs;
  }
}

/** Bytes of content the document holds but cannot integrate yet. */
export function pendingBytes(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0);
}

interface SizeTracker {
  /** Size at the last exact measurement. */
  measured: number;
  /** Bytes of updates since: an upper bound of what the document grew by (an update never encodes bigger into the state than on its own, give or take a few bytes). */
  since: number;
  /** When it was measured (performance.now()). */
  at: number;
}

/** Measuring costs ~5 ms per MiB: at most once per this many ms per document; in between, the estimate decides. */
const MEASURE_INTERVAL_MS = 250;

const trackers = new WeakMap<Y.Doc, SizeTracker>();

function trackerOf(doc: Y.Doc): SizeTracker {
  let tracker = trackers.get(doc);
  if (!tracker) {
    const created: SizeTracker = { measured: encodeIntegratedState(doc).byteLength, since: 0, at: performance.now() };
    doc.on('update', (update: Uint8Array) => {
      created.since += update.byteLength + 16;
    });
    trackers.set(doc, created);
    tracker = created;
  }
  return tracker;
}

/** The document's encoded size, measured now. */
export function measureDocumentBytes(doc: Y.Doc): number {
  const tracker = trackerOf(doc);
  tracker.measured = encodeIntegratedState(doc).byteLength;
  tracker.since = 0;
  tracker.at = performance.now();
  return tracker.measured;
}

/**
 * Whether `extra` more bytes fit in the document's bounds. Cheap while the document is far from
 * them (an estimate: last measured size plus the updates since, never less than the truth);
 * measured exactly only near them, and at most every MEASURE_INTERVAL_MS (in between, an
 * estimate past the bound says no: a board that close to full counts as full).
 */
export function bytesFit(doc: Y.Doc, extra: number, max: number = MAX_DOCUMENT_BYTES): boolean {
  const tracker = trackerOf(doc);
  if (tracker.measured + tracker.since + extra <= max) return true;
  if (tracker.since === 0) return false; // measured, and nothing changed since
  if (performance.now() - tracker.at < MEASURE_INTERVAL_MS) return false;
  return measureDocumentBytes(doc) + extra <= max;
}

/** Rough bytes an update takes that writes `chars` characters of text (UTF-8, at most 3 bytes each) plus its structure. */
export function bytesForText(chars: number): number {
  return chars * 3 + 64;
}

/**
 * Whether a writer may add an entry to `collection` (a root named `root`) and `extraBytes`
 * bytes; the UI asks this to disable "add" and say why, writers call ensureRoom.
 */
export function roomFor(doc: Y.Doc, collection: Y.Map<unknown> | null, root: string | null, extraBytes: number): BoardLimit | null {
  if (collection && root !== null) {
    const max = maxEntriesOf(root);
    if (collection.size >= max) return { limit: 'entries', root, max };
  }
  if (!bytesFit(doc, extraBytes)) return { limit: 'bytes', max: MAX_DOCUMENT_BYTES };
  return null;
}

/** Throws BoardLimitError when roomFor finds no room. */
export function ensureRoom(doc: Y.Doc, collection: Y.Map<unknown> | null, root: string | null, extraBytes: number): void {
  const limit = roomFor(doc, collection, root, extraBytes);
  if (limit) throw new BoardLimitError(limit);
}

// The board's bounds (shared/limits.ts), checked against an update before it is applied (issue
// 8): Yjs cannot take an update back, so the check works on what the update would add, never on
// the document after the fact. Cheap for the usual update (a few typed characters touch no root
// entry and are far from the byte bound); only an update near a bound costs a measurement.

import * as Y from 'yjs';
import { bytesFit, maxEntriesOf, MAX_DOCUMENT_BYTES, type BoardLimit } from '../../../shared/limits';

/** Whether an update holds structs this document does not have yet (else it only deletes, or repeats). */
export function addsContent(doc: Y.Doc, update: Uint8Array): boolean {
  const ours = Y.decodeStateVector(Y.encodeStateVector(doc));
  // parseUpdateMeta, not encodeStateVectorFromUpdate: the latter leaves out every client whose
  // part of the update does not start at clock 0, i.e. any incremental edit.
  for (const [client, clock] of Y.parseUpdateMeta(update).to) {
    if (clock > (ours.get(client) ?? 0)) return true;
  }
  return false;
}

type DecodedStruct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/** The root name and key an item sets, if it is an entry of a root map; undefined when unknown. */
function rootKeyOf(doc: Y.Doc, struct: DecodedStruct, inUpdate: Map<string, Y.Item>, depth = 0): { root: string; key: string } | null | undefined {
  if (!(struct instanceof Y.Item) || depth > 32) return undefined;
  if (struct.parent !== null) {
    return typeof struct.parent === 'string' && struct.parentSub !== null ? { root: struct.parent, key: struct.parentSub } : null;
  }
  // Parent info is copied from the origin (an overwrite of a key, or a set after a deletion).
  const origin = struct.origin ?? struct.rightOrigin;
  if (!origin) return undefined;
  const local = inUpdate.get(`${origin.client}:${origin.clock}`);
  if (local) return rootKeyOf(doc, local, inUpdate, depth + 1);
  try {
    const item = Y.getItem(doc.store, origin);
    if (!(item instanceof Y.Item) || item.parentSub === null) return null;
    const parent = item.parent as Y.AbstractType<unknown>;
    if (parent._item !== null) return null;
    return { root: Y.findRootTypeKey(parent), key: item.parentSub };
  } catch {
    return undefined; // not integrated here: it waits for its origin (pending), bounded elsewhere
  }
}

/** Keys of root maps the update (and what the document holds pending) would set, by root. */
function rootKeysSet(doc: Y.Doc, decoded: DecodedStruct[]): Map<string, Set<string>> {
  const structs = [...decoded];
  const pending = doc.store.pendingStructs;
  if (pending) structs.push(...Y.decodeUpdateV2(pending.update).structs);
  const inUpdate = new Map<string, Y.Item>();
  for (const struct of structs) {
    if (struct instanceof Y.Item) inUpdate.set(`${struct.id.client}:${struct.id.clock}`, struct);
  }
  const keys = new Map<string, Set<string>>();
  for (const struct of structs) {
    const where = rootKeyOf(doc, struct, inUpdate);
    if (!where) continue;
    let set = keys.get(where.root);
    if (!set) keys.set(where.root, (set = new Set()));
    set.add(where.key);
  }
  return keys;
}

/**
 * Whether applying `update` would take the document past its bounds: a root map past its most
 * entries (maxEntriesOf), or the document past MAX_DOCUMENT_BYTES (its size plus the update's).
 * An update that adds no content (deletions, repeats) always passes, so a board over its bounds
 * (from before they existed) can still be cleaned up. null: within bounds.
 */
export function exceededBound(doc: Y.Doc, update: Uint8Array, maxBytes: number = MAX_DOCUMENT_BYTES): BoardLimit | null {
  if (!addsContent(doc, update)) return null;
  const { structs, ds: deleted } = Y.decodeUpdate(update);
  for (const [root, keys] of rootKeysSet(doc, structs)) {
    const map = doc.share.get(root);
    const present = map instanceof Y.AbstractType ? (map as Y.AbstractType<unknown>)._map : new Map<string, Y.Item>();
    let count = 0;
    for (const item of present.values()) if (!item.deleted) count++;
    for (const key of keys) {
      const item = present.get(key);
      if (!item || item.deleted) count++;
    }
    const max = maxEntriesOf(root);
    if (count <= max) continue;
    // Over: take off the entries the update deletes (an offline client that removed one and added one).
    for (const item of present.values()) {
      if (!item.deleted && Y.isDeleted(deleted, item.id)) count--;
    }
    if (count > max) return { limit: 'entries', root, max };
  }
  if (!bytesFit(doc, update.byteLength, maxBytes)) return { limit: 'bytes', max: maxBytes };
  return null;
}

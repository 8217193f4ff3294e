// Tolerant readers for single values in the board document. Documents come from many clients,
// some old, some buggy; a reader turns whatever is there into a typed value or a default and
// never throws.

import * as Y from 'yjs';

export function readString(map: Y.Map<unknown>, key: string, fallback = ''): string {
  const value = map.get(key);
  if (typeof value === 'string') return value;
  if (value instanceof Y.Text) return value.toString();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fallback;
}

export function readNumber(map: Y.Map<unknown>, key: string): number | null {
  const value = map.get(key);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function readOptionalString(map: Y.Map<unknown>, key: string): string | undefined {
  const value = map.get(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function readEnum<T extends string>(map: Y.Map<unknown>, key: string, guard: (v: unknown) => v is T, fallback: T): T {
  const value = map.get(key);
  return guard(value) ? value : fallback;
}

/** A Y.Map<period|key, number> read as a plain record; non-numeric entries are dropped. */
export function readNumberRecord(map: Y.Map<unknown>, key: string, keep: (k: string) => boolean = () => true): Record<string, number> {
  const value = map.get(key);
  const result: Record<string, number> = {};
  if (!(value instanceof Y.Map)) return result;
  value.forEach((entry: unknown, k: string) => {
    if (typeof entry === 'number' && Number.isFinite(entry) && keep(k)) result[k] = entry;
  });
  return result;
}

/** A Y.Array of plain objects read through `readItem`; items it rejects (null) are dropped. */
export function readArray<T>(map: Y.Map<unknown>, key: string, readItem: (item: unknown) => T | null): T[] {
  const value = map.get(key);
  if (!(value instanceof Y.Array)) return [];
  const result: T[] = [];
  for (const item of value.toArray()) {
    const read = readItem(item);
    if (read !== null) result.push(read);
  }
  return result;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Entries of a root collection (Y.Map<id, Y.Map>) that really are maps; junk entries are skipped. */
export function entryMaps(collection: Y.Map<unknown>): [string, Y.Map<unknown>][] {
  const result: [string, Y.Map<unknown>][] = [];
  collection.forEach((value, id) => {
    if (value instanceof Y.Map) result.push([id, value as Y.Map<unknown>]);
  });
  return result;
}

/** The nested Y.Map at `key`, created if missing or of the wrong type. Call inside a transaction. */
export function ensureMap(map: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const value = map.get(key);
  if (value instanceof Y.Map) return value as Y.Map<unknown>;
  const created = new Y.Map<unknown>();
  map.set(key, created);
  return created;
}

/** The nested Y.Array at `key`, created if missing or of the wrong type. Call inside a transaction. */
export function ensureArray(map: Y.Map<unknown>, key: string): Y.Array<unknown> {
  const value = map.get(key);
  if (value instanceof Y.Array) return value as Y.Array<unknown>;
  const created = new Y.Array<unknown>();
  map.set(key, created);
  return created;
}

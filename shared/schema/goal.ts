// Goals (Mål): an indicator with a target and an actual per period.

import * as Y from 'yjs';
import { newId } from '../ids';
import { isFrequency, parsePeriod, type Frequency } from '../domain/periods';
import type { Direction } from '../domain/goalProgress';
import { nextOrder, roots } from './board';
import { ensureMap, entryMaps, readEnum, readNumber, readNumberRecord, readString } from './values';

export type GoalKind = 'success' | 'benefit';

export interface Goal {
  id: string;
  name: string;
  unit: string;
  direction: Direction;
  kind: GoalKind;
  owner: string;
  frequency: Frequency;
  order: number;
  targets: Record<string, number>;
  actuals: Record<string, number>;
}

export interface GoalInput {
  name: string;
  unit?: string;
  direction?: Direction;
  kind?: GoalKind;
  owner?: string;
  frequency?: Frequency;
}

export type GoalPatch = Partial<Pick<Goal, 'name' | 'unit' | 'direction' | 'kind' | 'owner' | 'frequency'>>;

const isDirection = (v: unknown): v is Direction => v === 'up' || v === 'down';
const isKind = (v: unknown): v is GoalKind => v === 'success' || v === 'benefit';

export function readGoal(id: string, map: Y.Map<unknown>): Goal {
  const frequency = readEnum(map, 'frequency', isFrequency, 'monthly');
  const ofFrequency = (period: string) => parsePeriod(period)?.frequency === frequency;
  return {
    id,
    name: readString(map, 'name'),
    unit: readString(map, 'unit'),
    direction: readEnum(map, 'direction', isDirection, 'up'),
    kind: readEnum(map, 'kind', isKind, 'benefit'),
    owner: readString(map, 'owner'),
    frequency,
    order: readNumber(map, 'order') ?? 0,
    targets: readNumberRecord(map, 'targets', ofFrequency),
    actuals: readNumberRecord(map, 'actuals', ofFrequency),
  };
}

/** All goals in board order. */
export function readGoals(doc: Y.Doc): Goal[] {
  return entryMaps(roots(doc).goals)
    .map(([id, map]) => readGoal(id, map))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

function goalMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = roots(doc).goals.get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

export function addGoal(doc: Y.Doc, input: GoalInput): string {
  const id = newId();
  doc.transact(() => {
    const goals = roots(doc).goals;
    const map = new Y.Map<unknown>();
    map.set('name', input.name.trim());
    map.set('unit', input.unit?.trim() ?? '');
    map.set('direction', input.direction ?? 'up');
    map.set('kind', input.kind ?? 'benefit');
    map.set('owner', input.owner?.trim() ?? '');
    map.set('frequency', input.frequency ?? 'monthly');
    map.set('order', nextOrder(goals));
    map.set('targets', new Y.Map<number>());
    map.set('actuals', new Y.Map<number>());
    goals.set(id, map);
  });
  return id;
}

const FREE_TEXT_KEYS = new Set(['name', 'unit', 'owner']);

export function updateGoal(doc: Y.Doc, id: string, patch: GoalPatch): void {
  doc.transact(() => {
    const map = goalMap(doc, id);
    if (!map) return;
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      map.set(key, FREE_TEXT_KEYS.has(key) ? String(value).trim() : value);
    }
  });
}

export function removeGoal(doc: Y.Doc, id: string): void {
  roots(doc).goals.delete(id);
}

function setMeasurement(doc: Y.Doc, goalId: string, key: 'targets' | 'actuals', period: string, value: number | null): void {
  if (!parsePeriod(period)) throw new RangeError(`Not a period: ${period}`);
  if (value !== null && !Number.isFinite(value)) throw new RangeError(`Not a number: ${value}`);
  doc.transact(() => {
    const map = goalMap(doc, goalId);
    if (!map) return;
    const numbers = ensureMap(map, key);
    if (value === null) numbers.delete(period);
    else numbers.set(period, value);
  });
}

/** Set (or clear, with null) the target of one period. */
export function setTarget(doc: Y.Doc, goalId: string, period: string, value: number | null): void {
  setMeasurement(doc, goalId, 'targets', period, value);
}

/** Record (or clear, with null) the actual of one period. */
export function setActual(doc: Y.Doc, goalId: string, period: string, value: number | null): void {
  setMeasurement(doc, goalId, 'actuals', period, value);
}

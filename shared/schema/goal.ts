// Goals (Mål): an indicator with a target and an actual per period.

import * as Y from 'yjs';
import { newId } from '../ids';
import { isFrequency, parsePeriod, type Frequency } from '../domain/periods';
import type { Direction } from '../domain/goalProgress';
import { nextOrder, roots } from './board';
import { bytesForText, ensureRoom, MAX_SHORT_TEXT_LENGTH } from '../limits';
import { checksBounds, cleanShort } from './text';
import { ensureMap, entryMaps, isRecord, readEnum, readNumber, readNumberRecord, readString } from './values';

export type GoalKind = 'success' | 'benefit';

/** Who entered an actual and when (ISO 8601 UTC). `by` is the name the person gave; may be ''. */
export interface EntryStamp {
  by: string;
  at: string;
}

/** Longest description of a goal. */
export const GOAL_DESCRIPTION_MAX = 1000;

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
  /** The level before the change (optional); a ramp of targets starts here. */
  baseline: number | null;
  /** Free text: what is measured and how. '' when none. */
  description: string;
  /** Who entered each actual and when, by period (only periods that have an actual). */
  actualLog: Record<string, EntryStamp>;
}

export interface GoalInput {
  name: string;
  unit?: string;
  direction?: Direction;
  kind?: GoalKind;
  owner?: string;
  frequency?: Frequency;
  baseline?: number | null;
  description?: string;
}

export type GoalPatch = Partial<Pick<Goal, 'name' | 'unit' | 'direction' | 'kind' | 'owner' | 'frequency' | 'baseline' | 'description'>>;

const isDirection = (v: unknown): v is Direction => v === 'up' || v === 'down';
const isKind = (v: unknown): v is GoalKind => v === 'success' || v === 'benefit';

export function readGoal(id: string, map: Y.Map<unknown>): Goal {
  const frequency = readEnum(map, 'frequency', isFrequency, 'monthly');
  const ofFrequency = (period: string) => parsePeriod(period)?.frequency === frequency;
  const actuals = readNumberRecord(map, 'actuals', ofFrequency);
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
    actuals,
    baseline: readNumber(map, 'baseline'),
    description: readString(map, 'description'),
    actualLog: readActualLog(map, actuals),
  };
}

/** The entry log, kept only for periods that have an actual; junk entries are dropped. */
function readActualLog(map: Y.Map<unknown>, actuals: Record<string, number>): Record<string, EntryStamp> {
  const value = map.get('actualLog');
  const result: Record<string, EntryStamp> = {};
  if (!(value instanceof Y.Map)) return result;
  value.forEach((entry: unknown, period: string) => {
    if (actuals[period] === undefined || !isRecord(entry)) return;
    const at = typeof entry.at === 'string' && !Number.isNaN(Date.parse(entry.at)) ? entry.at : null;
    if (at === null) return;
    result[period] = { by: typeof entry.by === 'string' ? entry.by : '', at };
  });
  return result;
}

/** Board order of goals. */
export const compareGoals = (a: Goal, b: Goal): number => a.order - b.order || a.id.localeCompare(b.id);

/** All goals in board order. */
export function readGoals(doc: Y.Doc): Goal[] {
  return entryMaps(roots(doc).goals)
    .map(([id, map]) => readGoal(id, map))
    .sort(compareGoals);
}

function goalMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = roots(doc).goals.get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

/**
 * Add a goal; name, unit and owner are cut to MAX_SHORT_TEXT_LENGTH, the description to
 * GOAL_DESCRIPTION_MAX. Throws BoardLimitError (nothing written) when the board holds its most
 * goals or bytes.
 */
export function addGoal(doc: Y.Doc, input: GoalInput): string {
  const id = newId();
  if (checksBounds(doc)) ensureRoom(doc, roots(doc).goals, 'goals', bytesForText(3 * MAX_SHORT_TEXT_LENGTH + GOAL_DESCRIPTION_MAX) + 300);
  doc.transact(() => {
    const goals = roots(doc).goals;
    const map = new Y.Map<unknown>();
    map.set('name', cleanShort(input.name));
    map.set('unit', cleanShort(input.unit ?? ''));
    map.set('direction', input.direction ?? 'up');
    map.set('kind', input.kind ?? 'benefit');
    map.set('owner', cleanShort(input.owner ?? ''));
    map.set('frequency', input.frequency ?? 'monthly');
    map.set('order', nextOrder(goals));
    map.set('targets', new Y.Map<number>());
    map.set('actuals', new Y.Map<number>());
    map.set('actualLog', new Y.Map<unknown>());
    map.set('baseline', validBaseline(input.baseline));
    map.set('description', cleanDescription(input.description));
    goals.set(id, map);
  });
  return id;
}

const FREE_TEXT_KEYS = new Set(['name', 'unit', 'owner']);

function validBaseline(value: number | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isFinite(value)) throw new RangeError(`Not a number: ${value}`);
  return value;
}

function cleanDescription(value: string | undefined): string {
  return (value ?? '').trim().slice(0, GOAL_DESCRIPTION_MAX);
}

export function updateGoal(doc: Y.Doc, id: string, patch: GoalPatch): void {
  const baseline = 'baseline' in patch ? validBaseline(patch.baseline) : undefined;
  doc.transact(() => {
    const map = goalMap(doc, id);
    if (!map) return;
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (key === 'baseline') map.set(key, baseline ?? null);
      else if (key === 'description') map.set(key, cleanDescription(String(value)));
      else map.set(key, FREE_TEXT_KEYS.has(key) ? cleanShort(String(value)) : value);
    }
  });
}

export function removeGoal(doc: Y.Doc, id: string): void {
  roots(doc).goals.delete(id);
}

export type MeasurementField = 'target' | 'actual';

/** One number to write: a target or an actual of a period; null clears it. */
export interface MeasurementWrite {
  period: string;
  field: MeasurementField;
  value: number | null;
}

function checkWrite(period: string, value: number | null): void {
  if (!parsePeriod(period)) throw new RangeError(`Not a period: ${period}`);
  if (value !== null && !Number.isFinite(value)) throw new RangeError(`Not a number: ${value}`);
}

function stampOf(stamp: Partial<EntryStamp> | undefined): EntryStamp {
  return { by: (stamp?.by ?? '').trim().slice(0, 60), at: stamp?.at ?? new Date().toISOString() };
}

/** Write into an existing goal map; call inside a transaction. */
function writeInto(map: Y.Map<unknown>, write: MeasurementWrite, stamp: EntryStamp): void {
  const numbers = ensureMap(map, write.field === 'target' ? 'targets' : 'actuals');
  if (write.value === null) numbers.delete(write.period);
  else numbers.set(write.period, write.value);
  if (write.field === 'actual') {
    // Each period's entry is its own key, so two people entering different months both keep theirs.
    const log = ensureMap(map, 'actualLog');
    if (write.value === null) log.delete(write.period);
    else log.set(write.period, { by: stamp.by, at: stamp.at });
  }
}

/**
 * Write many numbers of one goal in one transaction (an import, generated targets): every
 * other client sees all of them at once or none. Only the given periods are touched, so a
 * concurrent edit of another period survives. Actuals are stamped with who and when.
 */
export function writeMeasurements(doc: Y.Doc, goalId: string, writes: readonly MeasurementWrite[], stamp?: Partial<EntryStamp>): void {
  for (const write of writes) checkWrite(write.period, write.value);
  const entry = stampOf(stamp);
  doc.transact(() => {
    const map = goalMap(doc, goalId);
    if (!map) return;
    for (const write of writes) writeInto(map, write, entry);
  });
}

/** Set (or clear, with null) the target of one period. */
export function setTarget(doc: Y.Doc, goalId: string, period: string, value: number | null): void {
  writeMeasurements(doc, goalId, [{ period, field: 'target', value }]);
}

/**
 * Record (or clear, with null) the actual of one period, with who entered it and when (`at`
 * defaults to now). Clearing the actual clears its log entry.
 */
export function setActual(doc: Y.Doc, goalId: string, period: string, value: number | null, stamp?: Partial<EntryStamp>): void {
  writeMeasurements(doc, goalId, [{ period, field: 'actual', value }], stamp);
}

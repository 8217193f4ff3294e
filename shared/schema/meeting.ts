// The standing meeting (Start møde … Afslut møde) and its minutes, in the board document so that
// everyone — also someone who joins late or reconnects — sees the same step and timer.
//
// root `meeting` (Y.Map):
//   current?: Y.Map            the running meeting; absent when none runs
//     id, startedAt (ISO, server time), facilitator (name) and facilitatorId (participant id,
//     issue 9): who leads — who pressed Start møde, or took over since; durationMinutes (15–30),
//     step (0–4, see AGENDA), stepChangedAt, stepChangedBy, since (the previous meeting's end,
//     ISO or null), baseline (plain object: the action plan at the start),
//     participants: Y.Map<name, firstSeenAt>
//   lastDurationMinutes: number   the duration chosen last time, offered again
// meta.meetingMinutes (Y.Map<id, plain object>)   one entry per ended meeting (design.md's
//   `meetingMinutes?`); meta.lastMeetingAt is the end of the latest one.
//
// A whole running meeting is one nested map, replaced at start: two people pressing Start møde at
// once end up with one of their meetings, never a mix of both. Writers run with MEETING_ORIGIN, so
// the undo manager (which tracks only origin null) never undoes a step change or the minutes.
//
// The facilitator (issue 9) is one notion for the meeting and the brainstorm, identified by
// participant id (names repeat): while a meeting runs it is the meeting's (`current.facilitatorId`
// and `current.facilitator`), otherwise the brainstorm's (`brainstorm.facilitator`), and
// `readFacilitator` is the only reader. Only the facilitator drives — moves steps, changes the
// length, ends the meeting, sets the brainstorm's mode and silence, runs the rounds, reveals —
// and every such writer takes the acting participant and refuses (returns false) for anyone
// else. Taking over is explicit (`takeFacilitator`). When nobody leads (a board's first
// brainstorm, a meeting started by an old client or a script with a name only), anyone may
// drive, and a participant who does becomes the facilitator.

import * as Y from 'yjs';
import { newId } from '../ids';
import { isActionStatus } from '../domain/actionStatus';
import { dateInZone, isIsoDate } from '../domain/calendar';
import {
  actionBaseline,
  goalReadings,
  meetingDecisions,
  openActionNotes,
  MINUTES_LIST_MAX,
  MINUTES_TEXT_MAX,
  SNAPSHOT_TITLE_MAX,
  type ActionBaseline,
  type ActionSnapshot,
  type ChangedField,
  type Decision,
  type DecisionKind,
  type GoalReading,
  type OpenActionNote,
} from '../domain/meetingMinutes';
import type { Participant } from '../domain/rounds';
import { readDirection } from '../domain/targetStatus';
import { clampMeetingMinutes, clampStep, DEFAULT_MEETING_MINUTES, parseTime } from '../domain/meetingTimer';
import { readActions } from './action';
import { roots } from './board';
import { readGoals } from './goal';
import { ensureMap, isRecord, readNumber, readString } from './values';

/** Transaction origin of every meeting writer: synced like any local change, never undone. */
export const MEETING_ORIGIN = 'maaltavle:meeting';

/** Longest name kept as facilitator or participant. */
const NAME_MAX = 60;
/** Most participants a meeting records (a guard against a runaway client). */
const PARTICIPANTS_MAX = 200;

export interface Meeting {
  id: string;
  /** ISO, server time; '' when junk (the clock then reads 0). */
  startedAt: string;
  /** The facilitator's name. */
  facilitator: string;
  /** The facilitator's participant id (issue 9); '' for a meeting started with a name only. */
  facilitatorId: string;
  durationMinutes: number;
  /** 0-based index into AGENDA. */
  step: number;
  stepChangedAt: string;
  stepChangedBy: string;
  /** End of the previous meeting (ISO), the start of "Siden sidst"; null for a board's first meeting. */
  since: string | null;
  /** The action plan at the start; null when missing or junk. */
  baseline: ActionBaseline | null;
  /** Names seen during the meeting, in the order they joined. */
  participants: string[];
}

export interface MeetingMinutes {
  id: string;
  /** The meeting's number on this board, 1 for the first (issue 9; older minutes: by their order). */
  number: number;
  startedAt: string;
  endedAt: string;
  /** Who led the meeting at its end. */
  facilitator: string;
  /** Their participant id (issue 9); '' when unknown. */
  facilitatorId: string;
  endedBy: string;
  /** Planned length in minutes. */
  durationMinutes: number;
  participants: string[];
  decisions: Decision[];
  since: string | null;
  /** Each goal's latest number against its target at the end (issue 9; [] in older minutes). */
  goals: GoalReading[];
  /** The open actions at the end, overdue ones marked (issue 9; [] in older minutes). */
  openActions: OpenActionNote[];
}

/** Who acts: a participant (id and name), or a bare name (scripts, old callers) that never leads a meeting someone leads. */
export type Actor = Participant | string;

const cleanName = (name: string) => name.trim().slice(0, NAME_MAX);
/** The name a participant gives; the client's '?' for "no name yet" counts as none. */
const actorName = (by: Actor) => {
  const name = cleanName(typeof by === 'string' ? by : by.name);
  return name === '?' ? '' : name;
};
const actorId = (by: Actor) => (typeof by === 'string' ? '' : by.id.slice(0, 64));

function meetingRoot(doc: Y.Doc): Y.Map<unknown> {
  return roots(doc).meeting;
}

function currentMap(doc: Y.Doc): Y.Map<unknown> | null {
  const value = meetingRoot(doc).get('current');
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

function readSnapshot(value: unknown): ActionSnapshot | null {
  if (!isRecord(value)) return null;
  return {
    title: typeof value.title === 'string' ? value.title.slice(0, SNAPSHOT_TITLE_MAX) : '',
    responsible: typeof value.responsible === 'string' ? value.responsible : '',
    deadline: isIsoDate(value.deadline) ? value.deadline : null,
    status: isActionStatus(value.status) ? value.status : 'decided',
  };
}

function readBaseline(value: unknown): ActionBaseline | null {
  if (!isRecord(value)) return null;
  const baseline: ActionBaseline = {};
  for (const [id, entry] of Object.entries(value)) {
    const snapshot = readSnapshot(entry);
    if (snapshot) baseline[id] = snapshot;
  }
  return baseline;
}

function readParticipants(value: unknown): string[] {
  if (!(value instanceof Y.Map)) return [];
  const entries: [string, string][] = [];
  value.forEach((at: unknown, name: string) => {
    if (name.trim()) entries.push([name, typeof at === 'string' ? at : '']);
  });
  return entries.sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** A participant id, strictly a string (a number is junk here, not an id). */
function readFacilitatorId(map: Y.Map<unknown>): string {
  const id = map.get('facilitatorId');
  return typeof id === 'string' ? id.slice(0, 64) : '';
}

function readIsoOrNull(map: Y.Map<unknown>, key: string): string | null {
  const value = map.get(key);
  return typeof value === 'string' && parseTime(value) !== null ? value : null;
}

/** The running meeting, or null when none runs. Never throws on junk. */
export function readMeeting(doc: Y.Doc): Meeting | null {
  const map = currentMap(doc);
  if (!map) return null;
  return {
    id: readString(map, 'id'),
    startedAt: readIsoOrNull(map, 'startedAt') ?? '',
    facilitator: readString(map, 'facilitator'),
    facilitatorId: readFacilitatorId(map),
    durationMinutes: clampMeetingMinutes(readNumber(map, 'durationMinutes')),
    step: clampStep(readNumber(map, 'step')),
    stepChangedAt: readIsoOrNull(map, 'stepChangedAt') ?? '',
    stepChangedBy: readString(map, 'stepChangedBy'),
    since: readIsoOrNull(map, 'since'),
    baseline: readBaseline(map.get('baseline')),
    participants: readParticipants(map.get('participants')),
  };
}

/** The duration to offer for the next meeting: the last one chosen, else 15 minutes. */
export function readPreferredDuration(doc: Y.Doc): number {
  const value = readNumber(meetingRoot(doc), 'lastDurationMinutes');
  return value === null ? DEFAULT_MEETING_MINUTES : clampMeetingMinutes(value);
}

function readStringArray(value: unknown, max = PARTICIPANTS_MAX): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').slice(0, max);
}

const DECISION_KINDS: readonly DecisionKind[] = ['created', 'changed', 'removed'];
const CHANGED_FIELDS: readonly ChangedField[] = ['title', 'responsible', 'deadline', 'status'];

function readDecision(value: unknown): Decision | null {
  if (!isRecord(value) || typeof value.actionId !== 'string') return null;
  const snapshot = readSnapshot(value);
  if (!snapshot) return null;
  const kind = DECISION_KINDS.includes(value.kind as DecisionKind) ? (value.kind as DecisionKind) : 'changed';
  const changes = Array.isArray(value.changes) ? value.changes.filter((c): c is ChangedField => CHANGED_FIELDS.includes(c as ChangedField)) : [];
  const before = readSnapshot(value.before);
  return { actionId: value.actionId, kind, changes, ...snapshot, ...(before ? { before } : {}) };
}

function readGoalReading(value: unknown): GoalReading | null {
  if (!isRecord(value) || typeof value.name !== 'string') return null;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const period = typeof value.period === 'string' && value.period !== '' ? value.period : null;
  return {
    goalId: typeof value.goalId === 'string' ? value.goalId : '',
    name: value.name.slice(0, MINUTES_TEXT_MAX),
    unit: typeof value.unit === 'string' ? value.unit.slice(0, MINUTES_TEXT_MAX) : '',
    direction: readDirection(value.direction),
    period,
    actual: period === null ? null : num(value.actual),
    target: period === null ? null : num(value.target),
  };
}

function readOpenActionNote(value: unknown): OpenActionNote | null {
  if (!isRecord(value) || typeof value.actionId !== 'string') return null;
  const snapshot = readSnapshot(value);
  return snapshot && { actionId: value.actionId, ...snapshot, overdue: value.overdue === true };
}

function readList<T>(value: unknown, read: (item: unknown) => T | null): T[] {
  return Array.isArray(value) ? value.map(read).filter((item): item is T => item !== null).slice(0, MINUTES_LIST_MAX) : [];
}

function readMinutesEntry(id: string, value: unknown): MeetingMinutes | null {
  if (!isRecord(value)) return null;
  const endedAt = typeof value.endedAt === 'string' && parseTime(value.endedAt) !== null ? value.endedAt : null;
  if (!endedAt) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const decisions = Array.isArray(value.decisions) ? value.decisions.map(readDecision).filter((d): d is Decision => d !== null) : [];
  const number = typeof value.number === 'number' && Number.isInteger(value.number) && value.number >= 1 ? value.number : 0;
  return {
    id,
    number,
    startedAt: typeof value.startedAt === 'string' && parseTime(value.startedAt) !== null ? value.startedAt : endedAt,
    endedAt,
    facilitator: str(value.facilitator),
    facilitatorId: str(value.facilitatorId).slice(0, 64),
    endedBy: str(value.endedBy),
    durationMinutes: clampMeetingMinutes(value.durationMinutes),
    participants: readStringArray(value.participants),
    decisions,
    since: typeof value.since === 'string' && parseTime(value.since) !== null ? value.since : null,
    goals: readList(value.goals, readGoalReading),
    openActions: readList(value.openActions, readOpenActionNote),
  };
}

/** Every recorded meeting, newest first. Junk entries are dropped. */
export function readMinutes(doc: Y.Doc): MeetingMinutes[] {
  const value = roots(doc).meta.get('meetingMinutes');
  if (!(value instanceof Y.Map)) return [];
  const result: MeetingMinutes[] = [];
  value.forEach((entry: unknown, id: string) => {
    const minutes = readMinutesEntry(id, entry);
    if (minutes) result.push(minutes);
  });
  // Minutes written before issue 9 have no number: they count by their place, oldest first.
  result.sort((a, b) => a.endedAt.localeCompare(b.endedAt) || a.id.localeCompare(b.id));
  result.forEach((minutes, index) => {
    if (minutes.number === 0) minutes.number = index + 1;
  });
  return result.reverse();
}

// ---------------------------------------------------------------- the facilitator (issue 9)

function readParticipantValue(value: unknown): Participant | null {
  if (!isRecord(value) || typeof value.id !== 'string' || value.id === '') return null;
  return { id: value.id.slice(0, 64), name: typeof value.name === 'string' ? value.name.slice(0, NAME_MAX) : '' };
}

/** The one facilitator of the board: the running meeting's, else the brainstorm's; null when nobody leads. */
export function readFacilitator(doc: Y.Doc): Participant | null {
  const map = currentMap(doc);
  if (map) {
    const id = readFacilitatorId(map);
    return id ? { id, name: readString(map, 'facilitator').slice(0, NAME_MAX) } : null;
  }
  return readParticipantValue(roots(doc).brainstorm.get('facilitator'));
}

/** Whether `by` may do what only the facilitator does (anyone may while nobody leads). */
export function isFacilitator(doc: Y.Doc, by: Actor): boolean {
  const facilitator = readFacilitator(doc);
  return facilitator === null || (actorId(by) !== '' && actorId(by) === facilitator.id);
}

function writeFacilitator(doc: Y.Doc, id: string, name: string): void {
  const map = currentMap(doc);
  if (map) {
    if (map.get('facilitatorId') !== id) map.set('facilitatorId', id);
    if (readString(map, 'facilitator') !== name) map.set('facilitator', name);
    return;
  }
  const brainstorm = roots(doc).brainstorm;
  const current = readParticipantValue(brainstorm.get('facilitator'));
  if (current?.id !== id || current.name !== name) brainstorm.set('facilitator', { id, name });
}

/**
 * For a writer that only the facilitator may run (call inside its transaction): whether `by` may.
 * While nobody leads, a participant who acts becomes the facilitator; the facilitator's new
 * name is kept.
 */
export function actAsFacilitator(doc: Y.Doc, by: Actor): boolean {
  const facilitator = readFacilitator(doc);
  const id = actorId(by);
  const name = actorName(by);
  if (facilitator === null) {
    if (id) writeFacilitator(doc, id, name);
    return true;
  }
  if (id !== facilitator.id) return false;
  if (name && name !== facilitator.name) writeFacilitator(doc, id, name);
  return true;
}

/**
 * "Bliv ordstyrer": `by` takes over leading the meeting (or, without one, the brainstorm). The
 * previous facilitator's screen notices the change. Refused (false) without a participant id.
 */
export function takeFacilitator(doc: Y.Doc, by: Participant): boolean {
  const id = actorId(by);
  if (!id) return false;
  doc.transact(() => writeFacilitator(doc, id, actorName(by)), MEETING_ORIGIN);
  return true;
}

// ---------------------------------------------------------------- writers

export interface StartMeetingInput {
  /** Who pressed Start møde: the facilitator (a bare name leaves the meeting without a leader id). */
  by: Actor;
  /** Now in server time (ISO). */
  at: string;
  durationMinutes?: number;
}

/**
 * Start møde. A no-op returning the running meeting's id when one already runs. Records the
 * previous meeting's end as the start of "Siden sidst" and the action plan as the baseline for
 * the minutes' decisions.
 */
export function startMeeting(doc: Y.Doc, input: StartMeetingInput): string {
  let id = '';
  doc.transact(() => {
    const running = currentMap(doc);
    if (running) {
      id = readString(running, 'id');
      return;
    }
    id = newId();
    const duration = clampMeetingMinutes(input.durationMinutes ?? readPreferredDuration(doc));
    const by = actorName(input.by);
    const map = new Y.Map<unknown>();
    map.set('id', id);
    map.set('startedAt', input.at);
    map.set('facilitator', by);
    map.set('facilitatorId', actorId(input.by));
    map.set('durationMinutes', duration);
    map.set('step', 0);
    map.set('stepChangedAt', input.at);
    map.set('stepChangedBy', by);
    map.set('since', readString(roots(doc).meta, 'lastMeetingAt') || null);
    map.set('baseline', actionBaseline(readActions(doc)));
    const participants = new Y.Map<unknown>();
    if (by) participants.set(by, input.at);
    map.set('participants', participants);
    const root = meetingRoot(doc);
    root.set('current', map);
    root.set('lastDurationMinutes', duration);
  }, MEETING_ORIGIN);
  return id;
}

/**
 * Move the meeting to an agenda step (clamped to the agenda). Only the facilitator may: false
 * (nothing written) for anyone else or when no meeting runs.
 */
export function setMeetingStep(doc: Y.Doc, step: number, by: Actor, at: string): boolean {
  let moved = false;
  doc.transact(() => {
    const map = currentMap(doc);
    if (!map || !actAsFacilitator(doc, by)) return;
    moved = true;
    const next = clampStep(step);
    if (readNumber(map, 'step') === next) return;
    map.set('step', next);
    map.set('stepChangedAt', at);
    map.set('stepChangedBy', actorName(by));
  }, MEETING_ORIGIN);
  return moved;
}

/**
 * Change the planned length of the running meeting (15–30 minutes). With `by`, only the
 * facilitator may (false for anyone else); without a meeting it sets the length offered next.
 */
export function setMeetingDuration(doc: Y.Doc, minutes: number, by?: Actor): boolean {
  let changed = false;
  doc.transact(() => {
    const map = currentMap(doc);
    if (map && by !== undefined && !actAsFacilitator(doc, by)) return;
    changed = true;
    const duration = clampMeetingMinutes(minutes);
    if (map) map.set('durationMinutes', duration);
    meetingRoot(doc).set('lastDurationMinutes', duration);
  }, MEETING_ORIGIN);
  return changed;
}

/** Record that `name` takes part in the running meeting (once; the first time counts). */
export function joinMeeting(doc: Y.Doc, name: string, at: string): void {
  const clean = cleanName(name);
  if (!clean || clean === '?') return;
  doc.transact(() => {
    const map = currentMap(doc);
    if (!map) return;
    const participants = ensureMap(map, 'participants');
    if (!participants.has(clean) && participants.size < PARTICIPANTS_MAX) participants.set(clean, at);
  }, MEETING_ORIGIN);
}

export interface EndMeetingInput {
  /** Who pressed Afslut møde: only the facilitator may. */
  by: Actor;
  /** Now in server time (ISO). */
  at: string;
  /** Others seen on the board (presence) who may not have recorded themselves. */
  participants?: readonly string[];
}

/**
 * Afslut møde: write the minutes (participants, decisions, and the goals and open actions as
 * they stand) into meta.meetingMinutes, set meta.lastMeetingAt, and end the meeting; the
 * facilitator goes on leading the brainstorm. Returns the minutes, or null when no meeting runs
 * or `by` is not the facilitator.
 */
export function endMeeting(doc: Y.Doc, input: EndMeetingInput): MeetingMinutes | null {
  let minutes: MeetingMinutes | null = null;
  doc.transact(() => {
    const meeting = readMeeting(doc);
    if (!meeting || !actAsFacilitator(doc, input.by)) return;
    const leader = readFacilitator(doc);
    const names = new Set(meeting.participants);
    for (const name of input.participants ?? []) {
      const clean = cleanName(name);
      if (clean && clean !== '?') names.add(clean);
    }
    const by = actorName(input.by);
    if (by) names.add(by);
    const id = meeting.id || newId();
    const startedAt = meeting.startedAt || input.at;
    const actions = readActions(doc);
    const endedMs = parseTime(input.at);
    const today = dateInZone(endedMs === null ? new Date() : new Date(endedMs));
    minutes = {
      id,
      number: readMinutes(doc).length + 1,
      startedAt,
      endedAt: input.at,
      facilitator: leader?.name ?? meeting.facilitator,
      facilitatorId: leader?.id ?? '',
      endedBy: by,
      durationMinutes: meeting.durationMinutes,
      participants: [...names].slice(0, PARTICIPANTS_MAX),
      decisions: meetingDecisions(meeting.baseline, actions, startedAt),
      since: meeting.since,
      goals: goalReadings(readGoals(doc)),
      openActions: openActionNotes(actions, today),
    };
    const meta = roots(doc).meta;
    // A plain object: minutes are a record, written once and never edited.
    ensureMap(meta, 'meetingMinutes').set(id, JSON.parse(JSON.stringify(minutes)) as unknown);
    meta.set('lastMeetingAt', input.at);
    meetingRoot(doc).delete('current');
    // One facilitator: whoever led the meeting goes on leading the brainstorm.
    if (leader) writeFacilitator(doc, leader.id, leader.name);
  }, MEETING_ORIGIN);
  return minutes;
}

/** Stop the running meeting without minutes (started by mistake). With `by`, only the facilitator may. */
export function cancelMeeting(doc: Y.Doc, by?: Actor): boolean {
  let cancelled = false;
  doc.transact(() => {
    if (!currentMap(doc) || (by !== undefined && !actAsFacilitator(doc, by))) return;
    meetingRoot(doc).delete('current');
    cancelled = true;
  }, MEETING_ORIGIN);
  return cancelled;
}

// The standing meeting (Start møde … Afslut møde) and its minutes, in the board document so that
// everyone — also someone who joins late or reconnects — sees the same step and timer.
//
// root `meeting` (Y.Map):
//   current?: Y.Map            the running meeting; absent when none runs
//     id, startedAt (ISO, server time), facilitator (who pressed Start møde), durationMinutes
//     (15–30), step (0–4, see AGENDA), stepChangedAt, stepChangedBy, since (the previous
//     meeting's end, ISO or null), baseline (plain object: the action plan at the start),
//     participants: Y.Map<name, firstSeenAt>
//   lastDurationMinutes: number   the duration chosen last time, offered again
// meta.meetingMinutes (Y.Map<id, plain object>)   one entry per ended meeting (design.md's
//   `meetingMinutes?`); meta.lastMeetingAt is the end of the latest one.
//
// A whole running meeting is one nested map, replaced at start: two people pressing Start møde at
// once end up with one of their meetings, never a mix of both. Writers run with MEETING_ORIGIN, so
// the undo manager (which tracks only origin null) never undoes a step change or the minutes.

import * as Y from 'yjs';
import { newId } from '../ids';
import { isActionStatus } from '../domain/actionStatus';
import { isIsoDate } from '../domain/calendar';
import {
  actionBaseline,
  meetingDecisions,
  SNAPSHOT_TITLE_MAX,
  type ActionBaseline,
  type ActionSnapshot,
  type ChangedField,
  type Decision,
  type DecisionKind,
} from '../domain/meetingMinutes';
import { clampMeetingMinutes, clampStep, DEFAULT_MEETING_MINUTES, parseTime } from '../domain/meetingTimer';
import { readActions } from './action';
import { roots } from './board';
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
  facilitator: string;
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
  startedAt: string;
  endedAt: string;
  facilitator: string;
  endedBy: string;
  /** Planned length in minutes. */
  durationMinutes: number;
  participants: string[];
  decisions: Decision[];
  since: string | null;
}

const cleanName = (name: string) => name.trim().slice(0, NAME_MAX);

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

function readMinutesEntry(id: string, value: unknown): MeetingMinutes | null {
  if (!isRecord(value)) return null;
  const endedAt = typeof value.endedAt === 'string' && parseTime(value.endedAt) !== null ? value.endedAt : null;
  if (!endedAt) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const decisions = Array.isArray(value.decisions) ? value.decisions.map(readDecision).filter((d): d is Decision => d !== null) : [];
  return {
    id,
    startedAt: typeof value.startedAt === 'string' && parseTime(value.startedAt) !== null ? value.startedAt : endedAt,
    endedAt,
    facilitator: str(value.facilitator),
    endedBy: str(value.endedBy),
    durationMinutes: clampMeetingMinutes(value.durationMinutes),
    participants: readStringArray(value.participants),
    decisions,
    since: typeof value.since === 'string' && parseTime(value.since) !== null ? value.since : null,
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
  return result.sort((a, b) => b.endedAt.localeCompare(a.endedAt) || a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------- writers

export interface StartMeetingInput {
  /** Who pressed Start møde: the facilitator. */
  by: string;
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
    const by = cleanName(input.by);
    const map = new Y.Map<unknown>();
    map.set('id', id);
    map.set('startedAt', input.at);
    map.set('facilitator', by);
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

/** Move the meeting to an agenda step (clamped to the agenda). Anyone with edit access may. */
export function setMeetingStep(doc: Y.Doc, step: number, by: string, at: string): void {
  doc.transact(() => {
    const map = currentMap(doc);
    if (!map) return;
    const next = clampStep(step);
    if (readNumber(map, 'step') === next) return;
    map.set('step', next);
    map.set('stepChangedAt', at);
    map.set('stepChangedBy', cleanName(by));
  }, MEETING_ORIGIN);
}

/** Change the planned length of the running meeting (15–30 minutes). */
export function setMeetingDuration(doc: Y.Doc, minutes: number): void {
  doc.transact(() => {
    const map = currentMap(doc);
    const duration = clampMeetingMinutes(minutes);
    if (map) map.set('durationMinutes', duration);
    meetingRoot(doc).set('lastDurationMinutes', duration);
  }, MEETING_ORIGIN);
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
  by: string;
  /** Now in server time (ISO). */
  at: string;
  /** Others seen on the board (presence) who may not have recorded themselves. */
  participants?: readonly string[];
}

/**
 * Afslut møde: write the minutes (participants, decisions) into meta.meetingMinutes, set
 * meta.lastMeetingAt, and end the meeting. Returns the minutes, or null when no meeting runs.
 */
export function endMeeting(doc: Y.Doc, input: EndMeetingInput): MeetingMinutes | null {
  let minutes: MeetingMinutes | null = null;
  doc.transact(() => {
    const meeting = readMeeting(doc);
    if (!meeting) return;
    const names = new Set(meeting.participants);
    for (const name of input.participants ?? []) {
      const clean = cleanName(name);
      if (clean && clean !== '?') names.add(clean);
    }
    const by = cleanName(input.by);
    if (by) names.add(by);
    const id = meeting.id || newId();
    const startedAt = meeting.startedAt || input.at;
    minutes = {
      id,
      startedAt,
      endedAt: input.at,
      facilitator: meeting.facilitator,
      endedBy: by,
      durationMinutes: meeting.durationMinutes,
      participants: [...names].slice(0, PARTICIPANTS_MAX),
      decisions: meetingDecisions(meeting.baseline, readActions(doc), startedAt),
      since: meeting.since,
    };
    const meta = roots(doc).meta;
    // A plain object: minutes are a record, written once and never edited.
    ensureMap(meta, 'meetingMinutes').set(id, JSON.parse(JSON.stringify(minutes)) as unknown);
    meta.set('lastMeetingAt', input.at);
    meetingRoot(doc).delete('current');
  }, MEETING_ORIGIN);
  return minutes;
}

/** Stop the running meeting without minutes (started by mistake). */
export function cancelMeeting(doc: Y.Doc): void {
  doc.transact(() => meetingRoot(doc).delete('current'), MEETING_ORIGIN);
}

// Presence (awareness): the one schema of what a client may publish about itself — `user`,
// `participant`, `dragging` (docs/contract.md, "Awareness fields") — read and validated here
// only (issue 8, issue 9). The server relays nothing else (server/src/sync/awareness.ts), and
// every client reads presence through these readers, so a hostile state (a 2 MB name, a colour
// `url(http://…)` that would go into CSS) reaches no screen.

import type { Participant } from '../domain/rounds';
import { clampUnit, type Position } from '../domain/zones';
import { MAX_NAME_LENGTH } from '../limits';

/** Longest id in presence (participant ids, idea ids). */
export const PRESENCE_ID_MAX = 64;
/** The only colour form accepted: it goes into CSS. */
export const PRESENCE_COLOR = /^#[0-9a-fA-F]{6}$/;
/** Largest awareness state of one client (its JSON); larger ones are not relayed. */
export const MAX_PRESENCE_STATE_BYTES = 2048;
/** Largest awareness message a connection may send (y-protocols awareness update); larger ones are dropped. */
export const MAX_AWARENESS_MESSAGE_BYTES = 16 * 1024;
/** Awareness client ids one connection may introduce (a y-websocket client uses one). */
export const MAX_AWARENESS_CLIENTS_PER_CONNECTION = 4;
/** Colour shown for someone whose colour is missing or not `#rrggbb`. */
export const FALLBACK_PRESENCE_COLOR = '#dddddd';

export interface PresenceUser {
  name: string;
  /** `#rrggbb`, or null when missing or anything else. */
  color: string | null;
  role: 'edit' | 'view';
}

export interface PresenceDrag {
  ideaId: string;
  effect: number | null;
  resources: number | null;
}

export interface Presence {
  user: PresenceUser | null;
  participant: Participant | null;
  dragging: PresenceDrag | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A colour if it is `#rrggbb`, else null. */
export function presenceColor(value: unknown): string | null {
  return typeof value === 'string' && PRESENCE_COLOR.test(value) ? value : null;
}

function readUser(value: unknown): PresenceUser | null {
  if (!isRecord(value) || typeof value.name !== 'string') return null;
  return { name: value.name.slice(0, MAX_NAME_LENGTH), color: presenceColor(value.color), role: value.role === 'view' ? 'view' : 'edit' };
}

function readParticipant(value: unknown): Participant | null {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.name !== 'string' || !value.id) return null;
  return { id: value.id.slice(0, PRESENCE_ID_MAX), name: value.name.slice(0, MAX_NAME_LENGTH) };
}

function readDrag(value: unknown): PresenceDrag | null {
  if (!isRecord(value) || typeof value.ideaId !== 'string' || !value.ideaId) return null;
  const effect = clampUnit(value.effect);
  const resources = clampUnit(value.resources);
  const onGrid = effect !== null && resources !== null;
  return { ideaId: value.ideaId.slice(0, PRESENCE_ID_MAX), effect: onGrid ? effect : null, resources: onGrid ? resources : null };
}

/** One client's awareness state read through the schema; never throws, junk reads as null. */
export function readPresence(state: unknown): Presence {
  if (!isRecord(state)) return { user: null, participant: null, dragging: null };
  return { user: readUser(state.user), participant: readParticipant(state.participant), dragging: readDrag(state.dragging) };
}

/**
 * What the server relays of a client's awareness state: the fields of the schema that are
 * valid (read as readPresence, names cut, a colour that is not `#rrggbb` left out), nothing else.
 * null: not a state at all (the entry is dropped). A state of `null` (the client left) is kept.
 */
export function cleanPresenceState(state: unknown): Record<string, unknown> | null {
  if (!isRecord(state)) return null;
  const { user, participant, dragging } = readPresence(state);
  const clean: Record<string, unknown> = {};
  if (user) clean.user = user.color === null ? { name: user.name, role: user.role } : user;
  if ('participant' in state) clean.participant = participant;
  if ('dragging' in state) clean.dragging = dragging;
  return clean;
}

/** Someone on the board now (the presence list in the header). */
export interface PresentPerson {
  clientId: number;
  name: string;
  color: string;
  isMe: boolean;
  /** 'view' for wall screens and leaders, who have no name. */
  role: 'edit' | 'view';
}

type States = ReadonlyMap<number, unknown>;

/** Everyone on the board now, me first, then by name; editors still choosing a name are left out. */
export function presentPeople(states: States, me: number): PresentPerson[] {
  const people: PresentPerson[] = [];
  states.forEach((state, clientId) => {
    const { user } = readPresence(state);
    if (!user) return;
    if (user.role === 'edit' && !user.name.trim()) return; // still answering the name dialog
    people.push({ clientId, name: user.name, color: user.color ?? FALLBACK_PRESENCE_COLOR, isMe: clientId === me, role: user.role });
  });
  return people.sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
}

/** Participants here now (brainstorm turn order), me first, each id once. */
export function presentParticipants(states: States, me: number): Participant[] {
  const list: (Participant & { me: boolean })[] = [];
  states.forEach((state, clientId) => {
    const { participant } = readPresence(state);
    if (participant) list.push({ ...participant, me: clientId === me });
  });
  list.sort((a, b) => Number(b.me) - Number(a.me) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const seen = new Set<string>();
  return list.filter((p) => !seen.has(p.id) && seen.add(p.id)).map(({ id, name }) => ({ id, name }));
}

/** A post-it someone else is dragging now. */
export interface PresentDrag {
  clientId: number;
  ideaId: string;
  name: string;
  /** `#rrggbb` or '' (none or not valid). */
  color: string;
  position: Position | null;
}

/** Post-its others are dragging right now (never mine), by client id. */
export function presentDrags(states: States, me: number): PresentDrag[] {
  const result: PresentDrag[] = [];
  states.forEach((state, clientId) => {
    if (clientId === me) return;
    const { user, dragging } = readPresence(state);
    if (!dragging) return;
    const { ideaId, effect, resources } = dragging;
    result.push({
      clientId,
      ideaId,
      name: user?.name || '?',
      color: user?.color ?? '',
      position: effect !== null && resources !== null ? { effect, resources } : null,
    });
  });
  return result.sort((a, b) => a.clientId - b.clientId);
}

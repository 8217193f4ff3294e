// The brainstorm (root `brainstorm`): how ideas are collected right now — open (anyone adds any
// time) or in rounds (the turn passes participant by participant) — whether the collection is
// silent (ideas are kept on the server as drafts until the facilitator reveals them, see
// server/src/drafts/), and how many hidden ideas each participant has (written by the server;
// counts only, never text).
//
// Keys of the root map:
//   mode: 'open' | 'rounds'            silent: boolean
//   facilitator: {id, name}            round: number (1-based)
//   order: Y.Array<{id, name}>         turn: participant id | null
//   took: Y.Map<participantId, {round, outcome: 'idea'|'pass'}>   (only entries of `round` count)
//   finished: boolean                  hidden: Y.Map<participantId, {name, count}>
//
// The turn order is a Y.Array so two people joining at once are both kept; `took` is keyed by
// participant so a pass and an idea in the same moment never overwrite each other. The rules
// live in shared/domain/rounds.ts; each writer reads the state, applies a rule and writes back
// only what changed, in one transaction.
//
// The facilitator (issue 9) is the board's one facilitator (shared/schema/meeting.ts,
// `readFacilitator`): the running meeting's, else `facilitator` here. Setting the mode or the
// silence, starting a round, skipping someone and taking someone out of the order are the
// facilitator's: those writers take the acting participant and return false, writing nothing,
// for anyone else. Taking over is explicit (`takeFacilitator`).

import * as Y from 'yjs';
import {
  emptyRoundState,
  cleanOrder,
  join,
  leave,
  nextRound,
  skipTurn,
  startRounds,
  takeTurn,
  type BrainstormMode,
  type Participant,
  type RoundState,
  type TurnOutcome,
} from '../domain/rounds';
import { roots } from './board';
import { addIdea, ensureRoomForIdea, type IdeaInput } from './idea';
import { checksBounds } from './text';
import { actAsFacilitator, readFacilitator } from './meeting';
import { isRecord, readNumber } from './values';

export interface HiddenCount {
  participantId: string;
  name: string;
  count: number;
}

export interface Brainstorm {
  mode: BrainstormMode;
  silent: boolean;
  /** The board's one facilitator (the running meeting's, else the brainstorm's); null when nobody leads. */
  facilitator: Participant | null;
  rounds: RoundState;
  /** Hidden (not yet revealed) ideas per participant, most first. */
  hidden: HiddenCount[];
}

const NAME_MAX = 60;
const cleanName = (name: string) => name.trim().slice(0, NAME_MAX);

function readParticipant(value: unknown): Participant | null {
  if (!isRecord(value) || typeof value.id !== 'string' || value.id === '') return null;
  return { id: value.id.slice(0, 64), name: typeof value.name === 'string' ? value.name.slice(0, NAME_MAX) : '' };
}

function readRounds(map: Y.Map<unknown>): RoundState {
  const state = emptyRoundState();
  const round = readNumber(map, 'round');
  state.round = round !== null && Number.isInteger(round) && round >= 1 ? round : 1;
  const order = map.get('order');
  if (order instanceof Y.Array) {
    state.order = cleanOrder(order.toArray().map(readParticipant).filter((p): p is Participant => p !== null));
  }
  const inOrder = new Set(state.order.map((p) => p.id));
  const took = map.get('took');
  if (took instanceof Y.Map) {
    took.forEach((value: unknown, id: string) => {
      if (!inOrder.has(id) || !isRecord(value) || value.round !== state.round) return;
      if (value.outcome === 'idea' || value.outcome === 'pass') state.took[id] = value.outcome;
    });
  }
  state.finished = map.get('finished') === true;
  const turn = map.get('turn');
  state.turn = !state.finished && typeof turn === 'string' && inOrder.has(turn) && state.took[turn] === undefined ? turn : null;
  // A turn lost to junk or a concurrent leave: the first who has not had theirs.
  if (state.turn === null && !state.finished) state.turn = state.order.find((p) => state.took[p.id] === undefined)?.id ?? null;
  return state;
}

function readHidden(map: Y.Map<unknown>): HiddenCount[] {
  const value = map.get('hidden');
  const result: HiddenCount[] = [];
  if (!(value instanceof Y.Map)) return result;
  value.forEach((entry: unknown, participantId: string) => {
    if (!isRecord(entry) || typeof entry.count !== 'number' || !Number.isInteger(entry.count) || entry.count <= 0) return;
    result.push({ participantId, name: typeof entry.name === 'string' ? entry.name.slice(0, NAME_MAX) : '', count: entry.count });
  });
  return result.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name) || a.participantId.localeCompare(b.participantId));
}

/** The brainstorm as plain data; junk reads as an open, non-silent brainstorm. */
export function readBrainstorm(doc: Y.Doc): Brainstorm {
  const map = roots(doc).brainstorm;
  return {
    mode: map.get('mode') === 'rounds' ? 'rounds' : 'open',
    silent: map.get('silent') === true,
    facilitator: readFacilitator(doc),
    rounds: readRounds(map),
    hidden: readHidden(map),
  };
}

/** Write what changed between two round states (call inside a transaction). */
function writeRounds(map: Y.Map<unknown>, before: RoundState, after: RoundState): void {
  if (before.round !== after.round || readNumber(map, 'round') !== after.round) map.set('round', after.round);
  if (map.get('turn') !== after.turn) map.set('turn', after.turn);
  if ((map.get('finished') === true) !== after.finished) map.set('finished', after.finished);

  let order = map.get('order');
  if (!(order instanceof Y.Array)) {
    order = new Y.Array<unknown>();
    map.set('order', order);
  }
  const array = order as Y.Array<unknown>;
  const keep = new Map(after.order.map((p) => [p.id, p]));
  // Remove from the end so indices stay valid: leavers, duplicates, junk and renamed entries.
  const items = array.toArray();
  for (let i = items.length - 1; i >= 0; i--) {
    const p = readParticipant(items[i]);
    const wanted = p ? keep.get(p.id) : undefined;
    const first = p !== null && items.findIndex((item) => readParticipant(item)?.id === p.id) === i;
    if (!p || !wanted || !first || wanted.name !== p.name) array.delete(i, 1);
  }
  // Then insert who is missing at their place in the order: newcomers at the end, renamed in place.
  const present = array.toArray().map((item) => readParticipant(item)?.id);
  after.order.forEach((p, index) => {
    if (present.includes(p.id)) return;
    const at = after.order.slice(0, index).filter((q) => present.includes(q.id)).length;
    array.insert(Math.min(at, array.length), [{ id: p.id, name: p.name }]);
    present.splice(at, 0, p.id);
  });

  let took = map.get('took');
  if (!(took instanceof Y.Map)) {
    took = new Y.Map<unknown>();
    map.set('took', took);
  }
  const tookMap = took as Y.Map<unknown>;
  for (const [id, outcome] of Object.entries(after.took)) {
    if (before.round !== after.round || before.took[id] !== outcome) tookMap.set(id, { round: after.round, outcome });
  }
  // Entries of earlier rounds and of people no longer in the order are dropped.
  for (const id of [...tookMap.keys()]) {
    const value = tookMap.get(id);
    if (!keep.has(id) || !isRecord(value) || value.round !== after.round) tookMap.delete(id);
  }
}

function updateRounds(doc: Y.Doc, change: (state: RoundState) => RoundState): RoundState {
  let result = emptyRoundState();
  doc.transact(() => {
    const map = roots(doc).brainstorm;
    const before = readRounds(map);
    result = change(before);
    if (result !== before) writeRounds(map, before, result);
  });
  return result;
}

/** Run a facilitator's round change: false (nothing written) when `by` is not the facilitator. */
function updateRoundsAsFacilitator(doc: Y.Doc, change: (state: RoundState) => RoundState, by: Participant): boolean {
  let allowed = false;
  doc.transact(() => {
    allowed = actAsFacilitator(doc, by);
    if (allowed) updateRounds(doc, change);
  });
  return allowed;
}

/**
 * Set the mode (the facilitator only; false for anyone else). Switching to rounds starts round 1
 * with `participants` (the facilitator first if among them); switching to open keeps the order.
 */
export function setBrainstormMode(doc: Y.Doc, mode: BrainstormMode, by: Participant, participants: readonly Participant[] = []): boolean {
  let allowed = false;
  doc.transact(() => {
    const map = roots(doc).brainstorm;
    allowed = actAsFacilitator(doc, by);
    if (!allowed || map.get('mode') === mode) return;
    map.set('mode', mode);
    if (mode === 'rounds') {
      const before = readRounds(map);
      const first = participants.find((p) => p.id === by.id) ?? (by.id ? { id: by.id, name: cleanName(by.name) } : null);
      const ordered = [...(first ? [first] : []), ...participants.filter((p) => p.id !== by.id)].map((p) => ({ id: p.id, name: cleanName(p.name) }));
      // Rounds of an earlier session go on counting, so ideas keep telling their rounds apart.
      const after = { ...startRounds(ordered), round: map.has('round') ? before.round + 1 : 1 };
      writeRounds(map, before, after);
    }
  });
  return allowed;
}

/** Silent collection on or off (the facilitator only; false for anyone else). */
export function setBrainstormSilent(doc: Y.Doc, silent: boolean, by: Participant): boolean {
  let allowed = false;
  doc.transact(() => {
    const map = roots(doc).brainstorm;
    allowed = actAsFacilitator(doc, by);
    if (allowed && (map.get('silent') === true) !== silent) map.set('silent', silent);
  });
  return allowed;
}

export function joinRounds(doc: Y.Doc, participant: Participant): RoundState {
  return updateRounds(doc, (state) => join(state, { id: participant.id, name: cleanName(participant.name) }));
}

/** Leave the turn order oneself. */
export function leaveRounds(doc: Y.Doc, participantId: string): RoundState {
  return updateRounds(doc, (state) => leave(state, participantId));
}

/** The facilitator takes someone out of the turn order (false for anyone else). */
export function removeFromRounds(doc: Y.Doc, participantId: string, by: Participant): boolean {
  return updateRoundsAsFacilitator(doc, (state) => leave(state, participantId), by);
}

/** Pass (or record an idea) on `participantId`'s turn; a no-op when it is not their turn. */
export function takeRoundTurn(doc: Y.Doc, participantId: string, outcome: TurnOutcome): RoundState {
  return updateRounds(doc, (state) => takeTurn(state, participantId, outcome));
}

/** The facilitator passes for whoever has the turn (false for anyone else). */
export function skipRoundTurn(doc: Y.Doc, by: Participant): boolean {
  return updateRoundsAsFacilitator(doc, skipTurn, by);
}

/** The facilitator starts the next round (false for anyone else). */
export function startNextRound(doc: Y.Doc, by: Participant): boolean {
  return updateRoundsAsFacilitator(doc, nextRound, by);
}

/**
 * Add an idea as this participant's turn: in rounds, only on their turn (then the turn moves on,
 * in the same transaction); in open mode any time. Returns the new idea's id, or null when it
 * was not their turn.
 */
export function addIdeaInTurn(doc: Y.Doc, input: IdeaInput, participantId: string): string | null {
  let id: string | null = null;
  // Checked here, as addIdea inside this transaction leaves it to us.
  if (checksBounds(doc)) ensureRoomForIdea(doc, input.text.trim());
  doc.transact(() => {
    const brainstorm = readBrainstorm(doc);
    if (brainstorm.mode === 'rounds') {
      if (brainstorm.rounds.finished || brainstorm.rounds.turn !== participantId) return;
      id = addIdea(doc, { ...input, round: brainstorm.rounds.round });
      takeRoundTurn(doc, participantId, 'idea');
    } else {
      id = addIdea(doc, input);
    }
  });
  return id;
}

/** The server's count of each participant's hidden ideas (replaces the whole set). */
export function setHiddenCounts(doc: Y.Doc, counts: readonly HiddenCount[]): void {
  doc.transact(() => {
    const map = roots(doc).brainstorm;
    let hidden = map.get('hidden');
    if (!(hidden instanceof Y.Map)) {
      hidden = new Y.Map<unknown>();
      map.set('hidden', hidden);
    }
    const target = hidden as Y.Map<unknown>;
    const wanted = new Map(counts.filter((c) => c.count > 0).map((c) => [c.participantId, c]));
    for (const id of [...target.keys()]) if (!wanted.has(id)) target.delete(id);
    for (const [id, c] of wanted) {
      const current = target.get(id);
      const name = cleanName(c.name);
      if (!isRecord(current) || current.count !== c.count || current.name !== name) target.set(id, { name, count: c.count });
    }
  });
}


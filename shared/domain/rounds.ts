// Brainstorm in rounds (runder): the turn passes participant by participant; each adds one idea
// or passes. Pure rules over a plain state, so they can be unit-tested and applied to the
// document as one transaction (shared/schema/brainstorm.ts).
//
// - Joining appends to the turn order. Someone joining mid-round takes their turn at the end of
//   this round (they are after everyone already in the order).
// - Leaving removes from the order; if it was their turn, the turn moves on.
// - Taking a turn (an idea or a pass) moves the turn to the next one who has not had it this
//   round. When everyone has had their turn, the round ends: the next round starts at the top of
//   the order — unless everyone passed, then the collection is finished (nobody has more ideas).

export type BrainstormMode = 'open' | 'rounds';
export type TurnOutcome = 'idea' | 'pass';

export interface Participant {
  /** Stable per-browser participant id. */
  id: string;
  name: string;
}

export interface RoundState {
  /** 1-based number of the round in progress (or the last one, when finished). */
  round: number;
  order: Participant[];
  /** Whose turn it is, or null (nobody in the order, or the collection is finished). */
  turn: string | null;
  /** What each participant did in this round. */
  took: Record<string, TurnOutcome>;
  /** Everyone passed in the last round: nobody has more ideas. */
  finished: boolean;
}

export function emptyRoundState(): RoundState {
  return { round: 1, order: [], turn: null, took: {}, finished: false };
}

/** The order without duplicates (first one wins) and without nameless junk. */
export function cleanOrder(order: readonly Participant[]): Participant[] {
  const seen = new Set<string>();
  const result: Participant[] = [];
  for (const p of order) {
    if (!p.id || seen.has(p.id)) continue;
    seen.add(p.id);
    result.push({ id: p.id, name: p.name });
  }
  return result;
}

/** Start round 1 with these participants in this order; the first has the turn. */
export function startRounds(participants: readonly Participant[]): RoundState {
  const order = cleanOrder(participants);
  return { round: 1, order, turn: order[0]?.id ?? null, took: {}, finished: false };
}

/** Participants still to take their turn in this round, in order. */
export function pending(state: RoundState): Participant[] {
  return state.order.filter((p) => state.took[p.id] === undefined);
}

/** Whether everyone in the order has had their turn this round. */
export function isRoundComplete(state: RoundState): boolean {
  return state.order.length > 0 && pending(state).length === 0;
}

/** The next participant without a turn this round, searching after `afterId` and wrapping round. */
function nextPending(order: readonly Participant[], took: Record<string, TurnOutcome>, afterIndex: number): string | null {
  for (let step = 1; step <= order.length; step++) {
    const p = order[(afterIndex + step) % order.length]!;
    if (took[p.id] === undefined) return p.id;
  }
  return null;
}

/** After a change: keep the turn valid, end the round when everyone has had theirs. */
function settle(state: RoundState, fromIndex: number): RoundState {
  if (state.order.length === 0) return { ...state, turn: null, took: {} };
  if (state.turn !== null && state.order.some((p) => p.id === state.turn) && state.took[state.turn] === undefined) return state;
  const next = nextPending(state.order, state.took, fromIndex);
  if (next !== null) return { ...state, turn: next };
  // Everyone had a turn: the round ends.
  const everyonePassed = state.order.every((p) => state.took[p.id] === 'pass');
  if (everyonePassed) return { ...state, turn: null, finished: true };
  return nextRound(state);
}

/** Start the next round from the top of the order (also after a finished collection). */
export function nextRound(state: RoundState): RoundState {
  return { ...state, round: state.round + 1, took: {}, turn: state.order[0]?.id ?? null, finished: false };
}

/** Add a participant at the end of the order (no-op when already in it; a new name is kept). */
export function join(state: RoundState, participant: Participant): RoundState {
  if (!participant.id) return state;
  const index = state.order.findIndex((p) => p.id === participant.id);
  if (index >= 0) {
    if (state.order[index]!.name === participant.name) return state;
    const order = state.order.map((p, i) => (i === index ? { ...p, name: participant.name } : p));
    return { ...state, order };
  }
  const order = [...state.order, { id: participant.id, name: participant.name }];
  // A finished collection stays finished: the facilitator starts a new round if wanted.
  if (state.finished) return { ...state, order };
  const joined = { ...state, order };
  return state.turn === null ? { ...joined, turn: participant.id } : joined;
}

/** Remove a participant; if it was their turn, the turn moves to the next one. */
export function leave(state: RoundState, id: string): RoundState {
  const index = state.order.findIndex((p) => p.id === id);
  if (index < 0) return state;
  const order = state.order.filter((p) => p.id !== id);
  const { [id]: _removed, ...took } = state.took;
  const wasTurn = state.turn === id;
  const next: RoundState = { ...state, order, took, turn: wasTurn ? null : state.turn };
  if (state.finished) return order.length === 0 ? { ...next, turn: null } : next;
  // Search from the one before the leaver's old place, so the one after them is next.
  return settle(next, index - 1 < 0 ? order.length - 1 : index - 1);
}

/**
 * `id` takes their turn: an idea or a pass. Only the participant whose turn it is may; anyone
 * else gets the state back unchanged (the caller can tell by comparing).
 */
export function takeTurn(state: RoundState, id: string, outcome: TurnOutcome): RoundState {
  if (state.finished || state.turn !== id) return state;
  const index = state.order.findIndex((p) => p.id === id);
  if (index < 0) return state;
  return settle({ ...state, took: { ...state.took, [id]: outcome }, turn: null }, index);
}

/** The facilitator passes on behalf of whoever has the turn (someone away from the keyboard). */
export function skipTurn(state: RoundState): RoundState {
  return state.turn === null ? state : takeTurn(state, state.turn, 'pass');
}

/** Whether `id` may add an idea now: any time in open mode, on their turn in rounds. */
export function mayAddIdea(mode: BrainstormMode, state: RoundState, id: string): boolean {
  return mode === 'open' || (!state.finished && state.turn === id);
}

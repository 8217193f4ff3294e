import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  emptyRoundState,
  isRoundComplete,
  join,
  leave,
  mayAddIdea,
  nextRound,
  pending,
  skipTurn,
  startRounds,
  takeTurn,
  type RoundState,
} from '../../shared/domain/rounds';
import {
  addIdeaInTurn,
  joinRounds,
  leaveRounds,
  readBrainstorm,
  readIdeas,
  roots,
  setBrainstormMode,
  setBrainstormSilent,
  setHiddenCounts,
  takeRoundTurn,
} from '../../shared/schema';

const anna = { id: 'anna', name: 'Anna' };
const bo = { id: 'bo', name: 'Bo' };
const cecilie = { id: 'cecilie', name: 'Cecilie' };
const ids = (s: RoundState) => s.order.map((p) => p.id);

describe('turn order in rounds', () => {
  it('starts with the first participant and passes the turn one by one', () => {
    let s = startRounds([anna, bo, cecilie]);
    expect(s).toMatchObject({ round: 1, turn: 'anna', finished: false });
    s = takeTurn(s, 'anna', 'idea');
    expect(s.turn).toBe('bo');
    s = takeTurn(s, 'bo', 'pass');
    expect(s.turn).toBe('cecilie');
    expect(pending(s).map((p) => p.id)).toEqual(['cecilie']);
  });

  it('ignores a turn taken by someone whose turn it is not', () => {
    const s = startRounds([anna, bo]);
    expect(takeTurn(s, 'bo', 'idea')).toBe(s);
    expect(takeTurn(s, 'nobody', 'pass')).toBe(s);
  });

  it('ends a round when everyone has had a turn and starts the next from the top', () => {
    let s = startRounds([anna, bo]);
    s = takeTurn(s, 'anna', 'idea');
    expect(isRoundComplete(s)).toBe(false);
    s = takeTurn(s, 'bo', 'pass');
    expect(s).toMatchObject({ round: 2, turn: 'anna', took: {}, finished: false });
  });

  it('finishes the collection when everyone passed in a round', () => {
    let s = startRounds([anna, bo]);
    s = takeTurn(takeTurn(s, 'anna', 'pass'), 'bo', 'pass');
    expect(s).toMatchObject({ round: 1, turn: null, finished: true });
    expect(mayAddIdea('rounds', s, 'anna')).toBe(false);
    expect(takeTurn(s, 'anna', 'idea')).toBe(s);
    // The facilitator can start again.
    expect(nextRound(s)).toMatchObject({ round: 2, turn: 'anna', finished: false, took: {} });
  });

  it('appends a joiner, who takes their turn at the end of the running round', () => {
    let s = startRounds([anna, bo]);
    s = takeTurn(s, 'anna', 'idea');
    s = join(s, cecilie);
    expect(ids(s)).toEqual(['anna', 'bo', 'cecilie']);
    expect(s.turn).toBe('bo');
    s = takeTurn(s, 'bo', 'idea');
    expect(s.turn).toBe('cecilie');
    s = takeTurn(s, 'cecilie', 'idea');
    expect(s).toMatchObject({ round: 2, turn: 'anna' });
  });

  it('gives the turn to the first joiner of an empty round and never adds anyone twice', () => {
    let s = join(emptyRoundState(), bo);
    expect(s.turn).toBe('bo');
    s = join(s, bo);
    expect(ids(s)).toEqual(['bo']);
    s = join(s, { id: 'bo', name: 'Bo B.' });
    expect(s.order).toEqual([{ id: 'bo', name: 'Bo B.' }]);
  });

  it('moves the turn on when the one who has it leaves', () => {
    let s = startRounds([anna, bo, cecilie]);
    s = takeTurn(s, 'anna', 'idea');
    s = leave(s, 'bo');
    expect(ids(s)).toEqual(['anna', 'cecilie']);
    expect(s.turn).toBe('cecilie');
  });

  it('keeps the turn when someone else leaves, and ends the round if the leaver was the last one waiting', () => {
    let s = startRounds([anna, bo, cecilie]);
    s = leave(s, 'cecilie');
    expect(s.turn).toBe('anna');
    s = takeTurn(s, 'anna', 'idea');
    expect(s.turn).toBe('bo');
    s = leave(s, 'bo');
    expect(s).toMatchObject({ round: 2, turn: 'anna', took: {} });
  });

  it('empties cleanly when the last one leaves', () => {
    const s = leave(startRounds([anna]), 'anna');
    expect(s).toMatchObject({ order: [], turn: null, took: {} });
  });

  it('lets the facilitator skip someone away from the keyboard (a pass on their behalf)', () => {
    let s = startRounds([anna, bo]);
    s = skipTurn(s);
    expect(s.took).toEqual({ anna: 'pass' });
    expect(s.turn).toBe('bo');
  });

  it('allows ideas any time in open mode', () => {
    expect(mayAddIdea('open', emptyRoundState(), 'anyone')).toBe(true);
    expect(mayAddIdea('rounds', startRounds([anna, bo]), 'bo')).toBe(false);
  });
});

describe('the brainstorm in the document', () => {
  it('starts rounds with the facilitator first and adds ideas only on the turn', () => {
    const doc = new Y.Doc();
    setBrainstormMode(doc, 'rounds', bo, [anna, bo]);
    let b = readBrainstorm(doc);
    expect(b).toMatchObject({ mode: 'rounds', facilitator: bo });
    expect(ids(b.rounds)).toEqual(['bo', 'anna']);
    expect(addIdeaInTurn(doc, { text: 'Not yet', author: 'Anna', color: '#fff3a3' }, 'anna')).toBeNull();
    expect(addIdeaInTurn(doc, { text: 'Kampagne', author: 'Bo', color: '#fff3a3' }, 'bo')).not.toBeNull();
    b = readBrainstorm(doc);
    expect(b.rounds).toMatchObject({ turn: 'anna', took: { bo: 'idea' } });
    expect(readIdeas(doc)[0]).toMatchObject({ text: 'Kampagne', round: 1 });
    takeRoundTurn(doc, 'anna', 'pass');
    expect(readBrainstorm(doc).rounds).toMatchObject({ round: 2, turn: 'bo', took: {} });
  });

  it('keeps both of two people who join at the same moment', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setBrainstormMode(a, 'rounds', anna, [anna]);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    joinRounds(a, bo);
    joinRounds(b, cecilie);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(ids(readBrainstorm(a).rounds).sort()).toEqual(['anna', 'bo', 'cecilie']);
    expect(readBrainstorm(a)).toEqual(readBrainstorm(b));
  });

  it('removes a leaver and reads junk as an open brainstorm', () => {
    const doc = new Y.Doc();
    setBrainstormMode(doc, 'rounds', anna, [anna, bo]);
    leaveRounds(doc, 'anna');
    expect(readBrainstorm(doc).rounds).toMatchObject({ turn: 'bo', order: [bo] });
    const junk = new Y.Doc();
    const map = roots(junk).brainstorm;
    map.set('mode', 'chaos');
    map.set('round', -3);
    map.set('order', 'nope');
    map.set('turn', 42);
    map.set('facilitator', { name: 'no id' });
    expect(readBrainstorm(junk)).toMatchObject({ mode: 'open', silent: false, facilitator: null, rounds: { round: 1, order: [], turn: null } });
  });

  it('records silence and the server’s hidden counts (names and counts only)', () => {
    const doc = new Y.Doc();
    setBrainstormSilent(doc, true, anna);
    setHiddenCounts(doc, [
      { participantId: 'bo', name: 'Bo', count: 1 },
      { participantId: 'anna', name: 'Anna', count: 2 },
      { participantId: 'zero', name: 'Z', count: 0 },
    ]);
    expect(readBrainstorm(doc)).toMatchObject({ silent: true, facilitator: anna });
    expect(readBrainstorm(doc).hidden).toEqual([
      { participantId: 'anna', name: 'Anna', count: 2 },
      { participantId: 'bo', name: 'Bo', count: 1 },
    ]);
    setHiddenCounts(doc, []);
    expect(readBrainstorm(doc).hidden).toEqual([]);
  });
});

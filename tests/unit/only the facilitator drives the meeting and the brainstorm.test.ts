// Issue 9: one facilitator for the meeting and the brainstorm, identified by participant id. Only
// the facilitator moves steps, changes the length, ends the meeting, sets the brainstorm's mode and
// silence and runs the rounds; every such verb is a no-op returning false for anyone else, and
// taking over is explicit.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  cancelMeeting,
  endMeeting,
  isFacilitator,
  readBrainstorm,
  readFacilitator,
  readMeeting,
  removeFromRounds,
  roots,
  setBrainstormMode,
  setBrainstormSilent,
  setMeetingDuration,
  setMeetingStep,
  skipRoundTurn,
  startMeeting,
  startNextRound,
  takeFacilitator,
} from '../../shared/schema';

const mette = { id: 'mette-id', name: 'Mette' };
const lars = { id: 'lars-id', name: 'Lars' };
// Another Mette on another laptop: the same name, another participant.
const otherMette = { id: 'other-mette', name: 'Mette' };
const T0 = '2026-12-02T08:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

function meetingLedByMette(): Y.Doc {
  const doc = new Y.Doc();
  startMeeting(doc, { by: mette, at: T0 });
  return doc;
}

describe('only the facilitator moves the meeting', () => {
  it('is whoever pressed Start møde, by id; the others cannot move, resize, end or cancel it', () => {
    const doc = meetingLedByMette();
    expect(readFacilitator(doc)).toEqual(mette);
    expect(readMeeting(doc)).toMatchObject({ facilitator: 'Mette', facilitatorId: 'mette-id' });
    expect(setMeetingStep(doc, 1, lars, at(1))).toBe(false);
    expect(setMeetingStep(doc, 1, otherMette, at(1))).toBe(false);
    expect(setMeetingStep(doc, 1, 'Mette', at(1))).toBe(false);
    expect(setMeetingDuration(doc, 30, lars)).toBe(false);
    expect(endMeeting(doc, { by: lars, at: at(2) })).toBeNull();
    expect(cancelMeeting(doc, lars)).toBe(false);
    expect(readMeeting(doc)).toMatchObject({ step: 0, durationMinutes: 15 });
    expect(setMeetingStep(doc, 1, mette, at(3))).toBe(true);
    expect(setMeetingDuration(doc, 20, mette)).toBe(true);
    expect(readMeeting(doc)).toMatchObject({ step: 1, stepChangedBy: 'Mette', durationMinutes: 20 });
  });

  it('takes over explicitly: the new facilitator drives, the previous one no longer does', () => {
    const doc = meetingLedByMette();
    expect(takeFacilitator(doc, lars)).toBe(true);
    expect(readFacilitator(doc)).toEqual(lars);
    expect(setMeetingStep(doc, 2, mette, at(1))).toBe(false);
    expect(setMeetingStep(doc, 2, lars, at(1))).toBe(true);
    const minutes = endMeeting(doc, { by: lars, at: at(15) })!;
    expect(minutes).toMatchObject({ facilitator: 'Lars', facilitatorId: 'lars-id', endedBy: 'Lars' });
    // The meeting's facilitator goes on leading the brainstorm.
    expect(readFacilitator(doc)).toEqual(lars);
  });

  it('two taking over at once end up with one facilitator, the same on both laptops', () => {
    const a = meetingLedByMette();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    takeFacilitator(a, lars);
    takeFacilitator(b, otherMette);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const winner = readFacilitator(a);
    expect(winner).toEqual(readFacilitator(b));
    expect([lars.id, otherMette.id]).toContain(winner!.id);
    expect(readMeeting(a)!.facilitator).toBe(winner!.name);
  });

  it('keeps a meeting without a facilitator id (an old client, a script) drivable by anyone', () => {
    const doc = new Y.Doc();
    startMeeting(doc, { by: 'Anna', at: T0 });
    expect(readFacilitator(doc)).toBeNull();
    expect(setMeetingStep(doc, 1, 'Bo', at(1))).toBe(true);
    // A participant who drives it becomes its facilitator; from then on it is theirs.
    expect(setMeetingStep(doc, 2, lars, at(2))).toBe(true);
    expect(readFacilitator(doc)).toEqual(lars);
    expect(setMeetingStep(doc, 3, 'Bo', at(3))).toBe(false);
  });
});

describe('one facilitator for the meeting and the brainstorm', () => {
  it('the meeting’s facilitator leads the brainstorm; the others cannot switch the mode, silence or rounds', () => {
    const doc = meetingLedByMette();
    expect(readBrainstorm(doc).facilitator).toEqual(mette);
    expect(setBrainstormMode(doc, 'rounds', lars, [lars, mette])).toBe(false);
    expect(setBrainstormSilent(doc, true, lars)).toBe(false);
    expect(readBrainstorm(doc)).toMatchObject({ mode: 'open', silent: false, facilitator: mette });
    expect(setBrainstormMode(doc, 'rounds', mette, [lars, mette])).toBe(true);
    expect(readBrainstorm(doc).rounds).toMatchObject({ turn: 'mette-id' });
    expect(skipRoundTurn(doc, lars)).toBe(false);
    expect(removeFromRounds(doc, 'mette-id', lars)).toBe(false);
    expect(startNextRound(doc, lars)).toBe(false);
    expect(readBrainstorm(doc).rounds).toMatchObject({ round: 1, turn: 'mette-id' });
    expect(skipRoundTurn(doc, mette)).toBe(true);
    expect(readBrainstorm(doc).rounds.turn).toBe('lars-id');
    expect(removeFromRounds(doc, 'lars-id', mette)).toBe(true);
    expect(readBrainstorm(doc).rounds.order).toEqual([mette]);
    // The brainstorm's own key is not written while a meeting leads.
    expect(roots(doc).brainstorm.get('facilitator')).toBeUndefined();
  });

  it('without a meeting, the first to set the mode leads; the second is refused until taking over', () => {
    const doc = new Y.Doc();
    expect(isFacilitator(doc, lars)).toBe(true);
    expect(setBrainstormMode(doc, 'rounds', mette, [mette, lars])).toBe(true);
    expect(readBrainstorm(doc).facilitator).toEqual(mette);
    expect(isFacilitator(doc, lars)).toBe(false);
    expect(setBrainstormMode(doc, 'open', lars)).toBe(false);
    expect(readBrainstorm(doc).mode).toBe('rounds');
    takeFacilitator(doc, lars);
    expect(setBrainstormMode(doc, 'open', lars)).toBe(true);
    expect(readBrainstorm(doc)).toMatchObject({ mode: 'open', facilitator: lars });
  });

  it('a meeting started after a brainstorm is led by whoever starts it, and its end hands the lead back', () => {
    const doc = new Y.Doc();
    setBrainstormSilent(doc, true, lars);
    startMeeting(doc, { by: mette, at: T0 });
    expect(readBrainstorm(doc).facilitator).toEqual(mette);
    expect(setBrainstormSilent(doc, false, lars)).toBe(false);
    endMeeting(doc, { by: mette, at: at(15) });
    expect(readBrainstorm(doc).facilitator).toEqual(mette);
    expect(roots(doc).brainstorm.get('facilitator')).toEqual(mette);
  });

  it('reads a brainstorm facilitator of the old shape and ignores junk', () => {
    const doc = new Y.Doc();
    roots(doc).brainstorm.set('facilitator', { id: 'old', name: 'Hanne' });
    expect(readFacilitator(doc)).toEqual({ id: 'old', name: 'Hanne' });
    roots(doc).brainstorm.set('facilitator', 'Hanne');
    expect(readFacilitator(doc)).toBeNull();
    const meeting = new Y.Map<unknown>();
    meeting.set('facilitatorId', 7);
    roots(doc).meeting.set('current', meeting);
    expect(readFacilitator(doc)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  cancelMeeting,
  endMeeting,
  joinMeeting,
  MEETING_ORIGIN,
  readActions,
  readMeeting,
  readMeta,
  readMinutes,
  readPreferredDuration,
  removeAction,
  roots,
  setActionDeadline,
  setActionResponsible,
  setActionStatus,
  setMeetingDuration,
  setMeetingStep,
  startMeeting,
} from '../../shared/schema';

const T0 = '2026-11-25T13:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('the meeting in the board document', () => {
  it('starts with the facilitator, step 1, the chosen length, and remembers the length for next time', () => {
    const doc = new Y.Doc();
    expect(readMeeting(doc)).toBeNull();
    const id = startMeeting(doc, { by: 'Anna', at: T0, durationMinutes: 20 });
    const meeting = readMeeting(doc)!;
    expect(meeting).toMatchObject({ id, startedAt: T0, facilitator: 'Anna', durationMinutes: 20, step: 0, stepChangedAt: T0, since: null, participants: ['Anna'] });
    expect(readPreferredDuration(doc)).toBe(20);
  });

  it('a second Start møde while one runs keeps the running meeting', () => {
    const doc = new Y.Doc();
    const first = startMeeting(doc, { by: 'Anna', at: T0 });
    expect(startMeeting(doc, { by: 'Bo', at: at(1) })).toBe(first);
    expect(readMeeting(doc)!.facilitator).toBe('Anna');
  });

  it('two people pressing Start møde at once end up with one whole meeting, not a mix', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    startMeeting(a, { by: 'Anna', at: T0, durationMinutes: 15 });
    startMeeting(b, { by: 'Bo', at: at(0.5), durationMinutes: 30 });
    sync(a, b);
    const ma = readMeeting(a)!;
    expect(readMeeting(b)).toEqual(ma);
    const mine = ma.facilitator === 'Anna' ? { startedAt: T0, durationMinutes: 15 } : { startedAt: at(0.5), durationMinutes: 30 };
    expect(ma).toMatchObject(mine);
  });

  it('anyone may move the steps; steps are clamped to the agenda and record who and when', () => {
    const doc = new Y.Doc();
    startMeeting(doc, { by: 'Anna', at: T0 });
    setMeetingStep(doc, 1, 'Bo', at(3));
    expect(readMeeting(doc)).toMatchObject({ step: 1, stepChangedAt: at(3), stepChangedBy: 'Bo', facilitator: 'Anna' });
    setMeetingStep(doc, 99, 'Bo', at(4));
    expect(readMeeting(doc)!.step).toBe(4);
    setMeetingStep(doc, 4, 'Carl', at(5));
    expect(readMeeting(doc)).toMatchObject({ stepChangedAt: at(4), stepChangedBy: 'Bo' });
  });

  it('a late joiner gets the same state from the document', () => {
    const a = new Y.Doc();
    startMeeting(a, { by: 'Anna', at: T0, durationMinutes: 25 });
    setMeetingStep(a, 2, 'Anna', at(6));
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(a));
    expect(readMeeting(late)).toEqual(readMeeting(a));
  });

  it('records participants once, in the order they joined; no "?" names', () => {
    const doc = new Y.Doc();
    startMeeting(doc, { by: 'Anna', at: T0 });
    joinMeeting(doc, 'Bo', at(1));
    joinMeeting(doc, 'Carl', at(2));
    joinMeeting(doc, 'Bo', at(3));
    joinMeeting(doc, '?', at(3));
    joinMeeting(doc, '  ', at(3));
    expect(readMeeting(doc)!.participants).toEqual(['Anna', 'Bo', 'Carl']);
  });

  it('changes the duration within 15–30 minutes', () => {
    const doc = new Y.Doc();
    startMeeting(doc, { by: 'Anna', at: T0 });
    setMeetingDuration(doc, 45);
    expect(readMeeting(doc)!.durationMinutes).toBe(30);
    setMeetingDuration(doc, 5);
    expect(readMeeting(doc)!.durationMinutes).toBe(15);
  });

  it('Afslut møde writes minutes with participants and the decisions, and sets lastMeetingAt', () => {
    const doc = new Y.Doc();
    const kept = addAction(doc, { title: 'Unchanged', by: 'Anna', at: at(-100) });
    const moved = addAction(doc, { title: 'New responsible', responsible: 'Erik', deadline: '2026-12-01', by: 'Anna', at: at(-100) });
    const started = addAction(doc, { title: 'Gets started', by: 'Anna', at: at(-100) });
    const gone = addAction(doc, { title: 'Dropped', by: 'Anna', at: at(-100) });
    startMeeting(doc, { by: 'Anna', at: T0 });
    joinMeeting(doc, 'Bo', at(1));
    setActionResponsible(doc, moved, 'Ulla');
    setActionDeadline(doc, moved, '2026-12-15');
    setActionStatus(doc, started, 'started', 'Bo', at(5));
    removeAction(doc, gone);
    const created = addAction(doc, { title: 'Kampagne', responsible: 'Peter', deadline: '2027-01-31', by: 'Bo', at: at(12) });
    const minutes = endMeeting(doc, { by: 'Anna', at: at(16), participants: ['Carl', '?', 'Bo'] })!;

    expect(readMeeting(doc)).toBeNull();
    expect(readMeta(doc).lastMeetingAt).toBe(at(16));
    expect(readMinutes(doc)).toEqual([minutes]);
    expect(minutes).toMatchObject({ startedAt: T0, endedAt: at(16), facilitator: 'Anna', endedBy: 'Anna', durationMinutes: 15, since: null });
    expect(minutes.participants).toEqual(['Anna', 'Bo', 'Carl']);
    const byId = Object.fromEntries(minutes.decisions.map((d) => [d.actionId, d]));
    expect(byId[kept]).toBeUndefined();
    expect(byId[created]).toMatchObject({ kind: 'created', title: 'Kampagne', responsible: 'Peter', deadline: '2027-01-31', status: 'decided' });
    expect(byId[moved]).toMatchObject({ kind: 'changed', changes: ['responsible', 'deadline'], responsible: 'Ulla', before: { responsible: 'Erik' } });
    expect(byId[started]).toMatchObject({ kind: 'changed', changes: ['status'], status: 'started' });
    expect(byId[gone]).toMatchObject({ kind: 'removed', title: 'Dropped' });
    expect(minutes.decisions.map((d) => d.kind)).toEqual(['changed', 'changed', 'created', 'removed']);
  });

  it('the next meeting starts "Siden sidst" where the previous one ended', () => {
    const doc = new Y.Doc();
    startMeeting(doc, { by: 'Anna', at: T0 });
    endMeeting(doc, { by: 'Anna', at: at(15) });
    startMeeting(doc, { by: 'Bo', at: at(60 * 24 * 7) });
    expect(readMeeting(doc)!.since).toBe(at(15));
    endMeeting(doc, { by: 'Bo', at: at(60 * 24 * 7 + 14) });
    expect(readMinutes(doc).map((m) => m.endedAt)).toEqual([at(60 * 24 * 7 + 14), at(15)]);
  });

  it('ending or cancelling when no meeting runs does nothing', () => {
    const doc = new Y.Doc();
    expect(endMeeting(doc, { by: 'Anna', at: T0 })).toBeNull();
    expect(readMinutes(doc)).toEqual([]);
    startMeeting(doc, { by: 'Anna', at: T0 });
    cancelMeeting(doc);
    expect(readMeeting(doc)).toBeNull();
    expect(readMinutes(doc)).toEqual([]);
    expect(readMeta(doc).lastMeetingAt).toBeNull();
  });

  it('meeting writes are never undone by the undo manager (it tracks only our own edits)', () => {
    const doc = new Y.Doc();
    const { meta, goals, ideas, actions } = roots(doc);
    const undo = new Y.UndoManager([meta, goals, ideas, actions], { trackedOrigins: new Set([null]) });
    addAction(doc, { title: 'Mine', by: 'Anna' });
    undo.stopCapturing();
    startMeeting(doc, { by: 'Anna', at: T0 });
    endMeeting(doc, { by: 'Anna', at: at(15) });
    undo.undo();
    expect(readActions(doc)).toEqual([]);
    expect(readMinutes(doc)).toHaveLength(1);
    expect(undo.canUndo()).toBe(false);
    // A transaction with the meeting origin is not on the stack.
    doc.transact(() => meta.set('title', 'x'), MEETING_ORIGIN);
    expect(undo.canUndo()).toBe(false);
  });

  it('an update from someone else (origin: the provider) is never undone', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    const { meta, goals, ideas, actions } = roots(mine);
    const undo = new Y.UndoManager([meta, goals, ideas, actions], { trackedOrigins: new Set([null]) });
    const provider = { name: 'websocket' };
    addAction(theirs, { title: 'Theirs', by: 'Bo' });
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs), provider);
    addAction(mine, { title: 'Mine', by: 'Anna' });
    undo.undo();
    expect(readActions(mine).map((a) => a.title)).toEqual(['Theirs']);
    undo.redo();
    expect(readActions(mine).map((a) => a.title).sort()).toEqual(['Mine', 'Theirs']);
  });
});

describe('meeting readers tolerate junk', () => {
  it('a junk current entry or junk fields never throw', () => {
    const doc = new Y.Doc();
    roots(doc).meeting.set('current', 'running');
    expect(readMeeting(doc)).toBeNull();
    const map = new Y.Map<unknown>();
    map.set('startedAt', 'soon');
    map.set('step', 'two');
    map.set('durationMinutes', 999);
    map.set('participants', [1, 2]);
    map.set('baseline', { a: 'x', b: { title: 5, status: 'nope', deadline: '2026-02-30' } });
    map.set('since', 12);
    roots(doc).meeting.set('current', map);
    expect(readMeeting(doc)).toEqual({
      id: '',
      startedAt: '',
      facilitator: '',
      facilitatorId: '',
      durationMinutes: 30,
      step: 0,
      stepChangedAt: '',
      stepChangedBy: '',
      since: null,
      baseline: { b: { title: '', responsible: '', deadline: null, status: 'decided' } },
      participants: [],
    });
    // Ending a junk meeting still works and writes readable minutes.
    const minutes = endMeeting(doc, { by: 'Anna', at: T0 })!;
    expect(minutes.startedAt).toBe(T0);
    expect(readMinutes(doc)).toHaveLength(1);
  });

  it('junk minutes are dropped, partial ones are read as best they can be', () => {
    const doc = new Y.Doc();
    const minutes = new Y.Map<unknown>();
    minutes.set('a', 'text');
    minutes.set('b', { endedAt: 'never' });
    minutes.set('c', { endedAt: T0, participants: ['Anna', 3, ''], decisions: [null, { actionId: 'x', kind: 'weird', title: 'T', status: 'started', changes: ['status', 'colour'] }] });
    roots(doc).meta.set('meetingMinutes', minutes);
    expect(readMinutes(doc)).toEqual([
      {
        id: 'c',
        // Minutes from before issue 9 have no number: they count by their order.
        number: 1,
        startedAt: T0,
        endedAt: T0,
        facilitator: '',
        facilitatorId: '',
        endedBy: '',
        durationMinutes: 15,
        participants: ['Anna'],
        decisions: [{ actionId: 'x', kind: 'changed', changes: ['status'], title: 'T', responsible: '', deadline: null, status: 'started' }],
        since: null,
        goals: [],
        openActions: [],
      },
    ]);
    roots(doc).meta.set('meetingMinutes', 7);
    expect(readMinutes(doc)).toEqual([]);
  });
});

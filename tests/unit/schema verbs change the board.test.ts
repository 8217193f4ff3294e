import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addGoal,
  addIdea,
  assessIdea,
  askQuestion,
  initBoard,
  promoteToAction,
  readActions,
  readGoals,
  readIdeas,
  readMeta,
  removeAction,
  removeIdea,
  setActionDeadline,
  setActionResponsible,
  setActionStatus,
  setActionTitle,
  setActual,
  setIdeaText,
  setTarget,
  updateGoal,
} from '../../shared/schema';

/** Two replicas that exchange every update, like two browsers on one board. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
  return [a, b];
}

describe('goals', () => {
  it('are created, edited and measured per period', () => {
    const doc = new Y.Doc();
    initBoard(doc, { title: 'Digital Post i Borgerservice', createdAt: '2026-11-25T10:00:00Z' });
    const id = addGoal(doc, { name: ' Andel breve sendt digitalt ', unit: '%' });
    setTarget(doc, id, '2026-07', 72);
    setActual(doc, id, '2026-07', 68);
    setActual(doc, id, '2026-08', 67);
    setActual(doc, id, '2026-08', null);
    updateGoal(doc, id, { owner: 'Centerchef Hanne', direction: 'up' });
    const [goal] = readGoals(doc);
    expect(readMeta(doc).title).toBe('Digital Post i Borgerservice');
    expect(goal).toMatchObject({ name: 'Andel breve sendt digitalt', unit: '%', owner: 'Centerchef Hanne', targets: { '2026-07': 72 }, actuals: { '2026-07': 68 } });
  });

  it('refuse a period that is not one and a number that is not finite', () => {
    const doc = new Y.Doc();
    const id = addGoal(doc, { name: 'x' });
    expect(() => setTarget(doc, id, 'juli', 1)).toThrow(RangeError);
    expect(() => setActual(doc, id, '2026-07', Number.NaN)).toThrow(RangeError);
  });

  it('keep order of creation', () => {
    const doc = new Y.Doc();
    addGoal(doc, { name: 'first' });
    addGoal(doc, { name: 'second' });
    expect(readGoals(doc).map((g) => g.name)).toEqual(['first', 'second']);
  });
});

describe('ideas', () => {
  it('are added, assessed into a zone, un-assessed and removed', () => {
    const doc = new Y.Doc();
    const id = addIdea(doc, { text: 'Kampagne på biblioteket', author: 'Erik', color: '#fff3a3' });
    assessIdea(doc, id, { effect: 0.8, resources: 0.3 });
    expect(readIdeas(doc)[0]).toMatchObject({ zone: 'green', position: { effect: 0.8, resources: 0.3 } });
    assessIdea(doc, id, { effect: 1.4, resources: -1 });
    expect(readIdeas(doc)[0]!.position).toEqual({ effect: 1, resources: 0 });
    assessIdea(doc, id, null);
    expect(readIdeas(doc)[0]).toMatchObject({ zone: null, position: null });
    askQuestion(doc, id, { author: 'Ulla', text: ' Hvornår? ', at: '2026-11-25T10:00:00Z' });
    expect(readIdeas(doc)[0]!.questions).toEqual([{ author: 'Ulla', text: 'Hvornår?', at: '2026-11-25T10:00:00Z' }]);
    removeIdea(doc, id);
    expect(readIdeas(doc)).toEqual([]);
  });

  it('merge two people editing the same text at once', () => {
    const [a, b] = pair();
    const id = addIdea(a, { text: 'Skærm i venteområdet', author: 'Peter', color: '#caffbf' });
    // Disconnect, edit both sides, reconnect by exchanging state.
    const a2 = new Y.Doc();
    const b2 = new Y.Doc();
    Y.applyUpdate(a2, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(b2, Y.encodeStateAsUpdate(b));
    setIdeaText(a2, id, 'Stor skærm i venteområdet');
    setIdeaText(b2, id, 'Skærm i venteområdet med video');
    Y.applyUpdate(a2, Y.encodeStateAsUpdate(b2));
    Y.applyUpdate(b2, Y.encodeStateAsUpdate(a2));
    expect(readIdeas(a2)[0]!.text).toBe('Stor skærm i venteområdet med video');
    expect(readIdeas(b2)[0]!.text).toBe('Stor skærm i venteområdet med video');
  });
});

describe('actions', () => {
  it('come from an idea once, titled like it, and record status history', () => {
    const doc = new Y.Doc();
    const ideaId = addIdea(doc, { text: 'Ny tekst i fritagelsesbrevet', author: 'Peter', color: '#caffbf' });
    const actionId = promoteToAction(doc, ideaId, 'Hanne', '2026-11-25T10:00:00Z');
    expect(promoteToAction(doc, ideaId, 'Hanne')).toBe(actionId);
    expect(readActions(doc)).toHaveLength(1);
    expect(readIdeas(doc)[0]!.actionId).toBe(actionId);

    setActionResponsible(doc, actionId!, ' Peter ');
    setActionDeadline(doc, actionId!, '2026-12-15');
    setActionStatus(doc, actionId!, 'started', 'Peter', '2026-11-26T09:00:00Z');
    setActionStatus(doc, actionId!, 'started', 'Peter', '2026-11-26T09:01:00Z');
    const [action] = readActions(doc);
    expect(action).toMatchObject({ title: 'Ny tekst i fritagelsesbrevet', responsible: 'Peter', deadline: '2026-12-15', status: 'started', ideaId });
    expect(action!.history).toEqual([
      { status: 'decided', at: '2026-11-25T10:00:00Z', by: 'Hanne' },
      { status: 'started', at: '2026-11-26T09:00:00Z', by: 'Peter' },
    ]);
    expect(() => setActionDeadline(doc, actionId!, '15. dec.')).toThrow(RangeError);

    removeAction(doc, actionId!);
    expect(readActions(doc)).toEqual([]);
    expect(readIdeas(doc)[0]!.actionId).toBeUndefined();
  });

  it('keep both of two concurrent changes to different fields', () => {
    const [a, b] = pair();
    const ideaId = addIdea(a, { text: 'Kampagne', author: 'Erik', color: '#fff3a3' });
    const actionId = promoteToAction(a, ideaId, 'Erik')!;
    const a2 = new Y.Doc();
    const b2 = new Y.Doc();
    Y.applyUpdate(a2, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(b2, Y.encodeStateAsUpdate(b));
    setActionResponsible(a2, actionId, 'Erik');
    setActionDeadline(b2, actionId, '2026-10-01');
    setActionTitle(b2, actionId, 'Kampagne på biblioteket');
    Y.applyUpdate(a2, Y.encodeStateAsUpdate(b2));
    Y.applyUpdate(b2, Y.encodeStateAsUpdate(a2));
    for (const doc of [a2, b2]) {
      expect(readActions(doc)[0]).toMatchObject({ responsible: 'Erik', deadline: '2026-10-01', title: 'Kampagne på biblioteket' });
    }
  });
});

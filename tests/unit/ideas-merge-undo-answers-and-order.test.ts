import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIdea,
  answerQuestion,
  askQuestion,
  assessIdea,
  mergeIdeas,
  promoteToAction,
  readActions,
  readIdeas,
  removeIdeaWithSnapshot,
  restoreIdea,
  roots,
} from '../../shared/schema';
import { sortByZone } from '../../shared/domain/ideaOrder';
import { zoneOf } from '../../shared/domain/zones';
import { isDraftKey, newDraftKey } from '../../shared/domain/drafts';

const idea = (doc: Y.Doc, text: string, author: string, createdAt = '2026-11-25T10:00:00Z') => addIdea(doc, { text, author, color: '#fff3a3', createdAt });

describe('clarifying questions and the author’s answers', () => {
  it('threads answers under the question they answer', () => {
    const doc = new Y.Doc();
    const id = idea(doc, 'Kampagne på biblioteket', 'Anna');
    askQuestion(doc, id, { author: 'Bo', text: 'Hvilket bibliotek?', at: '2026-11-25T10:01:00Z' });
    askQuestion(doc, id, { author: 'Cecilie', text: 'Hvornår?', at: '2026-11-25T10:02:00Z' });
    answerQuestion(doc, id, { at: '2026-11-25T10:01:00Z', author: 'Bo' }, { author: 'Anna', text: ' Hovedbiblioteket ', at: '2026-11-25T10:03:00Z' });
    answerQuestion(doc, id, { at: '2026-11-25T10:02:00Z', author: 'Cecilie' }, { author: 'Anna', text: '   ' });
    const [q1, q2] = readIdeas(doc)[0]!.questions;
    expect(q1).toEqual({ author: 'Bo', text: 'Hvilket bibliotek?', at: '2026-11-25T10:01:00Z', answers: [{ author: 'Anna', text: 'Hovedbiblioteket', at: '2026-11-25T10:03:00Z' }] });
    expect(q2!.answers).toBeUndefined();
  });
});

describe('merging duplicates', () => {
  it('keeps both texts and both authors, moves questions and answers, and removes the other — one transaction', () => {
    const doc = new Y.Doc();
    const keep = idea(doc, 'Kampagne på biblioteket', 'Anna');
    const other = idea(doc, 'Plakater på biblioteket', 'Bo');
    askQuestion(doc, other, { author: 'Cecilie', text: 'Hvor mange?', at: '2026-11-25T10:05:00Z' });
    answerQuestion(doc, other, { at: '2026-11-25T10:05:00Z', author: 'Cecilie' }, { author: 'Bo', text: 'Ti', at: '2026-11-25T10:06:00Z' });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    expect(mergeIdeas(doc, keep, other)).toBe(true);
    expect(transactions).toBe(1);
    const ideas = readIdeas(doc);
    expect(ideas).toHaveLength(1);
    expect(ideas[0]).toMatchObject({ id: keep, text: 'Kampagne på biblioteket\nPlakater på biblioteket', author: 'Anna', authors: ['Anna', 'Bo'] });
    expect(ideas[0]!.questions).toEqual([{ author: 'Cecilie', text: 'Hvor mange?', at: '2026-11-25T10:05:00Z', answers: [{ author: 'Bo', text: 'Ti', at: '2026-11-25T10:06:00Z' }] }]);
  });

  it('takes over the other’s assessment and action when the kept one has none', () => {
    const doc = new Y.Doc();
    const keep = idea(doc, 'A', 'Anna');
    const other = idea(doc, 'B', 'Bo');
    assessIdea(doc, other, { effect: 0.8, resources: 0.2 });
    const actionId = promoteToAction(doc, other, 'Bo')!;
    mergeIdeas(doc, keep, other);
    expect(readIdeas(doc)[0]).toMatchObject({ id: keep, zone: 'green', actionId });
    expect(readActions(doc)[0]!.ideaId).toBe(keep);
  });

  it('refuses to merge a post-it with itself or with one that is gone', () => {
    const doc = new Y.Doc();
    const keep = idea(doc, 'A', 'Anna');
    expect(mergeIdeas(doc, keep, keep)).toBe(false);
    expect(mergeIdeas(doc, keep, 'gone')).toBe(false);
    expect(readIdeas(doc)).toHaveLength(1);
  });

  it('lets an edit made at the same time to the kept text survive', () => {
    const a = new Y.Doc();
    const keep = idea(a, 'Kampagne', 'Anna');
    const other = idea(a, 'Plakater', 'Bo');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    mergeIdeas(a, keep, other);
    const text = roots(b).ideas.get(keep) as Y.Map<unknown>;
    (text.get('text') as Y.Text).insert(0, 'Stor ');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readIdeas(a)[0]!.text).toBe('Stor Kampagne\nPlakater');
  });
});

describe('delete with undo', () => {
  it('restores the post-it with its id, text, position, questions and action link', () => {
    const doc = new Y.Doc();
    const id = idea(doc, 'Kampagne', 'Anna');
    assessIdea(doc, id, { effect: 0.7, resources: 0.3 }, '2026-11-25T11:00:00Z');
    askQuestion(doc, id, { author: 'Bo', text: 'Hvor?', at: '2026-11-25T10:01:00Z' });
    const actionId = promoteToAction(doc, id, 'Anna');
    const before = readIdeas(doc)[0];
    const snapshot = removeIdeaWithSnapshot(doc, id)!;
    expect(readIdeas(doc)).toEqual([]);
    expect(restoreIdea(doc, snapshot)).toBe(true);
    expect(readIdeas(doc)[0]).toEqual(before);
    expect(readIdeas(doc)[0]!.actionId).toBe(actionId);
    // A second undo (another tab) does not make a copy.
    expect(restoreIdea(doc, snapshot)).toBe(false);
    expect(readIdeas(doc)).toHaveLength(1);
  });
});

describe('the order the team picks from', () => {
  it('lists green, yellow, orange, red, highest effect first, not assessed last', () => {
    const doc = new Y.Doc();
    const put = (text: string, effect: number | null, resources: number | null, createdAt: string) => {
      const id = idea(doc, text, 'x', createdAt);
      if (effect !== null && resources !== null) assessIdea(doc, id, { effect, resources });
    };
    put('not assessed, newer', null, null, '2026-11-25T10:09:00Z');
    put('red', 0.3, 0.6, '2026-11-25T10:01:00Z');
    put('green 0.7', 0.7, 0.4, '2026-11-25T10:02:00Z');
    put('orange', 0.4, 0.2, '2026-11-25T10:03:00Z');
    put('green 0.8', 0.8, 0.3, '2026-11-25T10:04:00Z');
    put('yellow', 0.9, 0.9, '2026-11-25T10:05:00Z');
    put('not assessed, older', null, null, '2026-11-25T10:00:00Z');
    expect(sortByZone(readIdeas(doc)).map((i) => i.text)).toEqual([
      'green 0.8',
      'green 0.7',
      'yellow',
      'orange',
      'red',
      'not assessed, older',
      'not assessed, newer',
    ]);
  });

  it('puts the borders where the design does: 0.5 is high effect and many resources; the corners are in their zones', () => {
    expect(zoneOf({ effect: 0.5, resources: 0 })).toBe('green');
    expect(zoneOf({ effect: 1, resources: 0.5 })).toBe('yellow');
    expect(zoneOf({ effect: 0.49, resources: 0.49 })).toBe('orange');
    expect(zoneOf({ effect: 0, resources: 1 })).toBe('red');
    expect(zoneOf({ effect: 0.5, resources: 0.5 })).toBe('yellow');
  });
});

describe('draft keys', () => {
  it('are 128 random bits as base64url, and only such keys are accepted', () => {
    const key = newDraftKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newDraftKey()).not.toBe(key);
    expect(isDraftKey(key)).toBe(true);
    expect(isDraftKey('short')).toBe(false);
    expect(isDraftKey('x'.repeat(22) + '!')).toBe(false);
    expect(isDraftKey(undefined)).toBe(false);
  });
});

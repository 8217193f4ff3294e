import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addIdea, readIdeas, setIdeaText } from '../../shared/schema';
import { mergeEdit, spliceBetween } from '../../client/src/ideas/textMerge';
import { DEFAULT_POSTIT, contrast, postItColor } from '../../client/src/ideas/postItColor';
import { PERSON_COLORS } from '../../client/src/sync/identity';

describe('spliceBetween', () => {
  it('finds the changed middle', () => {
    expect(spliceBetween('Kampagne på biblioteket', 'Kampagne på hovedbiblioteket')).toEqual({ start: 12, end: 12, insert: 'hoved' });
    expect(spliceBetween('abc', 'abc')).toEqual({ start: 3, end: 3, insert: '' });
    expect(spliceBetween('abcdef', 'abXdef')).toEqual({ start: 2, end: 3, insert: 'X' });
  });
});

describe('mergeEdit (inline edit rebased on a concurrent change)', () => {
  const base = 'Kampagne på biblioteket';

  it('is my draft when nobody else changed the text', () => {
    expect(mergeEdit(base, 'Kampagne på hovedbiblioteket', base)).toBe('Kampagne på hovedbiblioteket');
  });

  it('is their text when I changed nothing', () => {
    expect(mergeEdit(base, base, 'Kampagne på biblioteket i maj')).toBe('Kampagne på biblioteket i maj');
  });

  it('keeps both changes when they touch different places', () => {
    expect(mergeEdit(base, 'Stor kampagne på biblioteket', 'Kampagne på biblioteket i maj')).toBe('Stor kampagne på biblioteket i maj');
    expect(mergeEdit(base, 'Kampagne på biblioteket i maj', 'Stor kampagne på biblioteket')).toBe('Stor kampagne på biblioteket i maj');
  });

  it('lets my draft win when both changed the same words', () => {
    expect(mergeEdit(base, 'Kampagne på rådhuset', 'Kampagne på skolen')).toBe('Kampagne på rådhuset');
    expect(mergeEdit('ab', 'aXb', 'aYb')).toBe('aXb');
  });

  it('written with setIdeaText, a merged edit keeps the other person’s change in the document', () => {
    const doc = new Y.Doc();
    const id = addIdea(doc, { text: base, author: 'Erik', color: '#fff3a3' });
    setIdeaText(doc, id, 'Kampagne på biblioteket i maj'); // someone else, while I edit
    const theirs = readIdeas(doc)[0]!.text;
    setIdeaText(doc, id, mergeEdit(base, 'Stor kampagne på biblioteket', theirs));
    expect(readIdeas(doc)[0]!.text).toBe('Stor kampagne på biblioteket i maj');
  });
});

describe('postItColor', () => {
  it('accepts every person colour (all light enough for dark text)', () => {
    for (const color of PERSON_COLORS) {
      expect(postItColor(color)).toBe(color);
      expect(contrast(color, '#1a1a1a')!).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('falls back to yellow for dark, malformed or foreign values', () => {
    expect(postItColor('#000000')).toBe(DEFAULT_POSTIT);
    expect(postItColor('#333')).toBe(DEFAULT_POSTIT);
    expect(postItColor('red; background: url(x)')).toBe(DEFAULT_POSTIT);
    expect(postItColor(42)).toBe(DEFAULT_POSTIT);
    expect(postItColor(undefined)).toBe(DEFAULT_POSTIT);
  });

  it('accepts other light hex colours', () => {
    expect(postItColor('#FFF')).toBe('#fff');
  });
});

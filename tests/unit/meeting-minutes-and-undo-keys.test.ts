import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { interpolate } from '../../client/src/app/i18n';
import { meetingMessages, type MeetingMessageKey } from '../../client/src/meeting/messages';
import { escapeMarkdown, minutesMarkdown } from '../../client/src/meeting/minutesMarkdown';
import { formattersFor } from '../../client/src/app/format';
import { undoKey } from '../../client/src/sync/undo';
import { latestBoardTimestamp } from '../../client/src/wall/lastChange';
import { addAction, addIdea, endMeeting, readBoard, readMinutes, startMeeting } from '../../shared/schema';

const t = (key: MeetingMessageKey, vars?: Record<string, string | number>) => interpolate(meetingMessages.da[key], vars);
const time = formattersFor('da');

describe('minutes as Markdown', () => {
  it('has the date, time, facilitator, participants and a table of decisions with escaped user text', () => {
    const doc = new Y.Doc();
    startMeeting(doc, { by: 'Anna', at: '2026-11-25T13:00:00.000Z' });
    addAction(doc, { title: 'Kampagne | *bibliotek*', responsible: 'Erik', deadline: '2026-12-01', by: 'Anna', at: '2026-11-25T13:05:00.000Z' });
    endMeeting(doc, { by: 'Anna', at: '2026-11-25T13:16:00.000Z', participants: ['Bo'] });
    const markdown = minutesMarkdown(readMinutes(doc)[0]!, 'Digital Post', t, time);
    expect(markdown).toContain('# Møde 1 · 25. nov. 2026 kl. 14.00 · Ordstyrer: Anna – Digital Post');
    expect(markdown).toContain('- 14.00–14.16 (planlagt varighed 15 min)');
    expect(markdown).toContain('- Ordstyrer: Anna');
    expect(markdown).toContain('- Deltagere: Anna, Bo');
    expect(markdown).toContain('| Ny | Kampagne \\| \\*bibliotek\\* | Erik | 1. dec. 2026 | Besluttet |');
  });

  it('escapes Markdown in user text', () => {
    expect(escapeMarkdown('# a_b [c](d)\nnext')).toBe('\\# a\\_b \\[c\\](d) next');
    expect(escapeMarkdown('1. okt.')).toBe('1\\. okt.');
  });
});

describe('undo keys', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
    undoKey({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
  it('Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo (Cmd on a Mac too); other keys do nothing', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('z')).toBeNull();
    expect(key('z', { ctrlKey: true, altKey: true })).toBeNull();
    expect(key('x', { ctrlKey: true })).toBeNull();
  });
});

describe('the time of the last change (wall screen)', () => {
  it('is the latest timestamp the board holds', () => {
    const doc = new Y.Doc();
    addIdea(doc, { text: 'a', author: 'x', color: 'y', createdAt: '2026-11-25T10:00:00.000Z' });
    addAction(doc, { title: 'b', by: 'x', at: '2026-11-25T12:30:00.000Z' });
    expect(latestBoardTimestamp(readBoard(doc), null, [])).toBe(Date.parse('2026-11-25T12:30:00.000Z'));
    expect(latestBoardTimestamp(readBoard(new Y.Doc()), null, [])).toBeNull();
  });
});

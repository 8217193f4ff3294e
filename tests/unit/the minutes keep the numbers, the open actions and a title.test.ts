// Issue 9: minutes worth reading later — each goal's latest number against its target, the open
// and overdue actions with responsible and deadline, the decisions, and a title that tells
// meetings apart — stored as plain data when the meeting ends, shown the same in Markdown.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { interpolate } from '../../client/src/app/i18n';
import { meetingMessages, type MeetingMessageKey } from '../../client/src/meeting/messages';
import { minutesMarkdown, minutesTitle } from '../../client/src/meeting/minutesMarkdown';
import { addAction, addGoal, endMeeting, readMinutes, setActionDeadline, setActionStatus, setActual, setTarget, startMeeting } from '../../shared/schema';
import { formattersFor } from '../../client/src/app/format';

const t = (key: MeetingMessageKey, vars?: Record<string, string | number>) => interpolate(meetingMessages.da[key], vars);
const time = formattersFor('da');
const mette = { id: 'mette-id', name: 'Mette' };

function board(): Y.Doc {
  const doc = new Y.Doc();
  const share = addGoal(doc, { name: 'Andel digitale ansøgninger', unit: '%', direction: 'up' });
  setTarget(doc, share, '2026-10', 78);
  setActual(doc, share, '2026-10', 63, { by: 'Mette' });
  setTarget(doc, share, '2026-11', 80);
  setActual(doc, share, '2026-11', 59.5, { by: 'Mette' });
  const days = addGoal(doc, { name: 'Sagsbehandlingstid', unit: 'dage', direction: 'down' });
  setTarget(doc, days, '2026-11', 7.1);
  setActual(doc, days, '2026-11', 7.5, { by: 'Lars' });
  addGoal(doc, { name: 'Tilfredshed', unit: 'point' });
  const late = addAction(doc, { title: 'Tydeligere breve', responsible: 'Lars', by: 'Lars' });
  setActionDeadline(doc, late, '2026-11-27');
  const soon = addAction(doc, { title: 'Kampagne på biblioteket', responsible: 'Mette', by: 'Mette' });
  setActionDeadline(doc, soon, '2026-12-20');
  setActionStatus(doc, soon, 'started', 'Mette');
  const done = addAction(doc, { title: 'Færdig handling', responsible: 'Ulla', by: 'Ulla' });
  setActionStatus(doc, done, 'finished', 'Ulla');
  return doc;
}

describe('the minutes of a meeting', () => {
  it('keep each goal’s latest number against its target and the open actions, overdue first', () => {
    const doc = board();
    startMeeting(doc, { by: mette, at: '2026-12-02T08:00:00.000Z' });
    const minutes = endMeeting(doc, { by: mette, at: '2026-12-02T08:16:00.000Z' })!;
    expect(minutes.goals).toEqual([
      { goalId: expect.any(String), name: 'Andel digitale ansøgninger', unit: '%', direction: 'up', period: '2026-11', actual: 59.5, target: 80 },
      { goalId: expect.any(String), name: 'Sagsbehandlingstid', unit: 'dage', direction: 'down', period: '2026-11', actual: 7.5, target: 7.1 },
      { goalId: expect.any(String), name: 'Tilfredshed', unit: 'point', direction: 'up', period: null, actual: null, target: null },
    ]);
    expect(minutes.openActions.map((a) => [a.title, a.responsible, a.deadline, a.status, a.overdue])).toEqual([
      ['Tydeligere breve', 'Lars', '2026-11-27', 'decided', true],
      ['Kampagne på biblioteket', 'Mette', '2026-12-20', 'started', false],
    ]);
    // Stored as plain data: what is read back is what was written.
    expect(readMinutes(doc)[0]).toEqual(minutes);
  });

  it('are numbered, so the title tells meetings apart', () => {
    const doc = board();
    startMeeting(doc, { by: mette, at: '2026-11-25T08:00:00.000Z' });
    endMeeting(doc, { by: mette, at: '2026-11-25T08:15:00.000Z' });
    startMeeting(doc, { by: mette, at: '2026-12-02T08:00:00.000Z' });
    endMeeting(doc, { by: mette, at: '2026-12-02T08:15:00.000Z' });
    const [latest, first] = readMinutes(doc);
    expect([latest!.number, first!.number]).toEqual([2, 1]);
    expect(minutesTitle(latest!, t, time)).toBe('Møde 2 · 2. dec. 2026 kl. 9.00 · Ordstyrer: Mette');
  });

  it('read in Markdown with the board’s own target wording', () => {
    const doc = board();
    startMeeting(doc, { by: mette, at: '2026-12-02T08:00:00.000Z' });
    const minutes = endMeeting(doc, { by: mette, at: '2026-12-02T08:16:00.000Z' })!;
    const markdown = minutesMarkdown(minutes, 'Borgerservice', t, time);
    expect(markdown).toContain('# Møde 1 · 2. dec. 2026 kl. 9.00 · Ordstyrer: Mette – Borgerservice');
    expect(markdown).toContain('## Målene – seneste tal');
    expect(markdown).toMatch(/\| Andel digitale ansøgninger \| nov\. 2026 \| 59,5\s%\smod 80\s% \| −20,5\spct\.-point under måltal \|/);
    expect(markdown).toMatch(/\| Sagsbehandlingstid \| nov\. 2026 \| 7,5\sdage mod 7,1\sdage \| \\\+0,4\sdage over måltal \|/);
    expect(markdown).toContain('| Tilfredshed | – | Intet tal endnu | – |');
    expect(markdown).toContain('## Åbne handlinger');
    expect(markdown).toContain('| Tydeligere breve | Lars | 27. nov. 2026 | Besluttet · **Forsinket** |');
    expect(markdown).toContain('| Kampagne på biblioteket | Mette | 20. dec. 2026 | Igangsat |');
  });
});

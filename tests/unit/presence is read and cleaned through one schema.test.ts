import { expect, test } from 'vitest';
import { cleanPresenceState, FALLBACK_PRESENCE_COLOR, presentDrags, presentParticipants, presentPeople, readPresence } from '../../shared/schema/presence';

test('junk reads as nothing, never throws', () => {
  for (const junk of [null, undefined, 1, 'x', [], { user: 5 }, { user: { name: 3 } }, { participant: { id: '' } }, { dragging: { ideaId: 7 } }]) {
    expect(() => readPresence(junk)).not.toThrow();
  }
  expect(readPresence({ user: { name: 3 } }).user).toBeNull();
  expect(readPresence({ participant: { id: '', name: 'x' } }).participant).toBeNull();
});

test('colours only #rrggbb, names and ids cut, positions clamped and both or none', () => {
  const read = readPresence({
    user: { name: 'N'.repeat(100), color: 'url(http://x/y)', role: 'admin' },
    participant: { id: 'i'.repeat(100), name: 'P'.repeat(100) },
    dragging: { ideaId: 'a', effect: 2, resources: null },
  });
  expect(read.user).toEqual({ name: 'N'.repeat(60), color: null, role: 'edit' });
  expect(read.participant!.id.length).toBe(64);
  expect(read.dragging).toEqual({ ideaId: 'a', effect: null, resources: null });
  expect(readPresence({ user: { name: 'a', color: '#A0e7e5', role: 'view' } }).user).toEqual({ name: 'a', color: '#A0e7e5', role: 'view' });
  expect(readPresence({ user: { name: 'a', color: '#fff' } }).user!.color).toBeNull();
});

test('the server relays only the schema’s fields', () => {
  expect(cleanPresenceState('x')).toBeNull();
  expect(cleanPresenceState({ user: { name: 'a', color: 'red', role: 'edit', extra: 1 }, other: 'x'.repeat(100) })).toEqual({ user: { name: 'a', role: 'edit' } });
  expect(cleanPresenceState({ participant: null, dragging: { ideaId: 'i', effect: 0.5, resources: 0.25 } })).toEqual({ participant: null, dragging: { ideaId: 'i', effect: 0.5, resources: 0.25 } });
});

test('people, participants and drags as the three readers show them', () => {
  const states = new Map<number, unknown>([
    [1, { user: { name: 'Bo', color: '#caffbf', role: 'edit' }, participant: { id: 'p2', name: 'Bo' }, dragging: { ideaId: 'x', effect: 0.1, resources: 0.9 } }],
    [2, { user: { name: 'Anne', color: 'url(evil)', role: 'edit' }, participant: { id: 'p1', name: 'Anne' } }],
    [3, { user: { name: '', color: '#e3e8ee', role: 'view' } }],
    [4, { user: { name: ' ', color: '#ffffff', role: 'edit' }, participant: { id: 'p1', name: 'Anne' } }],
  ]);
  expect(presentPeople(states, 1).map((p) => [p.clientId, p.name, p.color, p.isMe])).toEqual([
    [1, 'Bo', '#caffbf', true],
    [3, '', '#e3e8ee', false],
    [2, 'Anne', FALLBACK_PRESENCE_COLOR, false],
  ]);
  expect(presentParticipants(states, 1)).toEqual([
    { id: 'p2', name: 'Bo' },
    { id: 'p1', name: 'Anne' },
  ]);
  expect(presentDrags(states, 2)).toEqual([{ clientId: 1, ideaId: 'x', name: 'Bo', color: '#caffbf', position: { effect: 0.1, resources: 0.9 } }]);
  expect(presentDrags(states, 1)).toEqual([]);
});

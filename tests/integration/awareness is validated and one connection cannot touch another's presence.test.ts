// Issue 8.4: the server relayed any awareness. Now it checks each message against the presence
// schema (shared/schema/presence.ts) before applying it: size caps, a few client ids per
// connection, only ids that connection introduced, colours only #rrggbb, names cut. What does not
// pass is dropped; the connection stays, and so does everyone else's presence.

import { expect, test } from 'vitest';
import * as encoding from 'lib0/encoding';
import { MAX_AWARENESS_CLIENTS_PER_CONNECTION, presentPeople, readPresence } from '../../shared/schema/presence';
import { MAX_NAME_LENGTH } from '../../shared/limits';
import { connectClient, createBoard, rawClient, serverForFile, sleep, waitFor, type Client } from './harness';

const { server, pool } = serverForFile();

/** A y-protocols awareness message: [1, update], update = count, then (client, clock, JSON) each. */
function awarenessFrame(entries: { client: number; clock: number; state: unknown }[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const { client, clock, state } of entries) {
    encoding.writeVarUint(update, client);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

const user = (name: string, color = '#caffbf') => ({ user: { name, color, role: 'edit' } });

async function setup() {
  const board = await createBoard(server.url, 'Nærvær');
  const anne = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const watcher = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await Promise.all([anne.firstSync, watcher.firstSync]);
  anne.provider.awareness.setLocalState(user('Anne'));
  await waitFor(() => nameAt(watcher, anne.doc.clientID) === 'Anne', { what: 'Anne at the watcher' });
  // A view token: a wall-screen link is enough to send awareness.
  const evil = rawClient(server.syncUrl, board.id, board.tokens.view);
  await evil.opened;
  await sleep(50); // in the room
  return { board, anne, watcher, evil };
}

function nameAt(client: Client, clientId: number): string | undefined {
  return readPresence(client.provider.awareness.getStates().get(clientId)).user?.name;
}

test('another connection’s presence cannot be overwritten or hidden, not even with a huge clock', async () => {
  const { anne, watcher, evil } = await setup();
  const id = anne.doc.clientID;
  evil.ws.send(awarenessFrame([{ client: id, clock: 2 ** 40, state: user('Mallory') }]));
  evil.ws.send(awarenessFrame([{ client: id, clock: 2 ** 41, state: null }]));
  const probe = 777_001;
  evil.ws.send(awarenessFrame([{ client: probe, clock: 1, state: user('Probe') }])); // processed after the two above
  await waitFor(() => nameAt(watcher, probe) === 'Probe', { what: 'the probe' });
  expect(nameAt(watcher, id)).toBe('Anne');

  // Anne's own changes still go through (her clock was not pushed out of reach).
  anne.provider.awareness.setLocalState(user('Anne B'));
  await waitFor(() => nameAt(watcher, id) === 'Anne B', { what: 'Anne’s own update' });
  expect(server.logs.some((entry) => entry.msg === 'dropped awareness that does not fit the presence schema' && JSON.stringify(entry.reasons).includes('another connection'))).toBe(true);
});

test('one connection gets a few client ids, not 5,000; a 2 MB state is not fanned out', async () => {
  const { board, watcher, evil } = await setup();
  const before = watcher.provider.awareness.getStates().size;
  const many = Array.from({ length: 5000 }, (_, i) => ({ client: 900_000 + i, clock: 1, state: user(`n${i}`) }));
  evil.ws.send(awarenessFrame(many.slice(0, 600))); // over the message cap: dropped whole
  for (let i = 0; i < 5000; i += 10) evil.ws.send(awarenessFrame(many.slice(i, i + 10)));
  // Big, but under the frame limit (that one closes with 1009 before anything is read).
  evil.ws.send(awarenessFrame([{ client: 1_234_567, clock: 1, state: { user: { name: 'x'.repeat(1536 * 1024), color: '#ffffff', role: 'edit' } } }]));
  const probe = 888_001;
  const probeConn = rawClient(server.syncUrl, board.id, board.tokens.view);
  await probeConn.opened;
  await sleep(50);
  probeConn.ws.send(awarenessFrame([{ client: probe, clock: 1, state: user('Probe') }]));
  await waitFor(() => nameAt(watcher, probe) === 'Probe', { what: 'the probe' });
  const fromEvil = [...watcher.provider.awareness.getStates().keys()].filter((id) => id >= 900_000 && id < 905_000);
  expect(fromEvil.length).toBeLessThanOrEqual(MAX_AWARENESS_CLIENTS_PER_CONNECTION);
  expect(watcher.provider.awareness.getStates().has(1_234_567)).toBe(false);
  expect(watcher.provider.awareness.getStates().size).toBeLessThanOrEqual(before + MAX_AWARENESS_CLIENTS_PER_CONNECTION + 1);
  expect(evil.ws.readyState).toBe(evil.ws.OPEN); // dropped, not closed
  probeConn.ws.close();
});

test('a colour that is not #rrggbb never reaches another browser; names are cut; unknown fields go', async () => {
  const { watcher, evil } = await setup();
  const id = 555_001;
  evil.ws.send(
    awarenessFrame([
      {
        client: id,
        clock: 1,
        state: { user: { name: 'Ø'.repeat(500), color: 'url(http://attacker.example/x.png)', role: 'edit' }, participant: { id: 'p1', name: 'P'.repeat(300) }, tracking: 'x'.repeat(1000) },
      },
    ]),
  );
  await waitFor(() => watcher.provider.awareness.getStates().has(id), { what: 'the state' });
  const raw = watcher.provider.awareness.getStates().get(id) as Record<string, unknown>;
  expect(JSON.stringify(raw)).not.toContain('url(');
  expect(raw.tracking).toBeUndefined();
  expect((raw.user as { name: string }).name.length).toBe(MAX_NAME_LENGTH);
  expect((raw.participant as { name: string }).name.length).toBe(MAX_NAME_LENGTH);
  // The client reads presence through the same schema: a fallback colour, never the URL.
  const person = presentPeople(watcher.provider.awareness.getStates(), watcher.doc.clientID).find((p) => p.clientId === id)!;
  expect(person.color).toMatch(/^#[0-9a-f]{6}$/i);
});

test('a connection that sent junk awareness stays, and its own presence goes when it leaves', async () => {
  const { watcher, evil } = await setup();
  const id = 666_001;
  evil.ws.send(awarenessFrame([{ client: id, clock: 1, state: user('Eve') }]));
  await waitFor(() => nameAt(watcher, id) === 'Eve', { what: 'Eve' });
  evil.ws.send(awarenessFrame([{ client: id, clock: 2, state: 'not an object' }]));
  await sleep(100);
  expect(evil.ws.readyState).toBe(evil.ws.OPEN);
  expect(nameAt(watcher, id)).toBe('Eve');
  evil.ws.close();
  await waitFor(() => !watcher.provider.awareness.getStates().has(id), { what: 'Eve gone' });
});

import { expect, test } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { connectClient, createBoard, rawClient, sleep, waitFor, serverForFile } from './harness';

const KEEPALIVE_MS = 100;
const { server, pool } = serverForFile({ keepaliveMs: KEEPALIVE_MS });

function awarenessFrame(state: Record<string, unknown>): { frame: Uint8Array; clientId: number } {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(state);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]));
  const clientId = awareness.clientID;
  awareness.doc.destroy();
  return { frame: encoding.toUint8Array(encoder), clientId };
}

test('a socket that dies without saying goodbye has its awareness state removed for the others', async () => {
  const board = await createBoard(server.url);
  const watcher = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await watcher.firstSync;
  const gone = rawClient(server.syncUrl, board.id, board.tokens.edit);
  await gone.opened;
  await waitFor(() => gone.received.length > 0, { what: 'the server’s sync step 1 (the client is in the room)' });
  const { frame, clientId } = awarenessFrame({ user: { name: 'Ulla' } });
  gone.ws.send(frame);
  await waitFor(() => watcher.provider.awareness.getStates().has(clientId), { what: 'Ulla to appear' });
  gone.ws.terminate(); // no awareness "null" message: only the server can clean up
  await waitFor(() => !watcher.provider.awareness.getStates().has(clientId), { what: 'Ulla to disappear' });
});

test('a connection that stops answering pings is dropped; one that answers stays', async () => {
  const board = await createBoard(server.url);
  const healthy = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await healthy.firstSync;
  const silent = new WebSocket(`${server.syncUrl}/${board.id}?token=${encodeURIComponent(board.tokens.view)}`, { autoPong: false });
  silent.on('error', () => {});
  const closed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)));
  await new Promise((resolve) => silent.once('open', resolve));
  expect(await closed).toBe(1006); // terminated, no close frame
  expect(server.logs.some((entry) => entry.msg === 'dropping a connection that stopped answering pings')).toBe(true);
  await sleep(KEEPALIVE_MS * 4);
  expect(healthy.closeCodes).toEqual([]);
  expect(healthy.provider.wsconnected).toBe(true);
});

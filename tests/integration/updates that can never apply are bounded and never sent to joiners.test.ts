// Issue 8.5: updates whose dependencies never arrive stayed in Yjs's pending structs, grew the
// server, were stored at compaction and sent to every joiner. Now joiners and the store get only
// what applies, and past MAX_PENDING_BYTES the pending content is dropped and its sender closed.

import { expect, test } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { roots } from '../../shared/schema';
import { CloseCode } from '../../shared/protocol';
import { MAX_PENDING_BYTES } from '../../shared/limits';
import { connectClient, createBoard, rawClient, serverForFile, sleep, storedRows, waitFor } from './harness';

const { server, pool } = serverForFile({ idleUnloadMs: 300 });

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Updates of one client that all depend on its first one, which is never sent. */
function orphanUpdates(count: number, bytesEach: number): Uint8Array[] {
  const source = new Y.Doc();
  const idea = new Y.Map<unknown>();
  roots(source).ideas.set('orphanparent', idea); // the update that never arrives
  const updates: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) idea.set(`k${i}`, 'v'.repeat(bytesEach));
  return updates;
}

test('content that cannot apply is not sent to a joiner, and the sender stays while it is small', async () => {
  const board = await createBoard(server.url, 'Ventende');
  const sender = rawClient(server.syncUrl, board.id, board.tokens.edit);
  await sender.opened;
  await waitFor(() => sender.received.length > 0, { what: 'the server’s step 1' });
  for (const update of orphanUpdates(2, 20_000)) sender.ws.send(syncUpdateFrame(update));
  await sleep(100);
  expect(sender.ws.readyState).toBe(sender.ws.OPEN);

  const joiner = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await joiner.firstSync;
  expect(joiner.doc.store.pendingStructs).toBeNull();
  expect(joiner.doc.store.pendingDs).toBeNull();
  expect(Y.encodeStateAsUpdate(joiner.doc).byteLength).toBeLessThan(2000);
  sender.ws.close();
});

test('past the bound the pending content is dropped and its sender closed (1007); nothing of it is stored after the board unloads', async () => {
  const board = await createBoard(server.url, 'Mange');
  const good = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await good.firstSync;
  const sender = rawClient(server.syncUrl, board.id, board.tokens.edit);
  await sender.opened;
  await waitFor(() => sender.received.length > 0, { what: 'the server’s step 1' });
  const updates = orphanUpdates(Math.ceil((2 * MAX_PENDING_BYTES) / 20_000), 20_000);
  for (const update of updates) sender.ws.send(syncUpdateFrame(update));
  expect((await sender.closed).code).toBe(CloseCode.malformed);
  expect(server.logs.some((entry) => entry.msg === 'dropped content that waits for updates that never came')).toBe(true);

  // The board goes on for everyone else.
  roots(good.doc).ideas.set('fine', new Y.Map());
  const joiner = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await waitFor(async () => (await joiner.firstSync, roots(joiner.doc).ideas.has('fine')), { what: 'the good edit at a joiner' });
  expect(joiner.doc.store.pendingStructs).toBeNull();
  expect(good.closeCodes).toEqual([]);

  good.destroy();
  joiner.destroy();
  await waitFor(() => server.logs.some((entry) => entry.msg === 'unloaded idle board' && entry.boardId === board.id), { what: 'the board to unload' });
  expect(storedRows(server.dataDir, board.id).bytes).toBeLessThan(5000);

  // Opened again from the store: nothing pending.
  const later = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await later.firstSync;
  expect(later.doc.store.pendingStructs).toBeNull();
  expect(roots(later.doc).ideas.has('fine')).toBe(true);
});

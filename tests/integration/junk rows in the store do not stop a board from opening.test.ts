import { afterAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addIdea } from '../../shared/schema';
import { clientPool, connectClient, createBoard, restartTestServer, startTestServer, storedRows, waitFor, withDatabase, type TestServer } from './harness';

const pool = clientPool();
let server: TestServer;
afterAll(async () => {
  pool.destroyAll();
  await server?.close();
});

test('rows that do not apply are skipped and logged, the rest loads, and compaction removes them', async () => {
  server = await startTestServer({ idleUnloadMs: 200 });
  const board = await createBoard(server.url, 'Robust');
  const writer = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await writer.firstSync;
  addIdea(writer.doc, { text: 'before the junk', author: 'a', color: 'green' });
  await waitFor(() => storedRows(server.dataDir, board.id).rows >= 2, { what: 'the idea to be stored' });
  pool.destroyAll();
  await server.close();

  // A real update that only arrives after the junk, so loading must go on past the junk.
  const later = new Y.Doc();
  Y.applyUpdate(later, withDatabase(server.dataDir, (db) => Y.mergeUpdates((db.prepare('SELECT data FROM updates WHERE board_id = ? ORDER BY seq').all(board.id) as { data: Buffer }[]).map((row) => row.data))));
  const vector = Y.encodeStateVector(later);
  addIdea(later, { text: 'after the junk', author: 'b', color: 'red' });
  const laterUpdate = Y.encodeStateAsUpdate(later, vector);

  withDatabase(server.dataDir, (db) => {
    const insert = db.prepare('INSERT INTO updates (board_id, data) VALUES (?, ?)');
    insert.run(board.id, Buffer.from([0xde, 0xad, 0xbe, 0xef]));
    insert.run(board.id, Buffer.alloc(0));
    insert.run(board.id, Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]));
    insert.run(board.id, Buffer.from(laterUpdate.subarray(0, 5))); // torn write
    insert.run(board.id, Buffer.from(laterUpdate));
  });

  server = await restartTestServer(server);
  const reader = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  const atFirstSync = await reader.firstSync;
  expect(atFirstSync.meta.title).toBe('Robust');
  expect(atFirstSync.ideas.map((idea) => idea.text).sort()).toEqual(['after the junk', 'before the junk']);
  expect(server.logs.filter((entry) => entry.msg === 'skipped a stored update that does not apply').length).toBeGreaterThanOrEqual(3);

  // Compaction after loading drops the junk: one row with the whole state.
  await waitFor(() => storedRows(server.dataDir, board.id).rows === 1, { what: 'compaction' });
  pool.destroyAll();
  await waitFor(() => server.stats().rooms === 0, { what: 'the board to be unloaded' });
  const again = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  expect((await again.firstSync).ideas).toHaveLength(2);
});

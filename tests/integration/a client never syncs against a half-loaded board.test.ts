import { afterAll, beforeAll, expect, test } from 'vitest';
import { addIdea } from '../../shared/schema';
import { openSqliteStore } from '../../server/src/storage/sqlite';
import { clientPool, connectClient, createBoard, restartTestServer, sleep, startTestServer, waitFor, type TestServer } from './harness';

const LOAD_DELAY_MS = 400;
let server: TestServer;
let loads = 0;
const pool = clientPool();

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  pool.destroyAll();
  await server.close();
});

test('clients that connect while a board loads slowly get the whole board in their first sync, from one load', async () => {
  const board = await createBoard(server.url, 'Slow');
  const writer = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await writer.firstSync;
  for (let i = 0; i < 50; i++) addIdea(writer.doc, { text: `idea ${i}`, author: 'a', color: 'green' });
  const check = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await waitFor(() => check.board().ideas.length === 50, { what: 'the ideas to reach the server' });
  pool.destroyAll();
  await server.close();

  // The same SQLite data, but reading a board's updates takes LOAD_DELAY_MS.
  server = await restartTestServer(server, {
    openStore: (options) => {
      const store = openSqliteStore(options);
      return {
        ...store,
        async loadUpdates(id) {
          loads++;
          await sleep(LOAD_DELAY_MS);
          return store.loadUpdates(id);
        },
      };
    },
  });
  const started = Date.now();
  const early = Array.from({ length: 3 }, () => pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit)));
  const boards = await Promise.all(early.map((client) => client.firstSync));
  expect(Date.now() - started).toBeGreaterThanOrEqual(LOAD_DELAY_MS - 20); // the delay really was in the way
  for (const atFirstSync of boards) {
    expect(atFirstSync.meta.title).toBe('Slow');
    expect(atFirstSync.ideas).toHaveLength(50);
  }
  expect(loads).toBe(1);
});

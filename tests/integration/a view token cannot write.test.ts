import { afterAll, beforeAll, expect, test } from 'vitest';
import { addGoal, addIdea, setBoardTitle } from '../../shared/schema';
import { clientPool, connectClient, createBoard, restartTestServer, startTestServer, waitFor, type TestServer } from './harness';

let server: TestServer;
const pool = clientPool();
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  pool.destroyAll();
  await server.close();
});

test('a view connection’s edits are neither applied, relayed nor stored, while it keeps receiving', async () => {
  const board = await createBoard(server.url, 'Tavlen på væggen');
  const editor = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const wall = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await Promise.all([editor.firstSync, wall.firstSync]);

  addGoal(editor.doc, { name: 'Sagsbehandlingstid', unit: 'dage', direction: 'down' });
  await waitFor(() => wall.board().goals.length === 1, { what: 'the wall to receive the goal' });

  // The wall screen's doc is changed locally; y-websocket sends the update to the server.
  addIdea(wall.doc, { text: 'from the wall', author: 'wall', color: 'red' });
  setBoardTitle(wall.doc, 'Overwritten by the wall');
  // Then an awareness change on the same socket. Once the editor sees it, the server has handled
  // (and dropped) the document update sent before it.
  wall.provider.awareness.setLocalStateField('user', { name: 'Væggen' });
  await waitFor(
    () => [...editor.provider.awareness.getStates().values()].some((state) => (state as { user?: { name?: string } }).user?.name === 'Væggen'),
    { what: 'the wall’s awareness at the editor' },
  );
  expect(editor.board().ideas).toHaveLength(0);
  expect(editor.board().meta.title).toBe('Tavlen på væggen');

  // The wall is still connected and still receives edits.
  addGoal(editor.doc, { name: 'Tilfredshed', unit: '%' });
  await waitFor(() => wall.board().goals.length === 2, { what: 'the wall to receive the second goal' });
  expect(wall.closeCodes).toEqual([]);
  expect(wall.provider.wsconnected).toBe(true);
  expect(server.logs.some((entry) => entry.msg === 'ignored a document update from a view connection')).toBe(true);

  // Not in the server's document ...
  const fresh = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const atFirstSync = await fresh.firstSync;
  expect(atFirstSync.ideas).toHaveLength(0);
  expect(atFirstSync.meta.title).toBe('Tavlen på væggen');
  expect(atFirstSync.goals).toHaveLength(2);

  // ... and not in the store.
  pool.destroyAll();
  await server.close();
  server = await restartTestServer(server);
  const afterRestart = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  const stored = await afterRestart.firstSync;
  expect(stored.ideas).toHaveLength(0);
  expect(stored.meta.title).toBe('Tavlen på væggen');
  expect(stored.goals.map((goal) => goal.name)).toEqual(['Sagsbehandlingstid', 'Tilfredshed']);
});

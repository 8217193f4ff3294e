import { afterAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addIdea, setIdeaText } from '../../shared/schema';
import { clientPool, connectClient, createBoard, restartTestServer, startTestServer, storedRows, waitFor, type TestServer } from './harness';

const pool = clientPool();
let server: TestServer;
afterAll(async () => {
  pool.destroyAll();
  await server?.close();
});

test('many small updates are merged into one state; nothing is lost, and the store stays within 2× the state', async () => {
  server = await startTestServer({ compactAfterUpdates: 20, idleUnloadMs: 200 });
  const board = await createBoard(server.url);
  const writer = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await writer.firstSync;
  const ids: string[] = [];
  for (let i = 0; i < 60; i++) ids.push(addIdea(writer.doc, { text: `idea ${i}`, author: 'a', color: 'green' }));
  for (let i = 0; i < 60; i++) setIdeaText(writer.doc, ids[i]!, `idea ${i} edited`);

  const watcher = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await waitFor(() => watcher.board().ideas.filter((idea) => idea.text.endsWith('edited')).length === 60, { what: 'all edits at the watcher' });
  // 121 updates arrived; with compaction after 20, far fewer rows remain.
  await waitFor(() => storedRows(server.dataDir, board.id).rows <= 21, { what: 'compaction while open' });
  expect(server.logs.some((entry) => entry.msg === 'compacted board' && entry.boardId === board.id)).toBe(true);

  pool.destroyAll();
  await waitFor(() => server.stats().rooms === 0, { what: 'unload' });
  const { rows, bytes } = storedRows(server.dataDir, board.id);
  expect(rows).toBe(1);
  expect(bytes).toBeLessThanOrEqual(2 * Y.encodeStateAsUpdate(writer.doc).byteLength);

  await server.close();
  server = await restartTestServer(server);
  const reader = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  const ideas = (await reader.firstSync).ideas.map((idea) => idea.text).sort();
  expect(ideas).toEqual(Array.from({ length: 60 }, (_, i) => `idea ${i} edited`).sort());
});

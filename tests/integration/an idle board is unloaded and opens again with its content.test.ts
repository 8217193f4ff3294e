import { expect, test } from 'vitest';
import { addGoal, addIdea } from '../../shared/schema';
import { connectClient, createBoard, waitFor, serverForFile } from './harness';

const { server, pool } = serverForFile({ idleUnloadMs: 150 });

test('after the last client leaves the board is stored and dropped; the next client gets it all at first sync', async () => {
  const board = await createBoard(server.url, 'Idle');
  const writer = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await writer.firstSync;
  expect(server.stats().rooms).toBe(1);
  addGoal(writer.doc, { name: 'Goal' });
  addIdea(writer.doc, { text: 'Idea', author: 'a', color: 'green' });
  // Make sure the server has both writes before the writer goes away.
  const check = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await waitFor(() => check.board().ideas.length === 1 && check.board().goals.length === 1, { what: 'the writes to reach the server' });
  pool.destroyAll();

  await waitFor(() => server.stats().rooms === 0, { what: 'the idle board to be unloaded' });
  expect(server.logs.some((entry) => entry.msg === 'unloaded idle board' && entry.boardId === board.id)).toBe(true);

  const reader = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  const atFirstSync = await reader.firstSync;
  expect(atFirstSync.goals.map((goal) => goal.name)).toEqual(['Goal']);
  expect(atFirstSync.ideas.map((idea) => idea.text)).toEqual(['Idea']);
  expect(server.stats().rooms).toBe(1);
});

test('clients that connect at the same moment share one load of the board', async () => {
  const board = await createBoard(server.url, 'Crowd');
  const loadsBefore = server.logs.filter((entry) => entry.msg === 'loaded board' && entry.boardId === board.id).length;
  const crowd = Array.from({ length: 8 }, () => pool.add(connectClient(server.syncUrl, board.id, board.tokens.view)));
  const boards = await Promise.all(crowd.map((client) => client.firstSync));
  expect(boards.every((b) => b.meta.title === 'Crowd')).toBe(true);
  expect(server.logs.filter((entry) => entry.msg === 'loaded board' && entry.boardId === board.id).length - loadsBefore).toBe(1);
});

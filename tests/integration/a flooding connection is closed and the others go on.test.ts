import { expect, test } from 'vitest';
import { addIdea } from '../../shared/schema';
import { connectClient, createBoard, rawClient, waitFor, serverForFile } from './harness';

const { server, pool } = serverForFile();

test('thousands of messages in a burst close the sender with 1008; other clients keep syncing', async () => {
  const board = await createBoard(server.url);
  const a = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const b = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await Promise.all([a.firstSync, b.firstSync]);

  const flooder = rawClient(server.syncUrl, board.id, board.tokens.edit);
  await flooder.opened;
  const queryAwareness = Uint8Array.from([3]);
  for (let i = 0; i < 5000 && flooder.ws.readyState === flooder.ws.OPEN; i++) flooder.ws.send(queryAwareness);
  expect((await flooder.closed).code).toBe(1008);
  expect(server.logs.some((entry) => entry.msg === 'closing a flooding connection')).toBe(true);

  addIdea(a.doc, { text: 'after the flood', author: 'a', color: 'green' });
  await waitFor(() => b.board().ideas.some((idea) => idea.text === 'after the flood'), { what: 'B to get the idea' });
  expect(a.closeCodes).toEqual([]);
  expect(b.closeCodes).toEqual([]);
});

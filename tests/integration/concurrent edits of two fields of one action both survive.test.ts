import { expect, test } from 'vitest';
import { addAction, setActionDeadline, setActionResponsible, setActionStatus, setActionTitle } from '../../shared/schema';
import { connectClient, createBoard, waitFor, serverForFile } from './harness';

const { server, pool } = serverForFile();

test('two people change different fields of the same action while apart; both changes stay', async () => {
  const board = await createBoard(server.url);
  const a = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const b = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await Promise.all([a.firstSync, b.firstSync]);
  const actionId = addAction(a.doc, { title: 'Optimere fordelingsproces', by: 'Ulla' });
  await waitFor(() => b.board().actions.length === 1, { what: 'the action at B' });

  // Truly concurrent: neither sees the other's change before making its own.
  a.provider.disconnect();
  b.provider.disconnect();
  setActionResponsible(a.doc, actionId, 'Peter');
  setActionTitle(a.doc, actionId, 'Optimere fordelingsprocessen');
  setActionDeadline(b.doc, actionId, '2026-12-15');
  setActionStatus(b.doc, actionId, 'started', 'Erik');
  setActionTitle(b.doc, actionId, 'Hurtigt: Optimere fordelingsproces');
  a.provider.connect();
  b.provider.connect();

  const converged = () => JSON.stringify(a.board().actions) === JSON.stringify(b.board().actions);
  await waitFor(() => converged() && a.board().actions[0]?.responsible === 'Peter' && a.board().actions[0]?.deadline !== null, { what: 'both clients to converge' });
  const action = a.board().actions[0]!;
  expect(action.responsible).toBe('Peter');
  expect(action.deadline).toBe('2026-12-15');
  expect(action.status).toBe('started');
  expect(action.title).toBe('Hurtigt: Optimere fordelingsprocessen');

  // And the server holds the merged action: a new client has it at its first sync.
  const c = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  const atC = (await c.firstSync).actions[0]!;
  expect(atC).toMatchObject({ responsible: 'Peter', deadline: '2026-12-15', status: 'started', title: 'Hurtigt: Optimere fordelingsprocessen' });
});

// Several people at the board at once: two move different post-its on the grid and both edit the
// same action (its title, and different fields) at the same moment. No edit is lost.

import { expect, test } from 'vitest';
import { addAction, addIdea, assessIdea, readActions, readIdeas, setActionDeadline, setActionResponsible, setActionStatus, setActionTitle } from '../../shared/schema';
import { mergeEdit } from '../../client/src/ideas/textMerge';
import { connectClient, createBoard, waitFor, serverForFile } from './harness';

const { server, pool } = serverForFile();

test('moves of different post-its and edits of the same action all survive', async () => {
  const board = await createBoard(server.url);
  const a = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const b = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await Promise.all([a.firstSync, b.firstSync]);
  const kampagne = addIdea(a.doc, { text: 'Kampagne på biblioteket', author: 'Anna', color: '#fff3a3' });
  const ring = addIdea(a.doc, { text: 'Ring til borgere der får papirpost', author: 'Anna', color: '#fff3a3' });
  const actionId = addAction(a.doc, { title: 'Optimere fordelingsproces', by: 'Anna' });
  await waitFor(() => b.board().ideas.length === 2 && b.board().actions.length === 1, { what: 'the ideas and the action at B' });

  // Both online, dragging at the same time: each drag writes its post-it several times.
  for (let step = 1; step <= 5; step++) {
    assessIdea(a.doc, kampagne, { effect: 0.5 + step * 0.06, resources: 0.5 - step * 0.04 });
    assessIdea(b.doc, ring, { effect: 0.5 + step * 0.04, resources: 0.5 + step * 0.06 });
  }

  // And truly at once (neither sees the other first): both edit the same action's title, and
  // different fields of it, while one more move each is made.
  a.provider.disconnect();
  b.provider.disconnect();
  const base = 'Optimere fordelingsproces';
  setActionTitle(a.doc, actionId, mergeEdit(base, 'Hurtigt: Optimere fordelingsproces', readActions(a.doc)[0]!.title));
  setActionTitle(b.doc, actionId, mergeEdit(base, 'Optimere fordelingsprocessen i borgerservice', readActions(b.doc)[0]!.title));
  setActionResponsible(a.doc, actionId, 'Peter');
  setActionDeadline(b.doc, actionId, '2026-12-15');
  setActionStatus(b.doc, actionId, 'started', 'Bo');
  assessIdea(a.doc, kampagne, { effect: 0.8, resources: 0.3 });
  assessIdea(b.doc, ring, { effect: 0.7, resources: 0.8 });
  a.provider.connect();
  b.provider.connect();

  const same = () => JSON.stringify([a.board().ideas, a.board().actions]) === JSON.stringify([b.board().ideas, b.board().actions]);
  await waitFor(() => same() && readActions(a.doc)[0]!.responsible === 'Peter' && readActions(a.doc)[0]!.status === 'started', { what: 'both clients to converge' });

  const ideas = new Map(readIdeas(a.doc).map((i) => [i.id, i]));
  expect(ideas.get(kampagne)).toMatchObject({ position: { effect: 0.8, resources: 0.3 }, zone: 'green' });
  expect(ideas.get(ring)).toMatchObject({ position: { effect: 0.7, resources: 0.8 }, zone: 'yellow' });
  const action = readActions(a.doc)[0]!;
  expect(action.title).toBe('Hurtigt: Optimere fordelingsprocessen i borgerservice');
  expect(action).toMatchObject({ responsible: 'Peter', deadline: '2026-12-15', status: 'started' });
  expect(action.history.map((h) => [h.status, h.by])).toEqual([
    ['decided', 'Anna'],
    ['started', 'Bo'],
  ]);

  // The server has the merged result: a client opening the board now gets it at its first sync.
  const c = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  const atC = await c.firstSync;
  expect(atC.actions[0]).toMatchObject({ title: action.title, responsible: 'Peter', deadline: '2026-12-15', status: 'started' });
  expect(new Map(atC.ideas.map((i) => [i.id, i.zone]))).toEqual(new Map([[kampagne, 'green'], [ring, 'yellow']]));
});

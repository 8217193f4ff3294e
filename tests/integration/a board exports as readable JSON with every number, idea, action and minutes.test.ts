// Issue 8, "One board out and in": GET /api/boards/:id/export.json gives everything on the board
// as readable JSON, for the admin or the board's edit link; the view link, another board's link
// and no link are refused.
import { expect, test } from 'vitest';
import { addAction, addGoal, addIdea, assessIdea, endMeeting, setActionStatus, setActual, setTarget, startMeeting } from '../../shared/schema';
import { ADMIN_TOKEN, connectClient, createBoard, serverForFile, waitFor } from './harness';

const { server, pool } = serverForFile();

test('goals with their numbers, assessed ideas, actions with history and the minutes, as JSON', async () => {
  const board = await createBoard(server.url, 'Borgerservice');
  const other = await createBoard(server.url, 'Anden tavle');
  const client = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await client.firstSync;
  const doc = client.doc;
  const goal = addGoal(doc, { name: 'Andel digitale ansøgninger', unit: '%', direction: 'up' });
  setTarget(doc, goal, '2026-10', 78);
  setActual(doc, goal, '2026-10', 63.5, { by: 'Mette' });
  const idea = addIdea(doc, { text: 'Kampagne på biblioteket', author: 'Mette', color: '#fff3a3' });
  assessIdea(doc, idea, { effect: 0.8, resources: 0.2 });
  startMeeting(doc, { by: { id: 'mette', name: 'Mette' }, at: '2026-12-02T08:00:00.000Z' });
  const action = addAction(doc, { title: 'Plakater i venteområdet', responsible: 'Lars', deadline: '2026-12-20', by: 'Mette' });
  setActionStatus(doc, action, 'started', 'Lars');
  endMeeting(doc, { by: { id: 'mette', name: 'Mette' }, at: '2026-12-02T08:15:00.000Z' });

  const url = `${server.url}/api/boards/${board.id}/export.json`;
  let exported: Record<string, unknown> & { goals: { name: string; actuals: Record<string, { value: number }>; targets: Record<string, number> }[] } = { goals: [] };
  await waitFor(
    async () => {
      const response = await fetch(url, { headers: { Authorization: `Bearer ${board.tokens.edit}` } });
      if (response.status !== 200) return false;
      exported = (await response.json()) as typeof exported;
      return (exported.minutes as unknown[]).length === 1;
    },
    { what: 'the export to hold the ended meeting', interval: 100 },
  );
  expect(exported).toMatchObject({ format: 'maaltavle-board-1', boardId: board.id, meta: { title: 'Borgerservice' } });
  expect(JSON.stringify(exported.goals)).toContain('Andel digitale ansøgninger');
  expect(JSON.stringify(exported.goals)).toContain('63.5');
  expect(exported.ideas).toEqual([expect.objectContaining({ id: idea, text: 'Kampagne på biblioteket', zone: 'green' })]);
  expect(exported.actions).toEqual([
    expect.objectContaining({ id: action, title: 'Plakater i venteområdet', responsible: 'Lars', deadline: '2026-12-20', status: 'started', history: [expect.objectContaining({ status: 'decided' }), expect.objectContaining({ status: 'started', by: 'Lars' })] }),
  ]);
  expect((exported.minutes as { facilitator: string }[])[0]).toMatchObject({ facilitator: 'Mette' });

  // The admin gets the same; a download name for people, not cached.
  const asAdmin = await fetch(url, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(asAdmin.status).toBe(200);
  expect(asAdmin.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(asAdmin.headers.get('content-disposition')).toMatch(/^attachment; filename="tavle-borgerservice-\d{4}-\d{2}-\d{2}\.json"/);
  expect(asAdmin.headers.get('cache-control')).toBe('no-store');
  expect(((await asAdmin.json()) as { actions: unknown[] }).actions).toHaveLength(1);

  // The wall screen's view link, another board's link, no link: refused with JSON errors.
  expect((await fetch(`${url}?token=${encodeURIComponent(board.tokens.view)}`)).status).toBe(403);
  expect((await fetch(`${url}?token=${encodeURIComponent(other.tokens.edit)}`)).status).toBe(403);
  const none = await fetch(url);
  expect(none.status).toBe(401);
  expect(((await none.json()) as { error: string }).error).toMatch(/token/);
  expect((await fetch(`${server.url}/api/boards/nosuchboard00000/export.json`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).status).toBe(404);
});

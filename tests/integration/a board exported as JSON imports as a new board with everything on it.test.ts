// Issue 8, "One board out and in": POST /api/boards/import (admin) makes a new board from a
// file of GET /api/boards/:id/export.json — goals with every number and who entered it, assessed
// ideas with their questions, actions with their status history and links, and the minutes —
// so exporting the new board gives the same content under new ids. Bad files are refused with
// a message that says what is wrong, and nothing is created.

import { expect, test } from 'vitest';
import { addAction, addGoal, addIdea, askQuestion, assessIdea, endMeeting, promoteToAction, setActionCapacity, setActionStatus, setActual, setTarget, startMeeting } from '../../shared/schema';
import { MAX_IMPORT_BYTES } from '../../shared/protocol';
import { ADMIN_TOKEN, connectClient, createBoard, serverForFile, waitFor, type CreatedBoard } from './harness';

const { server, pool } = serverForFile();
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

type Exported = Record<string, unknown> & { meta: Record<string, unknown>; goals: Record<string, unknown>[]; ideas: Record<string, unknown>[]; actions: Record<string, unknown>[]; minutes: Record<string, unknown>[] };

async function exportOf(boardId: string): Promise<Exported> {
  const response = await fetch(`${server.url}/api/boards/${boardId}/export.json`, { headers: admin });
  expect(response.status).toBe(200);
  return (await response.json()) as Exported;
}

function importFile(body: unknown, query = '', headers: Record<string, string> = admin): Promise<Response> {
  return fetch(`${server.url}/api/boards/import${query}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** The content without what an import gives anew: ids (links between entries followed by position), times of the export and of the board. */
function content(exported: Exported) {
  const ideaIndex = new Map(exported.ideas.map((idea, i) => [idea.id, i]));
  const goalIndex = new Map(exported.goals.map((goal, i) => [goal.id, i]));
  const actionIndex = new Map(exported.actions.map((action, i) => [action.id, i]));
  const strip = ({ id: _id, ...rest }: Record<string, unknown>) => rest;
  return {
    meta: { ...exported.meta, createdAt: undefined },
    goals: exported.goals.map((goal) => ({ ...strip(goal), order: undefined })),
    ideas: exported.ideas.map((idea) => ({ ...strip(idea), actionId: idea.actionId === undefined ? undefined : actionIndex.get(idea.actionId) })),
    actions: exported.actions.map((action) => ({ ...strip(action), order: undefined, ideaId: ideaIndex.get(action.ideaId), goalId: goalIndex.get(action.goalId) })),
    minutes: exported.minutes.map((minutes) => ({
      ...minutes,
      decisions: (minutes.decisions as Record<string, unknown>[]).map((d) => ({ ...d, actionId: actionIndex.get(d.actionId) })),
      openActions: (minutes.openActions as Record<string, unknown>[]).map((a) => ({ ...a, actionId: actionIndex.get(a.actionId) })),
      goals: (minutes.goals as Record<string, unknown>[]).map((g) => ({ ...g, goalId: goalIndex.get(g.goalId) })),
    })),
  };
}

test('a board goes out as JSON and comes back in as a new board with the same content', async () => {
  const board = await createBoard(server.url, 'Borgerservice');
  const client = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await client.firstSync;
  const doc = client.doc;
  setActionCapacity(doc, 4);
  const goal = addGoal(doc, { name: 'Andel digitale ansøgninger', unit: '%', direction: 'up', owner: 'Birgit', description: 'Andel af ansøgninger, der kommer digitalt', baseline: 52 });
  const time = addGoal(doc, { name: 'Sagsbehandlingstid', unit: 'dage', direction: 'down', frequency: 'weekly' });
  for (const [period, target, actual] of [['2026-09', 70, 61], ['2026-10', 74, 63.5], ['2026-11', 78, null]] as const) {
    setTarget(doc, goal, period, target);
    if (actual !== null) setActual(doc, goal, period, actual, { by: 'Mette', at: `${period}-28T09:00:00.000Z` });
  }
  setTarget(doc, time, '2026-W47', 12);
  setActual(doc, time, '2026-W47', 14.5, { by: 'Lars', at: '2026-11-20T10:00:00.000Z' });
  const campaign = addIdea(doc, { text: 'Kampagne på biblioteket', author: 'Mette', color: '#fff3a3', round: 1, createdAt: '2026-11-01T08:00:00.000Z' });
  assessIdea(doc, campaign, { effect: 0.8, resources: 0.2 }, '2026-11-01T08:10:00.000Z');
  askQuestion(doc, campaign, { author: 'Lars', text: 'Hvilke dage?', at: '2026-11-01T08:05:00.000Z', answers: [{ author: 'Mette', text: 'Tirsdag og torsdag', at: '2026-11-01T08:06:00.000Z' }] });
  addIdea(doc, { text: 'Chatbot på hjemmesiden', author: 'Lars', color: '#ffd6a5', createdAt: '2026-11-01T08:01:00.000Z' });
  startMeeting(doc, { by: { id: 'mette', name: 'Mette' }, at: '2026-12-01T08:00:00.000Z' });
  const promoted = promoteToAction(doc, campaign, 'Mette', '2026-12-01T08:05:00.000Z')!;
  setActionStatus(doc, promoted, 'started', 'Lars', '2026-12-01T08:06:00.000Z');
  const own = addAction(doc, { title: 'Skilte i venteområdet', responsible: 'Lars', deadline: '2026-12-20', goalId: goal, by: 'Mette', at: '2026-12-01T08:07:00.000Z' });
  endMeeting(doc, { by: { id: 'mette', name: 'Mette' }, at: '2026-12-01T08:15:00.000Z' });
  setActionStatus(doc, own, 'finished', 'Lars', '2026-12-02T08:00:00.000Z');
  setActionStatus(doc, own, 'evaluated', 'Mette', '2026-12-02T09:00:00.000Z');

  let original: Exported = await exportOf(board.id);
  await waitFor(async () => {
    original = await exportOf(board.id);
    return original.minutes.length === 1 && original.actions.some((action) => action.status === 'evaluated');
  }, { what: 'the whole board on the server' });

  const response = await importFile(original);
  expect(response.status).toBe(201);
  const created = (await response.json()) as CreatedBoard & { imported: Record<string, number> };
  expect(created.id).not.toBe(board.id);
  expect(created.title).toBe('Borgerservice');
  expect(created.imported).toEqual({ goals: 2, ideas: 2, actions: 2, minutes: 1 });
  expect(created.links.edit).toContain(created.id);

  const copy = await exportOf(created.id);
  expect(content(copy)).toEqual(content(original));
  // The links between entries point into the new board, never into the old one.
  expect(JSON.stringify(copy)).not.toContain(campaign);
  expect(JSON.stringify(copy)).not.toContain(goal);

  // It is a board like any other: it opens over /sync, and the list summarises it.
  const opened = pool.add(connectClient(server.syncUrl, created.id, created.tokens.edit));
  expect((await opened.firstSync).goals.map((g) => g.name)).toEqual(['Andel digitale ansøgninger', 'Sagsbehandlingstid']);
  const listed = ((await (await fetch(`${server.url}/api/boards`, { headers: admin })).json()) as { id: string; title: string; summary: { ideas: number } }[]).find((entry) => entry.id === created.id);
  expect(listed).toMatchObject({ title: 'Borgerservice', summary: { ideas: 2 } });

  // ?title= names the copy.
  const renamed = await importFile(original, '?title=' + encodeURIComponent('Borgerservice (kopi)'));
  expect(((await renamed.json()) as { title: string }).title).toBe('Borgerservice (kopi)');
});

test('a bad file is refused with what is wrong, and no board is created', async () => {
  await createBoard(server.url, 'Findes');
  const count = async () => ((await (await fetch(`${server.url}/api/boards`, { headers: admin })).json()) as unknown[]).length;
  const before = await count();
  const valid = { format: 'maaltavle-board-1', meta: { title: 'Fil' }, goals: [], ideas: [], actions: [] };
  const goal = (extra: Record<string, unknown>) => ({ id: 'g', name: 'Mål', ...extra });

  const cases: [unknown, number, RegExp][] = [
    ['{not json', 400, /not valid JSON/],
    [[1, 2], 400, /board export/],
    [{ ...valid, format: 'something-else' }, 400, /format must be "maaltavle-board-1"/],
    [{ ...valid, meta: { title: '   ' } }, 400, /meta\.title: the board needs a title/],
    [{ ...valid, goals: [goal({ targets: { '2026-10': 'many' } })] }, 400, /goals\.0\.targets\.2026-10/],
    [{ ...valid, ideas: [{ id: 'i', text: 'x', author: 'a', color: '#fff', position: { effect: 3, resources: 0 } }] }, 400, /ideas\.0\.position\.effect/],
    [{ ...valid, actions: [{ id: 'a', title: 'x', status: 'done' }] }, 400, /actions\.0\.status/],
    [{ ...valid, actions: [{ id: 'a', title: 'x', deadline: '20. dec.' }] }, 400, /actions\.0\.deadline: must be a date/],
    [{ ...valid, goals: Array.from({ length: 101 }, (_, i) => goal({ id: `g${i}` })) }, 413, /does not fit: The board holds at most 100 entries in goals/],
  ];
  for (const [body, status, message] of cases) {
    const response = await importFile(body);
    expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  }
  expect((await importFile(valid, '?title=')).status).toBe(400);
  const huge = await importFile({ ...valid, meta: { title: 'x'.repeat(MAX_IMPORT_BYTES) } });
  expect(huge.status).toBe(413);

  // Only the admin imports.
  const board = await createBoard(server.url, 'Egen');
  expect((await importFile(valid, '', {})).status).toBe(401);
  expect((await importFile(valid, '', { Authorization: `Bearer ${board.tokens.edit}` })).status).toBe(401);
  expect((await fetch(`${server.url}/api/boards/import`, { headers: admin })).status).toBe(405);
  expect(await count()).toBe(before + 1);

  // Unknown keys (a later format's additions) are ignored.
  expect((await importFile({ ...valid, brainstorm: { mode: 'silent' }, extra: true })).status).toBe(201);
});

// Issue 8, "Links that can be revoked one by one": the admin replaces a board's edit or view
// link, or the leader link, or deletes a board. A replaced link stops at once — open connections
// with it are closed with 4410, new ones refused with 4410, REST answers 401 — while the board's
// other link and every other board go on; the new link works, also after a restart. A deleted
// board's connections are closed with 4404 and its rows (document, summary, hidden ideas) are
// gone from the store, which stays healthy for the others.

import { afterEach, expect, test } from 'vitest';
import { CloseCode } from '../../shared/protocol';
import { addIdea, setBoardTitle } from '../../shared/schema';
import { ADMIN_TOKEN, clientPool, connectClient, createBoard, rawClient, restartTestServer, startTestServer, waitFor, withDatabase, type CreatedBoard, type TestServer } from './harness';

const pool = clientPool();
let server: TestServer;
afterEach(async () => {
  pool.destroyAll();
  await server?.close();
});

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

async function rotate(base: string, boardId: string, link: string, headers: Record<string, string> = admin): Promise<Response> {
  return fetch(`${base}/api/boards/${boardId}/links/${link}/rotate`, { method: 'POST', headers });
}

async function listed(base: string): Promise<{ id: string; links: { edit: string; view: string } }[]> {
  return (await (await fetch(`${base}/api/boards`, { headers: admin })).json()) as { id: string; links: { edit: string; view: string } }[];
}

const exportJson = (base: string, board: { id: string }, token: string) => fetch(`${base}/api/boards/${board.id}/export.json`, { headers: { Authorization: `Bearer ${token}` } });

test('replacing the edit link closes its connections with 4410 at once; the view link and the new edit link go on, also after a restart', async () => {
  server = await startTestServer();
  const board = await createBoard(server.url, 'Borgerservice');
  const neighbour = await createBoard(server.url, 'Naboen');
  const editor = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const wall = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  const elsewhere = pool.add(connectClient(server.syncUrl, neighbour.id, neighbour.tokens.edit));
  await Promise.all([editor.firstSync, wall.firstSync, elsewhere.firstSync]);

  const response = await rotate(server.url, board.id, 'edit');
  expect(response.status).toBe(200);
  const rotated = (await response.json()) as CreatedBoard;
  expect(rotated.tokens.edit).not.toBe(board.tokens.edit);
  expect(rotated.tokens.edit).toMatch(/^e_[a-z0-9]+\.1\./);
  expect(rotated.tokens.view).toBe(board.tokens.view);
  expect(rotated.links.edit).toContain(encodeURIComponent(rotated.tokens.edit));

  // The open editor is told at once, with the code the UI explains, and does not come back.
  expect((await editor.closed).code).toBe(CloseCode.linkReplaced);
  // A new connection with the old link gets the same; REST refuses it with 401 and says why.
  const late = rawClient(server.syncUrl, board.id, board.tokens.edit);
  expect((await late.closed).code).toBe(CloseCode.linkReplaced);
  expect(late.received).toEqual([]);
  const old = await exportJson(server.url, board, board.tokens.edit);
  expect(old.status).toBe(401);
  expect((await old.json()).error).toMatch(/replaced/);

  // The wall screen and the other board were not touched; the new edit link writes to both
  // the wall and the store.
  const fresh = pool.add(connectClient(server.syncUrl, board.id, rotated.tokens.edit));
  await fresh.firstSync;
  addIdea(fresh.doc, { text: 'Ny nøgle, samme tavle', author: 'Anna', color: '#fde68a' });
  await waitFor(() => wall.board().ideas.some((idea) => idea.text === 'Ny nøgle, samme tavle'), { what: 'the new editor’s idea on the wall' });
  expect(wall.closeCodes).toEqual([]);
  expect(elsewhere.closeCodes).toEqual([]);
  expect((await listed(server.url)).find((entry) => entry.id === board.id)?.links).toEqual(rotated.links);

  pool.destroyAll();
  await server.close();
  server = await restartTestServer(server);
  const again = pool.add(connectClient(server.syncUrl, board.id, rotated.tokens.edit));
  expect((await again.firstSync).ideas.map((idea) => idea.text)).toContain('Ny nøgle, samme tavle');
  expect((await rawClient(server.syncUrl, board.id, board.tokens.edit).closed).code).toBe(CloseCode.linkReplaced);
  expect((await exportJson(server.url, board, rotated.tokens.edit)).status).toBe(200);
});

test('replacing the view link closes only the viewers; each rotation gives a new link', async () => {
  server = await startTestServer();
  const board = await createBoard(server.url, 'Tavleskærm');
  const editor = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const wall = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await Promise.all([editor.firstSync, wall.firstSync]);

  const first = (await (await rotate(server.url, board.id, 'view')).json()) as CreatedBoard;
  expect((await wall.closed).code).toBe(CloseCode.linkReplaced);
  const second = (await (await rotate(server.url, board.id, 'view')).json()) as CreatedBoard;
  expect(new Set([board.tokens.view, first.tokens.view, second.tokens.view]).size).toBe(3);
  expect(second.tokens.edit).toBe(board.tokens.edit);
  // Only the newest view link opens the board.
  expect((await rawClient(server.syncUrl, board.id, first.tokens.view).closed).code).toBe(CloseCode.linkReplaced);
  const newWall = pool.add(connectClient(server.syncUrl, board.id, second.tokens.view));
  await newWall.firstSync;
  setBoardTitle(editor.doc, 'Tavleskærm, nyt link');
  await waitFor(() => newWall.board().meta.title === 'Tavleskærm, nyt link', { what: 'the title on the new wall link' });
  expect(editor.closeCodes).toEqual([]);
});

test('only the admin replaces links or deletes boards; wrong names and methods are clear errors', async () => {
  server = await startTestServer();
  const board = await createBoard(server.url, 'Beskyttet');
  const leader = (await (await fetch(`${server.url}/api/leader-link`, { headers: admin })).json()) as { token: string };
  for (const headers of [{}, { Authorization: `Bearer ${board.tokens.edit}` }, { Authorization: "Bearer nope" }] as Record<string, string>[]) {
    const response = await rotate(server.url, board.id, 'edit', headers);
    expect(response.status).toBe(401);
    expect((await fetch(`${server.url}/api/boards/${board.id}`, { method: 'DELETE', headers })).status).toBe(401);
  }
  expect((await rotate(server.url, board.id, 'edit', { Authorization: `Bearer ${leader.token}` })).status).toBe(403);
  const wrong = await rotate(server.url, board.id, 'admin');
  expect(wrong.status).toBe(404);
  expect((await wrong.json()).error).toMatch(/edit and the view link/);
  expect((await rotate(server.url, 'nosuchboard1234', 'edit')).status).toBe(404);
  expect((await fetch(`${server.url}/api/boards/${board.id}/links/edit/rotate`, { headers: admin })).status).toBe(405);
  expect((await fetch(`${server.url}/api/boards/${board.id}`, { method: 'PUT', headers: admin })).status).toBe(405);
  // Nothing of that changed the board's links.
  expect((await listed(server.url)).find((entry) => entry.id === board.id)?.links).toEqual(board.links);
});

test('replacing the leader link refuses the old one with a clear 401; the new one reads the overview, also after a restart', async () => {
  server = await startTestServer();
  await createBoard(server.url, 'Ledertavle');
  const before = (await (await fetch(`${server.url}/api/leader-link`, { headers: admin })).json()) as { token: string; link: string };
  const response = await fetch(`${server.url}/api/leader-link/rotate`, { method: 'POST', headers: admin });
  expect(response.status).toBe(200);
  const after = (await response.json()) as { token: string; link: string };
  expect(after.token).not.toBe(before.token);
  expect(after.link).toContain(encodeURIComponent(after.token));
  const old = await fetch(`${server.url}/api/boards`, { headers: { Authorization: `Bearer ${before.token}` } });
  expect(old.status).toBe(401);
  expect((await old.json()).error).toMatch(/leader link was replaced/);
  expect((await fetch(`${server.url}/api/boards`, { headers: { Authorization: `Bearer ${after.token}` } })).status).toBe(200);
  expect((await fetch(`${server.url}/api/leader-link/rotate`, { method: 'POST', headers: { Authorization: `Bearer ${after.token}` } })).status).toBe(403);

  await server.close();
  server = await restartTestServer(server);
  expect((await fetch(`${server.url}/api/boards`, { headers: { Authorization: `Bearer ${after.token}` } })).status).toBe(200);
  expect((await fetch(`${server.url}/api/boards`, { headers: { Authorization: `Bearer ${before.token}` } })).status).toBe(401);
  expect(((await (await fetch(`${server.url}/api/leader-link`, { headers: admin })).json()) as { token: string }).token).toBe(after.token);
});

test('deleting a board closes its connections with 4404 and removes its rows; the store stays healthy and keeps the others', async () => {
  server = await startTestServer();
  const doomed = await createBoard(server.url, 'Slettes');
  const kept = await createBoard(server.url, 'Bliver');
  const editor = pool.add(connectClient(server.syncUrl, doomed.id, doomed.tokens.edit));
  const wall = pool.add(connectClient(server.syncUrl, doomed.id, doomed.tokens.view));
  const other = pool.add(connectClient(server.syncUrl, kept.id, kept.tokens.edit));
  await Promise.all([editor.firstSync, wall.firstSync, other.firstSync]);
  withDatabase(server.dataDir, (db) => {
    db.prepare("INSERT INTO idea_drafts (id, board_id, owner_hash, participant_id, author, color, round, text, created_at) VALUES ('d1', ?, 'h', 'p', 'Anna', '#fde68a', 0, 'Skjult', '2026-12-02T10:00:00Z')").run(doomed.id);
    db.prepare("INSERT INTO idea_draft_owners (board_id, participant_id, owner_hash) VALUES (?, 'p', 'h')").run(doomed.id);
  });
  // Edits of both boards in flight as the delete arrives: the doomed board's must not reach the
  // store after its row is gone (that would fail every later write), the other's must.
  addIdea(editor.doc, { text: 'Sidste idé', author: 'Anna', color: '#fde68a' });
  addIdea(other.doc, { text: 'Overlever', author: 'Bo', color: '#fde68a' });

  const response = await fetch(`${server.url}/api/boards/${doomed.id}`, { method: 'DELETE', headers: admin });
  expect(response.status).toBe(204);
  expect((await editor.closed).code).toBe(CloseCode.unknownBoard);
  expect((await wall.closed).code).toBe(CloseCode.unknownBoard);
  expect(other.closeCodes).toEqual([]);

  const rows = (table: string) => withDatabase(server.dataDir, (db) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${table === 'boards' ? 'id' : 'board_id'} = ?`).get(doomed.id) as { n: number }).n);
  await waitFor(() => rows('updates') === 0, { what: 'no stored updates of the deleted board' });
  expect(rows('boards')).toBe(0);
  expect(rows('idea_drafts')).toBe(0);
  expect(rows('idea_draft_owners')).toBe(0);
  expect((await listed(server.url)).map((entry) => entry.id)).toEqual([kept.id]);
  expect((await fetch(`${server.url}/api/boards/${doomed.id}`, { method: 'DELETE', headers: admin })).status).toBe(404);
  expect((await exportJson(server.url, doomed, doomed.tokens.edit)).status).toBe(404);
  expect((await rawClient(server.syncUrl, doomed.id, doomed.tokens.edit).closed).code).toBe(CloseCode.unknownBoard);

  // The store goes on writing the other board.
  addIdea(other.doc, { text: 'Efter sletningen', author: 'Bo', color: '#fde68a' });
  await waitFor(async () => (await fetch(`${server.url}/readyz`)).status === 200, { what: 'the store ready' });
  pool.destroyAll();
  await server.close();
  server = await restartTestServer(server);
  const back = pool.add(connectClient(server.syncUrl, kept.id, kept.tokens.edit));
  expect((await back.firstSync).ideas.map((idea) => idea.text).sort()).toEqual(['Efter sletningen', 'Overlever']);
  expect(server.logs.filter((entry) => entry.level === 'error')).toEqual([]);
});

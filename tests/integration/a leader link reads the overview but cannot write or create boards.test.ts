import { expect, test } from 'vitest';
import { addIdea, setBoardTitle } from '../../shared/schema';
import { ADMIN_TOKEN, connectClient, createBoard, rawClient, sleep, waitFor, serverForFile } from './harness';

const { server, pool } = serverForFile();

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function leaderToken(): Promise<{ token: string; link: string }> {
  const response = await fetch(`${server.url}/api/leader-link`, { headers: bearer(ADMIN_TOKEN) });
  expect(response.status).toBe(200);
  return (await response.json()) as { token: string; link: string };
}

test('the admin gets the leader link; nobody else does', async () => {
  const { token, link } = await leaderToken();
  expect(token).toMatch(/^l_[A-Za-z0-9_-]{22}$/);
  expect(link).toBe(`${server.publicUrl}/overblik?leader=${encodeURIComponent(token)}`);
  for (const headers of [{}, bearer(token), bearer('nope')]) {
    const response = await fetch(`${server.url}/api/leader-link`, { headers });
    expect([401, 403]).toContain(response.status);
    expect(await response.json()).toHaveProperty('error');
  }
});

test('a leader lists every board with its summary and only read-only links, never an edit link or token', async () => {
  const board = await createBoard(server.url, 'Borgerservice');
  const { token } = await leaderToken();
  const response = await fetch(`${server.url}/api/boards`, { headers: bearer(token) });
  expect(response.status).toBe(200);
  const text = await response.text();
  const list = JSON.parse(text) as { id: string; links: Record<string, string>; summary: unknown; tokens?: unknown }[];
  const entry = list.find((b) => b.id === board.id)!;
  expect(entry.summary).toMatchObject({ overdue: 0, overdueActions: [] });
  expect(Object.keys(entry.links)).toEqual(['view']);
  expect(entry.links.view).toBe(board.links.view);
  expect(entry.tokens).toBeUndefined();
  expect(text).not.toContain(board.tokens.edit);
  expect(text).not.toMatch(/[?&]token=e_/);
});

test('a leader cannot create boards (403, nothing created)', async () => {
  const { token } = await leaderToken();
  const before = ((await (await fetch(`${server.url}/api/boards`, { headers: bearer(ADMIN_TOKEN) })).json()) as unknown[]).length;
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Not allowed' }),
  });
  expect(response.status).toBe(403);
  expect((await response.json()).error).toMatch(/leader/i);
  const after = ((await (await fetch(`${server.url}/api/boards`, { headers: bearer(ADMIN_TOKEN) })).json()) as unknown[]).length;
  expect(after).toBe(before);
});

test('the leader token opens no board over /sync (4401, no document data)', async () => {
  const board = await createBoard(server.url, 'Ældrepleje');
  const { token } = await leaderToken();
  const raw = rawClient(server.syncUrl, board.id, token);
  const closed = await raw.closed;
  expect(closed.code).toBe(4401);
  expect(raw.received).toHaveLength(0);
});

test('a board opened from the overview (its view link) cannot be written to', async () => {
  const board = await createBoard(server.url, 'Jobcenter');
  const { token } = await leaderToken();
  const list = (await (await fetch(`${server.url}/api/boards`, { headers: bearer(token) })).json()) as { id: string; links: { view: string } }[];
  const viewToken = new URL(list.find((b) => b.id === board.id)!.links.view).searchParams.get('token')!;
  expect(viewToken.startsWith('v_')).toBe(true);

  const editor = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const leader = pool.add(connectClient(server.syncUrl, board.id, viewToken));
  await Promise.all([editor.firstSync, leader.firstSync]);
  addIdea(leader.doc, { text: 'from a leader', author: 'Leder', color: '#fff' });
  setBoardTitle(leader.doc, 'Renamed by a leader');
  // The same socket's awareness arrives after its document update: then the update was handled.
  leader.provider.awareness.setLocalStateField('user', { name: 'Leder' });
  await waitFor(() => [...editor.provider.awareness.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === 'Leder'), {
    what: 'the leader’s awareness at the editor',
  });
  await sleep(50);
  expect(editor.board().ideas).toHaveLength(0);
  expect(editor.board().meta.title).toBe('Jobcenter');
});

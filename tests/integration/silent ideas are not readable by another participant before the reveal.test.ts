// Silent brainstorm, server-enforced: a hidden idea is kept by the server outside the board
// document, so another participant with the edit link — syncing the whole document, calling the
// drafts API with any key but the owner's — cannot read it; after the reveal everyone has it.

import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { readBrainstorm } from '../../shared/schema';
import { DRAFT_KEY_HEADER, newDraftKey } from '../../shared/domain/drafts';
import { clientPool, connectClient, createBoard, sleep, startTestServer, waitFor, withDatabase, type TestServer } from './harness';

let server: TestServer;
const pool = clientPool();
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  pool.destroyAll();
  await server.close();
});

const SECRET = 'Hemmelig idé: gratis kaffe i venteområdet 7c1f';

function drafts(boardId: string, init: { method?: string; token?: string; key?: string; body?: unknown; path?: string }) {
  const headers: Record<string, string> = {};
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.key) headers[DRAFT_KEY_HEADER] = init.key;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(`${server.url}/api/boards/${boardId}/drafts${init.path ?? ''}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));

test('a hidden idea is only in the owner’s hands until the facilitator reveals it', async () => {
  const board = await createBoard(server.url, 'Tavs brainstorm');
  const other = await createBoard(server.url, 'En anden tavle');
  const anna = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const bo = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await Promise.all([anna.firstSync, bo.firstSync]);
  const annaKey = newDraftKey();
  const boKey = newDraftKey();

  // Anna writes a hidden idea.
  const posted = await drafts(board.id, { method: 'POST', token: board.tokens.edit, key: annaKey, body: { text: SECRET, author: 'Anna', color: '#fff3a3', participantId: 'anna-id', round: 1 } });
  expect(posted.status).toBe(201);
  const { draft } = (await posted.json()) as { draft: { id: string; text: string } };
  expect(draft.text).toBe(SECRET);

  // Bo's client learns that Anna has one hidden idea — the count, never the text.
  await waitFor(() => readBrainstorm(bo.doc).hidden.length === 1, { what: 'the hidden count at Bo' });
  expect(readBrainstorm(bo.doc).hidden).toEqual([{ participantId: 'anna-id', name: 'Anna', count: 1 }]);
  expect(bo.board().ideas).toEqual([]);
  expect(contains(Y.encodeStateAsUpdate(bo.doc), SECRET)).toBe(false);
  expect(contains(Y.encodeStateAsUpdate(bo.doc), 'gratis kaffe')).toBe(false);

  // Nor is it in what the server stores for the board, nor what a fresh client gets.
  await sleep(150);
  const stored = withDatabase(server.dataDir, (db) => db.prepare('SELECT data FROM updates WHERE board_id = ?').all(board.id) as { data: Buffer }[]);
  expect(stored.length).toBeGreaterThan(0);
  expect(stored.some((row) => contains(row.data, SECRET))).toBe(false);
  const fresh = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await fresh.firstSync;
  expect(contains(Y.encodeStateAsUpdate(fresh.doc), SECRET)).toBe(false);

  // The drafts API gives it to no one but the owner's key.
  expect(((await (await drafts(board.id, { token: board.tokens.edit, key: boKey })).json()) as { drafts: unknown[] }).drafts).toEqual([]);
  const noKey = await drafts(board.id, { token: board.tokens.edit });
  expect(noKey.status).toBe(400);
  expect(JSON.stringify(await noKey.json())).not.toContain('kaffe');
  expect((await drafts(board.id, { token: board.tokens.edit, key: 'too-short' })).status).toBe(400);
  // Even the owner's key is not enough without the edit link.
  expect((await drafts(board.id, { token: board.tokens.view, key: annaKey })).status).toBe(403);
  expect((await drafts(board.id, { key: annaKey })).status).toBe(401);
  expect((await drafts(board.id, { token: 'e_junk', key: annaKey })).status).toBe(401);
  expect((await drafts(board.id, { token: other.tokens.edit, key: annaKey })).status).toBe(403);
  expect((await drafts(other.id, { token: other.tokens.edit, key: annaKey })).status).toBe(200);
  expect(((await (await drafts(other.id, { token: other.tokens.edit, key: annaKey })).json()) as { drafts: unknown[] }).drafts).toEqual([]);
  // Bo cannot delete it either (it looks like it does not exist).
  expect((await drafts(board.id, { method: 'DELETE', token: board.tokens.edit, key: boKey, path: `/${draft.id}` })).status).toBe(404);
  const mine = (await (await drafts(board.id, { token: board.tokens.edit, key: annaKey })).json()) as { drafts: { text: string }[] };
  expect(mine.drafts.map((d) => d.text)).toEqual([SECRET]);

  // Bo writes one too; then Anna deletes a second one of hers again (the count follows).
  const boPost = await drafts(board.id, { method: 'POST', token: board.tokens.edit, key: boKey, body: { text: 'Bos skjulte idé', author: 'Bo', participantId: 'bo-id' } });
  expect(boPost.status).toBe(201);
  const second = (await (await drafts(board.id, { method: 'POST', token: board.tokens.edit, key: annaKey, body: { text: 'Fortrudt', author: 'Anna', participantId: 'anna-id' } })).json()) as { draft: { id: string } };
  expect((await drafts(board.id, { method: 'DELETE', token: board.tokens.edit, key: annaKey, path: `/${second.draft.id}` })).status).toBe(200);
  await waitFor(() => readBrainstorm(anna.doc).hidden.length === 2 && readBrainstorm(anna.doc).hidden.every((h) => h.count === 1), { what: 'counts for both' });

  // A bad body is refused with a clear JSON error.
  const bad = await drafts(board.id, { method: 'POST', token: board.tokens.edit, key: boKey, body: { text: '   ', author: 'Bo', participantId: 'bo-id' } });
  expect(bad.status).toBe(400);
  expect(await bad.json()).toEqual({ error: 'text must not be empty' });

  // The view link cannot reveal; the edit link can (the facilitator's button).
  expect((await drafts(board.id, { method: 'POST', token: board.tokens.view, path: '/reveal' })).status).toBe(403);
  const reveal = await drafts(board.id, { method: 'POST', token: board.tokens.edit, path: '/reveal' });
  expect(reveal.status).toBe(200);
  expect(await reveal.json()).toEqual({ revealed: 2 });

  // Now everyone has both ideas, with their authors; nothing is hidden any more.
  for (const client of [anna, bo, fresh]) {
    await waitFor(() => client.board().ideas.length === 2, { what: 'the revealed ideas' });
    expect(client.board().ideas.map((i) => [i.text, i.author]).sort()).toEqual([
      ['Bos skjulte idé', 'Bo'],
      [SECRET, 'Anna'],
    ]);
    await waitFor(() => readBrainstorm(client.doc).hidden.length === 0, { what: 'the counts to clear' });
  }
  expect(((await (await drafts(board.id, { token: board.tokens.edit, key: annaKey })).json()) as { drafts: unknown[] }).drafts).toEqual([]);
  expect(await (await drafts(board.id, { method: 'POST', token: board.tokens.edit, path: '/reveal' })).json()).toEqual({ revealed: 0 });

  // And a client that opens the board later has them at its first sync.
  const later = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  expect((await later.firstSync).ideas.map((i) => i.text).sort()).toEqual(['Bos skjulte idé', SECRET]);
});

test('hidden ideas survive a restart of the server', async () => {
  const board = await createBoard(server.url, 'Genstart');
  const key = newDraftKey();
  const posted = await drafts(board.id, { method: 'POST', token: board.tokens.edit, key, body: { text: 'Overlever genstart', author: 'Ulla', participantId: 'ulla' } });
  expect(posted.status).toBe(201);
  await server.close();
  const { restartTestServer } = await import('./harness');
  server = await restartTestServer(server);
  const mine = (await (await drafts(board.id, { token: board.tokens.edit, key })).json()) as { drafts: { text: string }[] };
  expect(mine.drafts.map((d) => d.text)).toEqual(['Overlever genstart']);
});

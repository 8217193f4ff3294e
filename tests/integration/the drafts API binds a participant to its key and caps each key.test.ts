// Issue 8: one draft key cannot post hidden ideas under another participant's id (the id is
// bound to the first key that writes under it, the key to that id, until the reveal), and one
// key cannot fill the board: each key has its own cap, the board one for all, and the number of
// participants with hidden ideas is bounded too. Every refusal is a JSON error.

import { expect, test } from 'vitest';
import { addIdea, readBrainstorm, removeIdea } from '../../shared/schema';
import { MAX_ROOT_ENTRIES } from '../../shared/limits';
import { DRAFT_KEY_HEADER, DRAFT_PARTICIPANTS_PER_BOARD_MAX, DRAFTS_PER_BOARD_MAX, DRAFTS_PER_PARTICIPANT_MAX, newDraftKey } from '../../shared/domain/drafts';
import { connectClient, createBoard, serverForFile, waitFor, withDatabase } from './harness';

const { server, pool } = serverForFile();

async function post(board: { id: string; tokens: { edit: string } }, key: string, participantId: string, text = 'En skjult idé'): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}/api/boards/${board.id}/drafts`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${board.tokens.edit}`, [DRAFT_KEY_HEADER]: key, 'Content-Type': 'application/json' },
    body: JSON.stringify({ text, author: participantId, participantId }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function reveal(board: { id: string; tokens: { edit: string } }): Promise<number> {
  const response = await fetch(`${server.url}/api/boards/${board.id}/drafts/reveal`, { method: 'POST', headers: { Authorization: `Bearer ${board.tokens.edit}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { revealed: number }).revealed;
}

test('a participant id belongs to the first key that posts under it, and a key to one participant, until the reveal', async () => {
  const board = await createBoard(server.url, 'Bundne udkast');
  const other = await createBoard(server.url, 'En anden tavle');
  const bo = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await bo.firstSync;
  const annaKey = newDraftKey();
  const malloryKey = newDraftKey();

  expect((await post(board, annaKey, 'anna-id', 'Annas idé')).status).toBe(201);
  // Another key posting as Anna is refused, and nothing of it reaches the counts.
  const forged = await post(board, malloryKey, 'anna-id', 'Ikke Annas idé');
  expect(forged.status).toBe(403);
  expect(forged.body).toEqual({ error: expect.stringMatching(/another draft key/) });
  // Anna's key cannot write as someone else either.
  const asBo = await post(board, annaKey, 'bo-id');
  expect(asBo.status).toBe(403);
  expect(asBo.body).toEqual({ error: expect.stringMatching(/another participant/) });
  // Mallory under her own id is fine; Anna goes on under hers.
  expect((await post(board, malloryKey, 'mallory-id')).status).toBe(201);
  expect((await post(board, annaKey, 'anna-id', 'Annas anden idé')).status).toBe(201);
  await waitFor(() => readBrainstorm(bo.doc).hidden.length === 2, { what: 'two participants with hidden ideas' });
  expect(readBrainstorm(bo.doc).hidden.find((h) => h.participantId === 'anna-id')?.count).toBe(2);

  // The binding is per board.
  expect((await post(other, malloryKey, 'anna-id')).status).toBe(201);

  // Anna deleting her drafts does not hand her id over before the reveal …
  const headers = { Authorization: `Bearer ${board.tokens.edit}`, [DRAFT_KEY_HEADER]: annaKey };
  const mine = ((await (await fetch(`${server.url}/api/boards/${board.id}/drafts`, { headers })).json()) as { drafts: { id: string }[] }).drafts;
  expect(mine).toHaveLength(2);
  for (const draft of mine) expect((await fetch(`${server.url}/api/boards/${board.id}/drafts/${draft.id}`, { method: 'DELETE', headers })).status).toBe(200);
  expect((await post(board, malloryKey, 'anna-id')).status).toBe(403);
  expect((await post(board, annaKey, 'anna-id', 'Annas tredje idé')).status).toBe(201);
  // … the reveal does: ids are public, so no binding outlives the round.
  expect(await reveal(board)).toBe(2); // Mallory's and Anna's third
  expect((await post(board, malloryKey, 'anna-id', 'Efter afsløringen')).status).toBe(201);
  expect((await post(board, annaKey, 'anna-id')).status).toBe(403);
  expect((await post(board, annaKey, 'anna-2')).status).toBe(201);
});

test('each key has its own cap and the board one for all: 429 with a JSON error', async () => {
  const board = await createBoard(server.url, 'Fuldt loft');
  const greedy = newDraftKey();
  for (let i = 0; i < DRAFTS_PER_PARTICIPANT_MAX; i++) expect((await post(board, greedy, 'greedy', `idé ${i}`)).status).toBe(201);
  const over = await post(board, greedy, 'greedy', 'en for meget');
  expect(over.status).toBe(429);
  expect(over.body).toEqual({ error: expect.stringMatching(new RegExp(`${DRAFTS_PER_PARTICIPANT_MAX} hidden ideas per draft key`)) });
  // The others still have room.
  expect((await post(board, newDraftKey(), 'modest')).status).toBe(201);

  // The board's cap (filled straight in the table; a hundred keys would take long).
  withDatabase(server.dataDir, (db) => {
    const insert = db.prepare('INSERT INTO idea_drafts (id, board_id, owner_hash, participant_id, author, color, round, text, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)');
    for (let i = 101; i < DRAFTS_PER_BOARD_MAX; i++) insert.run(`filler${i}`, board.id, `owner${i % 50}`, `filler${i % 50}`, 'x', '', 'x', '2026-01-01T00:00:00.000Z');
  });
  const full = await post(board, newDraftKey(), 'late');
  expect(full.status).toBe(429);
  expect(full.body).toEqual({ error: expect.stringMatching(new RegExp(`${DRAFTS_PER_BOARD_MAX} hidden ideas on a board`)) });
});

test('the number of participants holding hidden ideas on a board is bounded', async () => {
  const board = await createBoard(server.url, 'Mange nøgler');
  withDatabase(server.dataDir, (db) => {
    const insert = db.prepare('INSERT INTO idea_draft_owners (board_id, participant_id, owner_hash) VALUES (?, ?, ?)');
    for (let i = 0; i < DRAFT_PARTICIPANTS_PER_BOARD_MAX; i++) insert.run(board.id, `p${i}`, `h${i}`);
  });
  const refused = await post(board, newDraftKey(), 'one-more');
  expect(refused.status).toBe(429);
  expect(refused.body).toEqual({ error: expect.stringMatching(/participants with hidden ideas/) });
  // An empty reveal frees them (none of them holds a draft).
  expect(await reveal(board)).toBe(0);
  expect((await post(board, newDraftKey(), 'one-more')).status).toBe(201);
});

test('a reveal that would take the board past its ideas is refused whole: 413, and the hidden ideas stay hidden', async () => {
  const board = await createBoard(server.url, 'Næsten fuld');
  const bo = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await bo.firstSync;
  const room = MAX_ROOT_ENTRIES.ideas! - 2;
  for (let start = 0; start < room; start += 100) {
    bo.doc.transact(() => {
      for (let i = start; i < Math.min(room, start + 100); i++) addIdea(bo.doc, { text: `synlig ${i}`, author: 'Bo', color: '#fff3a3' });
    });
  }
  const key = newDraftKey();
  for (const text of ['skjult 1', 'skjult 2', 'skjult 3']) expect((await post(board, key, 'anna-id', text)).status).toBe(201);
  await waitFor(() => bo.board().ideas.length === room && readBrainstorm(bo.doc).hidden.length === 1, { what: 'the board and the hidden counts on the client' });

  const response = await fetch(`${server.url}/api/boards/${board.id}/drafts/reveal`, { method: 'POST', headers: { Authorization: `Bearer ${board.tokens.edit}` } });
  expect(response.status).toBe(413);
  expect(((await response.json()) as { error: string }).error).toMatch(/room for 2 more ideas; 3 are hidden/);
  expect(readBrainstorm(bo.doc).hidden[0]?.count).toBe(3);
  // The connection was not hurt, and after one idea goes the reveal goes through.
  removeIdea(bo.doc, bo.board().ideas[0]!.id);
  await waitFor(async () => {
    const again = await fetch(`${server.url}/api/boards/${board.id}/drafts/reveal`, { method: 'POST', headers: { Authorization: `Bearer ${board.tokens.edit}` } });
    return again.status === 200;
  }, { what: 'the reveal once there is room' });
  await waitFor(() => bo.board().ideas.length === MAX_ROOT_ENTRIES.ideas, { what: 'the full board on the client' });
  expect(bo.closeCodes).toEqual([]);
});

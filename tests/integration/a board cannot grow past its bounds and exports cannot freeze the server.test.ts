// Issue 8.3: any editor could grow a board without bound, and a few concurrent exports of such a
// board froze the server. Now the writers refuse past the bounds (shared/limits.ts), the server
// refuses an update that would take the board past them (4413, not applied), exports are bounded
// and at most MAX_CONCURRENT_EXPORTS run at once (429 beyond, JSON error).

import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { addAction, addIdea, roots } from '../../shared/schema';
import { CloseCode } from '../../shared/protocol';
import { BoardLimitError, MAX_ROOT_ENTRIES } from '../../shared/limits';
import { MAX_CONCURRENT_EXPORTS } from '../../server/src/http/exportLimit';
import { connectClient, createBoard, serverForFile, waitFor } from './harness';

const { server, pool } = serverForFile();
const MAX_IDEAS = MAX_ROOT_ENTRIES.ideas!;

test('ideas up to the bound: the writer refuses one more, and the server refuses one more built by hand (4413), not applied', async () => {
  const board = await createBoard(server.url, 'Fuld');
  const a = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const watcher = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await Promise.all([a.firstSync, watcher.firstSync]);

  // In batches of one transaction each, as a client that was offline would send them.
  for (let batch = 0; batch < 10; batch++) {
    a.doc.transact(() => {
      for (let i = 0; i < MAX_IDEAS / 10; i++) addIdea(a.doc, { text: `idé ${batch}-${i}`, author: 'a', color: '#fff3a3' });
    });
  }
  await waitFor(() => roots(watcher.doc).ideas.size === MAX_IDEAS, { what: 'every idea at the watcher', timeout: 10_000 });

  let refused: unknown = null;
  try {
    addIdea(a.doc, { text: 'én for meget', author: 'a', color: '#fff3a3' });
  } catch (error) {
    refused = error;
  }
  expect(refused).toBeInstanceOf(BoardLimitError);
  expect((refused as BoardLimitError).detail).toEqual({ limit: 'entries', root: 'ideas', max: MAX_IDEAS });
  expect(roots(a.doc).ideas.size).toBe(MAX_IDEAS); // nothing written

  // Built by hand, past the writer: 50 more in one update.
  a.doc.transact(() => {
    for (let i = 0; i < 50; i++) roots(a.doc).ideas.set(`hand${i}`, new Y.Map());
  });
  expect((await a.closed).code).toBe(CloseCode.boardFull);
  expect(server.logs.some((entry) => entry.msg === 'refused an update past the board’s bounds' && entry.limit === 'entries' && entry.root === 'ideas')).toBe(true);

  // The board has exactly its bound, for the watcher and for a new joiner.
  const joiner = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await joiner.firstSync;
  expect(roots(joiner.doc).ideas.size).toBe(MAX_IDEAS);
  expect(roots(watcher.doc).ideas.size).toBe(MAX_IDEAS);
});

test('an offline client that removed one and added one at the bound is not refused', async () => {
  const board = await createBoard(server.url, 'Byt');
  const a = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await a.firstSync;
  a.doc.transact(() => {
    for (let i = 0; i < MAX_IDEAS; i++) roots(a.doc).ideas.set(`i${i}`, new Y.Map());
  });
  const watcher = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await waitFor(async () => (await watcher.firstSync, roots(watcher.doc).ideas.size === MAX_IDEAS), { what: 'the full board' });
  a.doc.transact(() => {
    roots(a.doc).ideas.delete('i0');
    roots(a.doc).ideas.set('swapped', new Y.Map());
  });
  await waitFor(() => roots(watcher.doc).ideas.has('swapped') && !roots(watcher.doc).ideas.has('i0'), { what: 'the swap' });
  expect(a.closeCodes).toEqual([]);
});

test('exports of a full board: at most a few at once (429 JSON beyond), and the server keeps answering', async () => {
  const board = await createBoard(server.url, 'Eksport');
  const a = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await a.firstSync;
  // As large as the bytes allow: 500 actions with 2000-character titles (~1 MB).
  for (let i = 0; i < 500; i++) addAction(a.doc, { title: `${i} ${'handling '.repeat(250)}`.slice(0, 2000), responsible: 'Anne', by: 'a' });
  await waitFor(async () => {
    const response = await fetch(`${server.url}/api/boards/${board.id}/actions/export.csv?token=${board.tokens.view}`);
    return response.status === 200 && (await response.text()).split('\r\n').length > 500;
  }, { what: 'every action on the server', timeout: 10_000 });

  const started = performance.now();
  const requests = Array.from({ length: 8 }, () => fetch(`${server.url}/api/boards/${board.id}/actions/export.xlsx?token=${board.tokens.view}`));
  // While they run, the event loop answers.
  const health = performance.now();
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  const healthMs = performance.now() - health;
  const responses = await Promise.all(requests);
  const statuses = responses.map((response) => response.status);
  expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
  expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(MAX_CONCURRENT_EXPORTS);
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(8 - MAX_CONCURRENT_EXPORTS);
  const refused = responses.find((response) => response.status === 429)!;
  expect(refused.headers.get('content-type')).toMatch(/application\/json/);
  expect(refused.headers.get('retry-after')).toBe('5');
  expect(((await refused.json()) as { error: string }).error).toMatch(/exports/);
  for (const response of responses) if (response !== refused) await response.arrayBuffer();
  // Loose: ~0.4 s on an idle machine; CI machines may be loaded. The 429s above are the real check.
  expect(healthMs).toBeLessThan(5000);
  expect(performance.now() - started).toBeLessThan(15_000);

  // When they are done, exports run again.
  const again = await fetch(`${server.url}/api/boards/${board.id}/actions/export.csv?token=${board.tokens.view}`);
  expect(again.status).toBe(200);
});

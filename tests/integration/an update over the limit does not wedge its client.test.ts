// Issue 8.2: one update over the size limit used to wedge its client for ever (1009, reconnect,
// the same update again). Now the shared writers cannot build one in normal use, our client stops
// on 1009 instead of resending, and an update past the board's bounds is refused with the final
// 4413, so the client stops, and a fresh copy from the server (what the UI offers) edits on.

import { expect, test } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { addGoal, addIdea, readGoals, roots, setIdeaText, updateGoal } from '../../shared/schema';
import { CloseCode, MAX_MESSAGE_BYTES, stopsReconnecting } from '../../shared/protocol';
import { MAX_DOCUMENT_BYTES, MAX_SHORT_TEXT_LENGTH, MAX_TEXT_LENGTH } from '../../shared/limits';
import { connectClient, createBoard, serverForFile, sleep, waitFor } from './harness';

const { server, pool } = serverForFile();
const PASTE = 'x'.repeat(3 * 1024 * 1024); // a 3 MB paste

test('a 3 MB paste into any text field is cut by the writer: the update fits, the other client gets it, nobody is closed', async () => {
  const board = await createBoard(server.url, 'Paste');
  const a = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const b = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await Promise.all([a.firstSync, b.firstSync]);

  const goalId = addGoal(a.doc, { name: 'Svartid' });
  updateGoal(a.doc, goalId, { name: PASTE, unit: PASTE, owner: PASTE });
  const ideaId = addIdea(a.doc, { text: 'kort', author: 'a', color: '#fff3a3' });
  expect(setIdeaText(a.doc, ideaId, PASTE)).toEqual({ text: PASTE.slice(0, MAX_TEXT_LENGTH), cut: true });

  await waitFor(() => b.board().goals[0]?.name.length === MAX_SHORT_TEXT_LENGTH && b.board().ideas[0]?.text.length === MAX_TEXT_LENGTH, { what: 'the cut texts at b' });
  expect(readGoals(b.doc)[0]!.unit.length).toBe(MAX_SHORT_TEXT_LENGTH);
  expect(a.closeCodes).toEqual([]);
  expect(b.closeCodes).toEqual([]);
});

test('a frame over the limit anyway: our client stops at 1009 instead of sending it again for ever', async () => {
  const board = await createBoard(server.url, 'Frame');
  const doc = new Y.Doc();
  const codes: number[] = [];
  // Configured as client/src/sync/connection.ts configures its provider.
  const provider = new WebsocketProvider(server.syncUrl, board.id, doc, {
    params: { token: board.tokens.edit },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 100,
    shouldReconnect: (event) => !stopsReconnecting(event.code),
  });
  pool.add({ destroy: () => (provider.destroy(), doc.destroy()) });
  provider.on('connection-close', (event) => event && codes.push(event.code));
  const closed = new Promise<{ code: number }>((resolve) => provider.on('closed', resolve));
  await new Promise<void>((resolve) => provider.on('sync', (synced: boolean) => synced && resolve()));

  // Not through a writer: what an old or buggy client could build.
  roots(doc).meta.set('junk', 'y'.repeat(MAX_MESSAGE_BYTES + 1000));
  expect((await closed).code).toBe(CloseCode.tooLarge);
  await sleep(600); // several backoff periods
  expect(codes).toEqual([CloseCode.tooLarge]);
  expect(provider.shouldConnect).toBe(false);
});

test('an update past the board’s bounds is refused with the final 4413: the client stops, its earlier edits are there, a fresh copy edits on', async () => {
  const board = await createBoard(server.url, 'Bounds');
  const a = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const watcher = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await Promise.all([a.firstSync, watcher.firstSync]);

  addIdea(a.doc, { text: 'før', author: 'a', color: '#fff3a3' });
  await waitFor(() => watcher.board().ideas.length === 1, { what: 'the edit before' });

  // Under the frame limit, over the document's bytes: a raw text no writer would build.
  const huge = 'z'.repeat(MAX_DOCUMENT_BYTES + 10_000);
  expect(huge.length).toBeLessThan(MAX_MESSAGE_BYTES);
  const id = addIdea(a.doc, { text: 'stor', author: 'a', color: '#fff3a3' });
  (roots(a.doc).ideas.get(id) as Y.Map<unknown>).set('text', new Y.Text(huge));

  expect((await a.closed).code).toBe(CloseCode.boardFull);
  await sleep(700);
  expect(a.closeCodes).toEqual([CloseCode.boardFull]); // no reconnect loop
  expect(server.logs.some((entry) => entry.msg === 'refused an update past the board’s bounds' && entry.limit === 'bytes')).toBe(true);

  // Nothing of the refused update reached the board; what came before did.
  expect(watcher.board().ideas.map((idea) => idea.text).sort()).toEqual(['før', 'stor']);
  expect(Math.max(...watcher.board().ideas.map((idea) => idea.text.length))).toBeLessThan(10);

  // "Hent tavlen igen fra serveren": a fresh copy (the local one discarded) syncs and edits on.
  const fresh = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await fresh.firstSync;
  addIdea(fresh.doc, { text: 'efter', author: 'a', color: '#fff3a3' });
  await waitFor(() => watcher.board().ideas.some((idea) => idea.text === 'efter'), { what: 'the edit after' });
  expect(fresh.closeCodes).toEqual([]);
  expect(watcher.closeCodes).toEqual([]);
});

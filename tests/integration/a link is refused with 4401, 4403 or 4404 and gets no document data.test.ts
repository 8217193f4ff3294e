import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { writeSyncStep1 } from 'y-protocols/sync';
import { CloseCode } from '../../shared/protocol';
import { clientPool, connectClient, createBoard, rawClient, sleep, startTestServer, waitFor, type CreatedBoard, type TestServer } from './harness';

let server: TestServer;
let board: CreatedBoard;
let other: CreatedBoard;
const pool = clientPool();

beforeAll(async () => {
  server = await startTestServer();
  board = await createBoard(server.url, 'Hemmelig tavle');
  other = await createBoard(server.url, 'En anden tavle');
});
afterAll(async () => {
  pool.destroyAll();
  await server.close();
});

/** What a y-websocket client sends first: "here is my state vector, send me what I lack". */
function syncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

const tampered = (token: string) => token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');

describe('refused links', () => {
  const cases: [string, () => { boardId: string; token?: string }, number][] = [
    ['no token', () => ({ boardId: board.id }), CloseCode.badToken],
    ['an empty token', () => ({ boardId: board.id, token: '' }), CloseCode.badToken],
    ['a junk token', () => ({ boardId: board.id, token: 'e_not-a-token' }), CloseCode.badToken],
    ['a tampered edit token', () => ({ boardId: board.id, token: tampered(board.tokens.edit) }), CloseCode.badToken],
    ['a view token turned into an edit token', () => ({ boardId: board.id, token: 'e' + board.tokens.view.slice(1) }), CloseCode.badToken],
    ['a token naming this board with another board’s signature', () => ({ boardId: board.id, token: `e_${board.id}.${other.tokens.edit.split('.')[1]}` }), CloseCode.badToken],
    ['the edit token of another board', () => ({ boardId: board.id, token: other.tokens.edit }), CloseCode.foreignToken],
    ['the view token of another board', () => ({ boardId: board.id, token: other.tokens.view }), CloseCode.foreignToken],
    ['an unknown board', () => ({ boardId: 'nosuchboard123', token: board.tokens.edit }), CloseCode.unknownBoard],
    ['an unknown board without a token', () => ({ boardId: 'nosuchboard123' }), CloseCode.unknownBoard],
    ['a board id that cannot exist', () => ({ boardId: 'NOT..valid', token: board.tokens.edit }), CloseCode.unknownBoard],
  ];

  test.each(cases)('%s: closed with the right code before any document data', async (_name, link, code) => {
    const { boardId, token } = link();
    const client = rawClient(server.syncUrl, boardId, token);
    await client.opened; // the upgrade is accepted: a browser can only read a close code
    client.ws.send(syncStep1()); // ask for the document; must get nothing
    const closed = await client.closed;
    expect(closed.code).toBe(code);
    expect(client.received).toHaveLength(0);
  });
});

test('the same raw request with the right token does get the document (the check above can fail)', async () => {
  const client = rawClient(server.syncUrl, board.id, board.tokens.view);
  await client.opened;
  client.ws.send(syncStep1());
  await waitFor(() => client.received.some((frame) => frame[0] === 0 && frame[1] === 1), { what: 'sync step 2 from the server' });
  client.ws.close();
});

test('a y-websocket client on a refused link stops for good and reports the code', async () => {
  const refusalsBefore = server.logs.filter((entry) => entry.msg === 'connection refused').length;
  const client = pool.add(connectClient(server.syncUrl, board.id, other.tokens.edit));
  const closed = await client.closed;
  expect(closed.code).toBe(CloseCode.foreignToken);
  // Final: no reconnection attempts (each would be refused and logged again).
  await sleep(800);
  expect(server.logs.filter((entry) => entry.msg === 'connection refused').length - refusalsBefore).toBe(1);
  expect(client.provider.synced).toBe(false);
  expect(client.board().meta.title).toBe('');
});

test('refusals are logged without the token', () => {
  const refusals = server.logs.filter((entry) => entry.msg === 'connection refused');
  expect(refusals.length).toBeGreaterThan(0);
  const text = JSON.stringify(refusals);
  expect(text).not.toContain(board.tokens.edit);
  expect(text).not.toContain(other.tokens.edit);
});

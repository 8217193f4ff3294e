import { afterAll, beforeAll, expect, test } from 'vitest';
import * as encoding from 'lib0/encoding';
import { addIdea } from '../../shared/schema';
import { CloseCode, MAX_MESSAGE_BYTES } from '../../shared/protocol';
import { clientPool, connectClient, createBoard, rawClient, startTestServer, waitFor, type Client, type CreatedBoard, type TestServer } from './harness';

let server: TestServer;
let boardP: CreatedBoard;
let boardQ: CreatedBoard;
let a: Client;
let b: Client;
let c: Client;
let d: Client;
const pool = clientPool();
let round = 0;

beforeAll(async () => {
  server = await startTestServer();
  boardP = await createBoard(server.url, 'P');
  boardQ = await createBoard(server.url, 'Q');
  a = pool.add(connectClient(server.syncUrl, boardP.id, boardP.tokens.edit));
  b = pool.add(connectClient(server.syncUrl, boardP.id, boardP.tokens.edit));
  c = pool.add(connectClient(server.syncUrl, boardQ.id, boardQ.tokens.edit));
  d = pool.add(connectClient(server.syncUrl, boardQ.id, boardQ.tokens.view));
  await Promise.all([a.firstSync, b.firstSync, c.firstSync, d.firstSync]);
});
afterAll(async () => {
  pool.destroyAll();
  await server.close();
});

const texts = (client: Client) => client.board().ideas.map((idea) => idea.text).sort();

/** Both boards still relay edits, and no good connection was dropped. */
async function everyoneElseIsFine(): Promise<void> {
  round++;
  addIdea(a.doc, { text: `P${round}`, author: 'a', color: 'green' });
  addIdea(c.doc, { text: `Q${round}`, author: 'c', color: 'green' });
  await waitFor(() => texts(b).includes(`P${round}`) && texts(d).includes(`Q${round}`), { what: 'edits to be relayed on both boards' });
  for (const client of [a, b, c, d]) expect(client.closeCodes).toEqual([]);
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
}

function message(...parts: ((encoder: encoding.Encoder) => void)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) part(encoder);
  return encoding.toUint8Array(encoder);
}
const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n);
const bytes = (data: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, data);
const raw = (data: number[]) => (e: encoding.Encoder) => encoding.writeUint8Array(e, Uint8Array.from(data));

const badFrames: [string, Uint8Array | string, number][] = [
  ['garbage bytes', Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0x13, 0x37, 0x00, 0xff]), CloseCode.malformed],
  ['an unknown message type', message(uint(7), raw([1, 2, 3])), CloseCode.malformed],
  ['an unknown sync message type', message(uint(0), uint(9), bytes(Uint8Array.from([0, 0]))), CloseCode.malformed],
  ['a truncated varint', Uint8Array.from([0x80]), CloseCode.malformed],
  ['a length longer than the frame', message(uint(0), uint(2), uint(1000), raw([1, 2, 3])), CloseCode.malformed],
  ['an update that is not a Yjs update', message(uint(0), uint(2), bytes(Uint8Array.from([0xff, 0xff, 0xff]))), CloseCode.malformed],
  ['a state vector that does not decode', message(uint(0), uint(0), bytes(Uint8Array.from([0x05, 0x81]))), CloseCode.malformed],
  ['awareness that is not JSON', message(uint(1), bytes(message(uint(1), uint(123), uint(1), (e) => encoding.writeVarString(e, '{nope')))), CloseCode.malformed],
  ['trailing bytes after a message', message(uint(3), raw([0, 0, 0])), CloseCode.malformed],
  ['an empty frame', new Uint8Array(0), CloseCode.malformed],
  ['a text frame', 'hello', CloseCode.malformed],
  ['a frame over the size limit', new Uint8Array(MAX_MESSAGE_BYTES + 1), CloseCode.tooLarge],
];

test.each(badFrames)('%s: that connection is closed (%#), the rest goes on', async (_name, frame, code) => {
  const before = texts(a);
  const bad = rawClient(server.syncUrl, boardP.id, boardP.tokens.edit);
  await bad.opened;
  await waitFor(() => bad.received.length > 0, { what: 'the server’s sync step 1' }); // it is in the room
  bad.ws.send(frame);
  expect((await bad.closed).code).toBe(code);
  await everyoneElseIsFine();
  expect(texts(a)).toEqual([...before, `P${round}`].sort());
});

test('a bad frame sent before the board is open is also caught, and only closes its sender', async () => {
  const bad = rawClient(server.syncUrl, boardQ.id, boardQ.tokens.edit);
  await bad.opened;
  bad.ws.send(Uint8Array.from([0x00, 0x02, 0xc8, 0x01, 0x01])); // sent at once, held back, then refused
  expect((await bad.closed).code).toBe(CloseCode.malformed);
  await everyoneElseIsFine();
});

test('bad frames are logged, and nothing stored was lost', async () => {
  expect(server.logs.filter((entry) => entry.msg === 'malformed frame; closing the connection').length).toBeGreaterThanOrEqual(badFrames.length - 1);
  expect(server.logs.some((entry) => entry.msg === 'websocket error' && JSON.stringify(entry).includes('WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'))).toBe(true);
  const fresh = pool.add(connectClient(server.syncUrl, boardP.id, boardP.tokens.view));
  const atFirstSync = await fresh.firstSync;
  expect(atFirstSync.ideas.map((idea) => idea.text).sort()).toEqual(Array.from({ length: round }, (_, i) => `P${i + 1}`).sort());
  expect(atFirstSync.meta.title).toBe('P');
});

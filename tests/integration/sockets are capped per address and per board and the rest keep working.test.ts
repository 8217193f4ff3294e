// Issue 8.6: one address, or one board, could hold any number of sockets. Past the cap a socket is
// accepted and closed at once with 1013 ("try again later": y-websocket retries, nothing is final),
// before any document data; the sockets already open keep syncing, and a freed place is taken again.
import { afterEach, expect, test } from 'vitest';
import WebSocket from 'ws';
import { addIdea } from '../../shared/schema';
import { clientPool, connectClient, createBoard, rawClient, spawnServer, startTestServer, tempDataDir, waitFor, type TestServer } from './harness';

let server: TestServer | null = null;
const pool = clientPool();
afterEach(async () => {
  pool.destroyAll();
  await server?.close();
  server = null;
});

test('an address past its cap gets 1013 with no data; the others go on and a freed place opens again', async () => {
  server = await startTestServer({ socketCaps: { perAddress: 3, perBoard: 100, exemptLoopback: false } });
  const board = await createBoard(server.url);
  const open = [0, 1, 2].map(() => pool.add(connectClient(server!.syncUrl, board.id, board.tokens.edit)));
  await Promise.all(open.map((client) => client.firstSync));

  const extra = rawClient(server.syncUrl, board.id, board.tokens.edit);
  expect(await extra.closed).toEqual({ code: 1013, reason: 'too many connections from this address' });
  expect(extra.received).toEqual([]);

  addIdea(open[0]!.doc, { text: 'Stadig live', author: 'Anne', color: '#fff3a3' });
  await waitFor(() => open[2]!.board().ideas.some((idea) => idea.text === 'Stadig live'), { what: 'the open sockets to keep syncing' });

  open[1]!.destroy();
  const again = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  expect((await again.firstSync).ideas.map((idea) => idea.text)).toContain('Stadig live');
  expect(server.logs.some((entry) => entry.msg === 'connection refused' && entry.code === 1013)).toBe(true);
});

test('behind a trusted proxy on loopback each client the proxy names is capped on its own', async () => {
  server = await startTestServer({ trustedProxies: ['127.0.0.1'], socketCaps: { perAddress: 2, perBoard: 100 } });
  const board = await createBoard(server.url);
  const through = (client: string) => {
    const ws = new WebSocket(`${server!.syncUrl}/${board.id}?token=${encodeURIComponent(board.tokens.edit)}`, { headers: { 'X-Forwarded-For': client } });
    ws.on('error', () => {});
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    const opened = new Promise<void>((resolve) => ws.on('open', () => resolve()));
    return { ws, closed, opened };
  };
  const mine = [through('203.0.113.7'), through('203.0.113.7')];
  await Promise.all(mine.map((socket) => socket.opened));
  // A third from the same client is refused, though every socket comes from loopback …
  expect(await through('203.0.113.7').closed).toBe(1013);
  // … while another client behind the same proxy gets in.
  const neighbour = through('198.51.100.20');
  await neighbour.opened;
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(neighbour.ws.readyState).toBe(WebSocket.OPEN);
  for (const socket of [...mine, neighbour]) socket.ws.close();
});

test('a board past its cap gets 1013; another board on the same server is not affected', async () => {
  server = await startTestServer({ socketCaps: { perAddress: 100, perBoard: 2 } });
  const busy = await createBoard(server.url, 'Travl');
  const quiet = await createBoard(server.url, 'Stille');
  const open = [0, 1].map(() => pool.add(connectClient(server!.syncUrl, busy.id, busy.tokens.view)));
  await Promise.all(open.map((client) => client.firstSync));

  const extra = rawClient(server.syncUrl, busy.id, busy.tokens.edit);
  expect(await extra.closed).toEqual({ code: 1013, reason: 'too many connections to this board' });
  expect(extra.received).toEqual([]);
  // Refused links do not count: bad tokens are still told 4401, not 1013.
  expect((await rawClient(server.syncUrl, busy.id, 'e_wrong').closed).code).toBe(4401);

  const other = pool.add(connectClient(server.syncUrl, quiet.id, quiet.tokens.edit));
  await other.firstSync;
  expect(server.stats().connections).toBeGreaterThanOrEqual(3);
});

test('MAX_SOCKETS_PER_BOARD sets the board cap of the server as npm start runs it', async () => {
  const child = await spawnServer({ dataDir: tempDataDir(), env: { MAX_SOCKETS_PER_BOARD: '1' } });
  try {
    const board = await createBoard(child.url);
    const first = pool.add(connectClient(child.syncUrl, board.id, board.tokens.edit));
    await first.firstSync;
    const second = rawClient(child.syncUrl, board.id, board.tokens.edit);
    expect(await second.closed).toEqual({ code: 1013, reason: 'too many connections to this board' });
  } finally {
    child.child.kill('SIGTERM');
    await child.exited;
  }
});

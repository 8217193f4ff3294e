import { afterAll, expect, test } from 'vitest';
import { addIdea } from '../../shared/schema';
import { clientPool, connectClient, createBoard, sleep, spawnServer, tempDataDir, waitFor, type ChildServer } from './harness';

const pool = clientPool();
const children: ChildServer[] = [];
afterAll(async () => {
  pool.destroyAll();
  for (const child of children) child.child.kill('SIGKILL');
});

async function spawn(dataDir: string, port = 0): Promise<ChildServer> {
  const server = await spawnServer({ dataDir, port });
  children.push(server);
  return server;
}

async function kill9(server: ChildServer): Promise<void> {
  server.child.kill('SIGKILL');
  const exit = await server.exited;
  expect(exit.signal).toBe('SIGKILL');
}

const texts = (client: { board(): { ideas: { text: string }[] } }) => client.board().ideas.map((idea) => idea.text).sort();

test('an update the server had for 150 ms survives kill -9 with no client left to resend it', async () => {
  const dataDir = tempDataDir();
  const first = await spawn(dataDir);
  const board = await createBoard(first.url);
  const writer = pool.add(connectClient(first.syncUrl, board.id, board.tokens.edit));
  const watcher = pool.add(connectClient(first.syncUrl, board.id, board.tokens.edit));
  await Promise.all([writer.firstSync, watcher.firstSync]);

  addIdea(writer.doc, { text: 'stored before the crash', author: 'Erik', color: 'yellow' });
  await waitFor(() => texts(watcher).includes('stored before the crash'), { what: 'the server to relay the idea' });
  await sleep(150); // design.md: the store flushes within 100 ms of an update
  await kill9(first);
  pool.destroyAll();

  const second = await spawn(dataDir);
  const fresh = pool.add(connectClient(second.syncUrl, board.id, board.tokens.view));
  const atFirstSync = await fresh.firstSync;
  expect(atFirstSync.ideas.map((idea) => idea.text)).toEqual(['stored before the crash']);
  expect(atFirstSync.meta.title).toBe('Digital post');
  pool.destroyAll();
  await kill9(second);
});

test('what the server missed around a kill -9 comes back from the clients, and is then stored', async () => {
  const dataDir = tempDataDir();
  const first = await spawn(dataDir);
  const board = await createBoard(first.url);
  const a = pool.add(connectClient(first.syncUrl, board.id, board.tokens.edit));
  const b = pool.add(connectClient(first.syncUrl, board.id, board.tokens.edit));
  await Promise.all([a.firstSync, b.firstSync]);

  addIdea(a.doc, { text: 'just before', author: 'A', color: 'green' });
  await kill9(first); // maybe stored, maybe not: A still has it
  addIdea(a.doc, { text: 'while down (A)', author: 'A', color: 'red' });
  addIdea(b.doc, { text: 'while down (B)', author: 'B', color: 'orange' });

  // Same port, so the clients' automatic reconnection finds the new process.
  const second = await spawn(dataDir, first.port);
  const all = ['just before', 'while down (A)', 'while down (B)'];
  await waitFor(() => JSON.stringify(texts(a)) === JSON.stringify(all) && JSON.stringify(texts(b)) === JSON.stringify(all), {
    timeout: 10_000,
    what: 'both clients to hold all three ideas',
  });

  // The resent updates are stored: after another kill -9, a client with no history has them at once.
  await sleep(150);
  await kill9(second);
  pool.destroyAll();
  const third = await spawn(dataDir);
  const fresh = pool.add(connectClient(third.syncUrl, board.id, board.tokens.view));
  expect((await fresh.firstSync).ideas.map((idea) => idea.text).sort()).toEqual(all);
  pool.destroyAll();
  await kill9(third);
});

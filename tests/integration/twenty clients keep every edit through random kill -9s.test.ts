// Issue 8, "Durability": 20 clients on two boards add and delete post-its while the server is killed with SIGKILL
// several times at random moments (a fixed seed, so a failure can be replayed) and restarted on
// the same port. Afterwards every client holds every edit of its board, and after a clean
// restart a client with no history gets all of them from the store at its first sync.
// CHAOS_SEED, CHAOS_KILLS and CHAOS_CLIENTS make it longer (npm run soak).

import { afterAll, expect, test } from 'vitest';
import { addIdea, removeIdea } from '../../shared/schema';
import { seeded } from '../seeded';
import { clientPool, connectClient, createBoard, sleep, spawnServer, tempDataDir, waitFor, type ChildServer, type Client } from './harness';

const SEED = Number(process.env.CHAOS_SEED ?? 20261202);
const KILLS = Number(process.env.CHAOS_KILLS ?? 3);
const CLIENTS = Number(process.env.CHAOS_CLIENTS ?? 20);

const pool = clientPool();
const children: ChildServer[] = [];
afterAll(() => {
  pool.destroyAll();
  for (const child of children) child.child.kill('SIGKILL');
});

async function spawn(dataDir: string, port = 0): Promise<ChildServer> {
  const server = await spawnServer({ dataDir, port });
  children.push(server);
  return server;
}

test(`${CLIENTS} clients write through ${KILLS} kill -9s at random moments and lose nothing (seed ${SEED})`, { timeout: 120_000 }, async () => {
  const next = seeded(SEED);
  const dataDir = tempDataDir();
  let server = await spawn(dataDir);
  const port = server.port;
  const boards = [await createBoard(server.url, 'Kaos A'), await createBoard(server.url, 'Kaos B')];
  const clients: { client: Client; board: number }[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const board = i % boards.length;
    clients.push({ client: pool.add(connectClient(server.syncUrl, boards[board]!.id, boards[board]!.tokens.edit)), board });
  }
  await Promise.all(clients.map(({ client }) => client.firstSync));

  // Each client writes at its own seeded pace until told to stop; every text is unique. Past a
  // few live ideas of its own it also deletes its oldest, so deletions cross the crashes too and
  // a long soak stays within a board's 1,000 ideas.
  const written: Set<string>[] = boards.map(() => new Set());
  const ownLimit = Math.floor(800 / Math.ceil(CLIENTS / boards.length));
  let writing = true;
  const writers = clients.map(async ({ client, board }, index) => {
    let n = 0;
    const mine: { id: string; text: string }[] = [];
    while (writing) {
      const text = `klient ${index} idé ${n++}`;
      mine.push({ id: addIdea(client.doc, { text, author: `K${index}`, color: '#fde68a' }), text });
      written[board]!.add(text);
      if (mine.length > ownLimit || (mine.length > 3 && next() < 0.15)) {
        const oldest = mine.shift()!;
        removeIdea(client.doc, oldest.id);
        written[board]!.delete(oldest.text);
      }
      await sleep(30 + Math.floor(next() * 90));
    }
  });

  for (let kill = 0; kill < KILLS; kill++) {
    await sleep(300 + Math.floor(next() * 700));
    server.child.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');
    // Down for a moment while the clients go on writing into their own copies.
    await sleep(50 + Math.floor(next() * 400));
    server = await spawn(dataDir, port);
  }
  await sleep(300);
  writing = false;
  await Promise.all(writers);
  const expected = written.map((texts) => [...texts].sort());
  expect(expected[0]!.length + expected[1]!.length).toBeGreaterThan(CLIENTS * 3);

  const texts = (client: Client) => client.board().ideas.map((idea) => idea.text).sort();
  await waitFor(() => clients.every(({ client, board }) => texts(client).length === expected[board]!.length), { timeout: 60_000, interval: 200, what: 'every client to hold every edit of its board' });
  for (const { client, board } of clients) expect(texts(client)).toEqual(expected[board]);

  // A clean stop stores everything; a client with no history then gets it all from the store.
  await sleep(200);
  pool.destroyAll();
  server.child.kill('SIGTERM');
  expect((await server.exited).code).toBe(0);
  server = await spawn(dataDir);
  for (const [index, board] of boards.entries()) {
    const fresh = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
    expect((await fresh.firstSync).ideas.map((idea) => idea.text).sort()).toEqual(expected[index]);
  }
  pool.destroyAll();
  server.child.kill('SIGKILL');
});

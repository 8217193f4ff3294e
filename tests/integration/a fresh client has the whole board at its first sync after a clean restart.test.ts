import { afterAll, expect, test } from 'vitest';
import { addAction, addGoal, addIdea, assessIdea, setActual, setTarget } from '../../shared/schema';
import { clientPool, connectClient, createBoard, spawnServer, tempDataDir, waitFor } from './harness';

const pool = clientPool();
afterAll(() => pool.destroyAll());

test('SIGTERM stores everything, exits 0, and a new client gets all of it in its first sync', async () => {
  const dataDir = tempDataDir();
  const first = await spawnServer({ dataDir });
  const board = await createBoard(first.url, 'Velfærdsteknologi');
  const writer = pool.add(connectClient(first.syncUrl, board.id, board.tokens.edit));
  const watcher = pool.add(connectClient(first.syncUrl, board.id, board.tokens.view));
  await Promise.all([writer.firstSync, watcher.firstSync]);

  const goalId = addGoal(writer.doc, { name: 'Loftlifte i brug', unit: 'stk' });
  setTarget(writer.doc, goalId, '2026-04', 40);
  setActual(writer.doc, goalId, '2026-04', 31);
  const ideaId = addIdea(writer.doc, { text: 'Sidemandsoplæring', author: 'Ulla', color: 'green' });
  assessIdea(writer.doc, ideaId, { effect: 0.8, resources: 0.2 });
  for (let i = 0; i < 30; i++) addAction(writer.doc, { title: `Handling ${i}`, by: 'Peter', deadline: '2026-06-01' });
  // The server has relayed the last write; stop at once, before any timed flush could matter.
  await waitFor(() => watcher.board().actions.length === 30, { what: 'the watcher to see every write' });
  first.child.kill('SIGTERM');
  const exit = await first.exited;
  expect(exit.code).toBe(0);
  expect(first.lines.some((line) => line.includes('everything is stored'))).toBe(true);
  // Clients were told "service restart" (1012), so they reconnect rather than give up.
  await waitFor(() => writer.closeCodes.includes(1012) && watcher.closeCodes.includes(1012), { what: 'close code 1012 at the clients' });
  // The clients must not be able to resend anything: only the store can bring it back.
  pool.destroyAll();

  const second = await spawnServer({ dataDir });
  try {
    const fresh = pool.add(connectClient(second.syncUrl, board.id, board.tokens.view));
    const atFirstSync = await fresh.firstSync;
    expect(atFirstSync.meta.title).toBe('Velfærdsteknologi');
    expect(atFirstSync.goals).toHaveLength(1);
    expect(atFirstSync.goals[0]).toMatchObject({ name: 'Loftlifte i brug', targets: { '2026-04': 40 }, actuals: { '2026-04': 31 } });
    expect(atFirstSync.ideas[0]).toMatchObject({ text: 'Sidemandsoplæring', zone: 'green' });
    expect(atFirstSync.actions.map((action) => action.title)).toEqual(Array.from({ length: 30 }, (_, i) => `Handling ${i}`));
  } finally {
    pool.destroyAll();
    second.child.kill('SIGTERM');
    await second.exited;
  }
});

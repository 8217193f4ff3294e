import { expect, test } from 'vitest';
import { addGoal, setActual, setTarget, writeMeasurements } from '../../shared/schema';
import { connectClient, createBoard, waitFor, serverForFile } from './harness';

const { server, pool } = serverForFile();

test('numbers of different periods, and target and actual of one period, entered while apart all survive', async () => {
  const board = await createBoard(server.url);
  const a = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const b = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await Promise.all([a.firstSync, b.firstSync]);
  const goalId = addGoal(a.doc, { name: 'Andel breve sendt digitalt', unit: '%', baseline: 58 });
  setTarget(a.doc, goalId, '2026-01', 60);
  await waitFor(() => b.board().goals[0]?.targets['2026-01'] === 60, { what: 'the goal at B' });

  // Truly concurrent: neither sees the other's change before making its own.
  a.provider.disconnect();
  b.provider.disconnect();
  // A: the controller enters January's actual and imports February and March (one transaction).
  setActual(a.doc, goalId, '2026-01', 58, { by: 'Ulla', at: '2026-02-02T08:00:00.000Z' });
  writeMeasurements(
    a.doc,
    goalId,
    [
      { period: '2026-02', field: 'actual', value: 61 },
      { period: '2026-03', field: 'actual', value: 65 },
    ],
    { by: 'Ulla', at: '2026-04-01T08:00:00.000Z' },
  );
  // B: the owner sets targets, January's included (same period as A's actual, other field).
  writeMeasurements(b.doc, goalId, [
    { period: '2026-01', field: 'target', value: 59 },
    { period: '2026-02', field: 'target', value: 62 },
    { period: '2026-03', field: 'target', value: 64 },
  ]);
  setActual(b.doc, goalId, '2026-04', 66, { by: 'Hanne', at: '2026-05-01T08:00:00.000Z' });
  a.provider.connect();
  b.provider.connect();

  const expected = {
    targets: { '2026-01': 59, '2026-02': 62, '2026-03': 64 },
    actuals: { '2026-01': 58, '2026-02': 61, '2026-03': 65, '2026-04': 66 },
  };
  const same = (g: { targets: object; actuals: object } | undefined) => JSON.stringify({ targets: g?.targets, actuals: g?.actuals }) === JSON.stringify(expected);
  const sorted = (g: { targets: Record<string, number>; actuals: Record<string, number> }) => ({
    targets: Object.fromEntries(Object.entries(g.targets).sort()),
    actuals: Object.fromEntries(Object.entries(g.actuals).sort()),
  });
  await waitFor(() => same(a.board().goals[0] && sorted(a.board().goals[0]!)) && same(b.board().goals[0] && sorted(b.board().goals[0]!)), { what: 'both clients to converge' });
  const goal = a.board().goals[0]!;
  expect(sorted(goal)).toEqual(expected);
  expect(goal.baseline).toBe(58);
  expect(goal.actualLog).toEqual({
    '2026-01': { by: 'Ulla', at: '2026-02-02T08:00:00.000Z' },
    '2026-02': { by: 'Ulla', at: '2026-04-01T08:00:00.000Z' },
    '2026-03': { by: 'Ulla', at: '2026-04-01T08:00:00.000Z' },
    '2026-04': { by: 'Hanne', at: '2026-05-01T08:00:00.000Z' },
  });

  // The server holds the merged numbers: a fresh client has them at its first sync.
  const c = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  expect(sorted((await c.firstSync).goals[0]!)).toEqual(expected);
});

test('two people typing the same actual at once end with one of the two values on both clients, never a mix', async () => {
  const board = await createBoard(server.url);
  const a = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  const b = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await Promise.all([a.firstSync, b.firstSync]);
  const goalId = addGoal(a.doc, { name: 'Tilfredshed', frequency: 'quarterly' });
  await waitFor(() => b.board().goals.length === 1, { what: 'the goal at B' });
  a.provider.disconnect();
  b.provider.disconnect();
  setActual(a.doc, goalId, '2026-Q1', 3.6, { by: 'A', at: '2026-04-01T00:00:00.000Z' });
  setActual(b.doc, goalId, '2026-Q1', 3.7, { by: 'B', at: '2026-04-01T00:00:01.000Z' });
  a.provider.connect();
  b.provider.connect();
  await waitFor(() => JSON.stringify(a.board().goals) === JSON.stringify(b.board().goals), { what: 'convergence' });
  const goal = a.board().goals[0]!;
  expect([3.6, 3.7]).toContain(goal.actuals['2026-Q1']);
  // The log names whoever's value won (value and stamp are separate keys, but Yjs resolves both by the same client order).
  expect(goal.actualLog['2026-Q1']!.by).toBe(goal.actuals['2026-Q1'] === 3.6 ? 'A' : 'B');
});

import { expect, test } from 'vitest';
import { addAction, addGoal, addIdea, setActionStatus, setActual, setBoardTitle, setTarget } from '../../shared/schema';
import { addDays } from '../../shared/domain/calendar';
import { today } from '../../server/src/boards/summary';
import { ADMIN_TOKEN, connectClient, createBoard, waitFor, withDatabase, serverForFile } from './harness';

const { server, pool } = serverForFile({ summaryDelayMs: 50, idleUnloadMs: 200 });

interface Listed {
  id: string;
  title: string;
  updatedAt: string;
  summary: { actions: Record<string, number>; overdue: number; ideas: number; goalsUnderTarget: number; lastMeetingAt: string | null };
}

async function listed(id: string): Promise<Listed> {
  const response = await fetch(`${server.url}/api/boards`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  const entry = ((await response.json()) as Listed[]).find((board) => board.id === id);
  if (!entry) throw new Error(`board ${id} not listed`);
  return entry;
}

test('counts follow the document shortly after it changes, and the title follows a rename', async () => {
  const board = await createBoard(server.url, 'Before');
  const before = await listed(board.id);
  const client = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await client.firstSync;
  const yesterday = addDays(today(), -1);
  const tomorrow = addDays(today(), 1);
  client.doc.transact(() => {
    addAction(client.doc, { title: 'overdue and open', by: 'A', deadline: yesterday });
    const started = addAction(client.doc, { title: 'started, not due', by: 'A', deadline: tomorrow });
    setActionStatus(client.doc, started, 'started', 'A');
    const done = addAction(client.doc, { title: 'finished though late', by: 'A', deadline: yesterday });
    setActionStatus(client.doc, done, 'finished', 'A');
    addIdea(client.doc, { text: 'one', author: 'A', color: 'green' });
    addIdea(client.doc, { text: 'two', author: 'A', color: 'green' });
    const under = addGoal(client.doc, { name: 'under', direction: 'up' });
    setTarget(client.doc, under, '2026-01', 10);
    setActual(client.doc, under, '2026-01', 8);
    const over = addGoal(client.doc, { name: 'over', direction: 'up' });
    setTarget(client.doc, over, '2026-01', 10);
    setActual(client.doc, over, '2026-01', 12);
    setBoardTitle(client.doc, 'After');
  });

  await waitFor(async () => (await listed(board.id)).summary.ideas === 2, { what: 'the summary to catch up' });
  const after = await listed(board.id);
  expect(after.title).toBe('After');
  expect(after.summary).toEqual({
    actions: { decided: 1, started: 1, finished: 1, evaluated: 0 },
    overdue: 1,
    ideas: 2,
    goalsUnderTarget: 1,
    lastMeetingAt: null,
    overdueActions: [{ title: 'overdue and open', responsible: '', deadline: yesterday, status: 'decided' }],
    underTargetGoals: [{ name: 'under', unit: '', direction: 'up', period: '2026-01', actual: 8, target: 10 }],
  });
  expect(after.updatedAt > before.updatedAt).toBe(true);
});

test('a summary computed on an earlier day is computed again (overdue depends on the day)', async () => {
  const board = await createBoard(server.url, 'Stale');
  const client = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await client.firstSync;
  addAction(client.doc, { title: 'due yesterday', by: 'A', deadline: addDays(today(), -1) });
  await waitFor(async () => (await listed(board.id)).summary.overdue === 1, { what: 'the summary' });
  client.destroy();
  await waitFor(() => server.logs.some((entry) => entry.msg === 'unloaded idle board' && entry.boardId === board.id), { what: 'the board to be unloaded' });

  // As if it had been stored on an earlier day with other numbers.
  withDatabase(server.dataDir, (db) =>
    db.prepare("UPDATE boards SET summary_json = ?, summary_date = '2020-01-01' WHERE id = ?").run(
      JSON.stringify({ actions: { decided: 9, started: 0, finished: 0, evaluated: 0 }, overdue: 0, ideas: 0, goalsUnderTarget: 0, lastMeetingAt: null }),
      board.id,
    ),
  );
  const entry = await listed(board.id);
  expect(entry.summary.actions.decided).toBe(1);
  expect(entry.summary.overdue).toBe(1);
  const stored = withDatabase(server.dataDir, (db) => db.prepare('SELECT summary_date FROM boards WHERE id = ?').get(board.id) as { summary_date: string });
  expect(stored.summary_date).toBe(today());
});

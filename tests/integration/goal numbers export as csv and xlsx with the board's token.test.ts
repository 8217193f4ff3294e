import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addGoal, setActual, writeMeasurements } from '../../shared/schema';
import { parseCsv } from '../../shared/domain/measurementCsv';
import { readXlsxRows } from '../../shared/domain/measurementXlsx';
import { applyImport, planImport } from '../../shared/domain/measurementImport';
import { contentDisposition } from '../../server/src/http/download';
import { clientPool, connectClient, createBoard, startTestServer, waitFor, type CreatedBoard, type TestServer } from './harness';

let server: TestServer;
let board: CreatedBoard;
let other: CreatedBoard;
let goalId: string;
const pool = clientPool();
const targets = { '2026-01': 60, '2026-02': 62, '2026-03': 64.5 };
const actuals = { '2026-01': 58, '2026-02': 61.25 };

beforeAll(async () => {
  // Unload idle boards quickly, so one test can read a board that is not in memory.
  server = await startTestServer({ idleUnloadMs: 200 });
  board = await createBoard(server.url, 'Digital Post i Borgerservice');
  other = await createBoard(server.url, 'Another board');
  const client = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await client.firstSync;
  goalId = addGoal(client.doc, { name: 'Andel breve sendt digitalt "2026"/æøå', unit: '%' });
  writeMeasurements(client.doc, goalId, Object.entries(targets).map(([period, value]) => ({ period, field: 'target' as const, value })));
  for (const [period, value] of Object.entries(actuals)) setActual(client.doc, goalId, period, value, { by: 'Ulla' });
  // The server has it once a fresh viewer sees it.
  const check = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
  await waitFor(() => Object.keys(check.board().goals[0]?.actuals ?? {}).length === 2, { what: 'the numbers on the server' });
  check.destroy();
  client.destroy();
});
afterAll(async () => {
  pool.destroyAll();
  await server.close();
});

const url = (path: string, token?: string) => `${server.url}${path}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
const exportPath = (format: 'csv' | 'xlsx', boardId = board.id, goal = goalId) => `/api/boards/${boardId}/goals/${goal}/export.${format}`;

describe('CSV', () => {
  test('with the view token in the query: BOM, semicolons, decimal comma, a safe file name', async () => {
    const response = await fetch(url(exportPath('csv'), board.tokens.view));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="andel-breve-sendt-digitalt-2026-aeoeaa-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe('\ufeffperiod;target;actual\r\n2026-01;60;58\r\n2026-02;62;61,25\r\n2026-03;64,5;\r\n');
  });

  test('with the edit token as a bearer header; the importer reads the file back to the same numbers', async () => {
    const response = await fetch(url(exportPath('csv')), { headers: { Authorization: `Bearer ${board.tokens.edit}` } });
    expect(response.status).toBe(200);
    const { rows, delimiter } = parseCsv(await response.text());
    const plan = planImport(rows, { frequency: 'monthly', existing: { targets: {}, actuals: {} }, locale: 'en', delimiter });
    expect(plan.badRows).toEqual([]);
    expect(applyImport({ targets: {}, actuals: {} }, plan.changes)).toEqual({ targets, actuals });
  });
});

test('XLSX parses back to the same numbers, with the goal described on its own sheet', async () => {
  const response = await fetch(url(exportPath('xlsx'), board.tokens.view));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(response.headers.get('content-disposition')).toMatch(/filename="andel-breve-sendt-digitalt-2026-aeoeaa-\d{4}-\d{2}-\d{2}\.xlsx"/);
  const { rows, sheet } = await readXlsxRows(new Uint8Array(await response.arrayBuffer()));
  expect(sheet).toBe('Tal');
  const plan = planImport(rows, { frequency: 'monthly', existing: { targets: {}, actuals: {} }, locale: 'da' });
  expect(applyImport({ targets: {}, actuals: {} }, plan.changes)).toEqual({ targets, actuals });
});

test('a board that is not in memory is read from the store', async () => {
  await waitFor(() => server.stats().rooms === 0, { what: 'the board to be unloaded', timeout: 5000 });
  const response = await fetch(url(exportPath('csv'), board.tokens.view));
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('2026-02;62;61,25');
  expect(server.stats().rooms).toBe(0);
});

describe('refusals are JSON with a fitting status', () => {
  const expectError = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { error: string };
    expect(typeof body.error).toBe('string');
    expect(body.error.length).toBeGreaterThan(0);
  };

  test('no token or a bad one: 401', async () => {
    await expectError(await fetch(url(exportPath('csv'))), 401);
    await expectError(await fetch(url(exportPath('csv'), 'e_nonsense')), 401);
    const forged = board.tokens.edit.slice(0, -2) + (board.tokens.edit.endsWith('AA') ? 'BB' : 'AA');
    await expectError(await fetch(url(exportPath('xlsx'), forged)), 401);
  });

  test('the token of another board: 403', async () => {
    await expectError(await fetch(url(exportPath('csv'), other.tokens.view)), 403);
  });

  test('an unknown board or goal: 404', async () => {
    await expectError(await fetch(url(exportPath('csv', 'zzzzzzzzzzzzzzzz'), board.tokens.view)), 404);
    await expectError(await fetch(url(exportPath('csv', board.id, 'nosuchgoal'), board.tokens.view)), 404);
    await expectError(await fetch(url(`/api/boards/${board.id}/goals/${goalId}/export.pdf`, board.tokens.view)), 404);
  });

  test('a write method: 405', async () => {
    await expectError(await fetch(url(exportPath('csv'), board.tokens.edit), { method: 'POST' }), 405);
  });
});

test('the file name header is safe for any goal name', () => {
  expect(contentDisposition('../../etc/passwd\r\nX: y', '2026-11-25', 'csv')).toBe(
    `attachment; filename="etc-passwd-x-y-2026-11-25.csv"; filename*=UTF-8''etc%20passwd%20X%20y%202026-11-25.csv`,
  );
  expect(contentDisposition('   ', '2026-11-25', 'xlsx')).toBe(`attachment; filename="maal-2026-11-25.xlsx"; filename*=UTF-8''maal%202026-11-25.xlsx`);
  expect(contentDisposition('Måltal', '2026-11-25', 'csv')).toContain(`filename*=UTF-8''M%C3%A5ltal%202026-11-25.csv`);
});

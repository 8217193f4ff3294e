import { afterAll, beforeAll, expect, test } from 'vitest';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { addAction, addGoal, addIdea, promoteToAction, assessIdea, setActionArchived, setActionDeadline, setActionGoal, setActionResponsible, setActionStatus } from '../../shared/schema';
import { clientPool, connectClient, createBoard, startTestServer, waitFor, type TestServer } from './harness';

let server: TestServer;
const pool = clientPool();
beforeAll(async () => {
  // Rooms unload quickly, so the export from the store (no open room) is tested too.
  server = await startTestServer({ idleUnloadMs: 150 });
});
afterAll(async () => {
  pool.destroyAll();
  await server.close();
});

const exportUrl = (boardId: string, format: 'csv' | 'xlsx', query = '') => `${server.url}/api/boards/${boardId}/actions/export.${format}${query}`;

test('the action plan exports with any token of the board, from the open room and from the store', async () => {
  const board = await createBoard(server.url, 'Digital Post i Borgerservice');
  const client = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
  await client.firstSync;
  const doc = client.doc;
  const goal = addGoal(doc, { name: 'Andel breve sendt digitalt', unit: '%' });
  const idea = addIdea(doc, { text: 'Kampagne på biblioteket', author: 'Erik', color: '#fff3a3' });
  assessIdea(doc, idea, { effect: 0.8, resources: 0.3 });
  const kampagne = promoteToAction(doc, idea, 'Erik')!;
  setActionResponsible(doc, kampagne, 'Erik');
  setActionDeadline(doc, kampagne, '2026-10-01');
  setActionStatus(doc, kampagne, 'finished', 'Erik');
  setActionGoal(doc, kampagne, goal);
  const maaling = addAction(doc, { title: 'Måling af sagsbehandlingstid; "1. i md."', responsible: 'Ulla', deadline: '2026-11-01', by: 'Ulla' });
  const old = addAction(doc, { title: 'Gammel handling', by: 'Hanne' });
  setActionStatus(doc, old, 'evaluated', 'Hanne');
  setActionArchived(doc, old, true);
  expect(maaling).toBeTruthy();
  // The server has it once a fresh client sees it at its first sync.
  await waitFor(async () => (await pool.add(connectClient(server.syncUrl, board.id, board.tokens.view)).firstSync).actions.length === 3, { what: 'the plan on the server' });

  // CSV with the view token in the query (the wall screen's link).
  const csvResponse = await fetch(exportUrl(board.id, 'csv', `?token=${encodeURIComponent(board.tokens.view)}`));
  expect(csvResponse.status).toBe(200);
  expect(csvResponse.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(csvResponse.headers.get('cache-control')).toBe('no-store');
  expect(csvResponse.headers.get('content-disposition')).toMatch(/^attachment; filename="handleplan-digital-post-i-borgerservice-\d{4}-\d{2}-\d{2}\.csv"/);
  // Bytes, not text(): a decoder drops the BOM that tells Excel the file is UTF-8.
  const bytes = Buffer.from(await csvResponse.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = Papa.parse<string[]>(bytes.subarray(3).toString('utf8'), { delimiter: ';', skipEmptyLines: true }).data;
  expect(rows).toEqual([
    ['Handling', 'Ansvarlig', 'Deadline', 'Status', 'Mål', 'Idé'],
    ['Kampagne på biblioteket', 'Erik', '2026-10-01', 'Afsluttet', 'Andel breve sendt digitalt', 'Kampagne på biblioteket'],
    ['Måling af sagsbehandlingstid; "1. i md."', 'Ulla', '2026-11-01', 'Besluttet', '', ''],
  ]);
  const withArchived = await (await fetch(exportUrl(board.id, 'csv', `?archived=1&token=${encodeURIComponent(board.tokens.view)}`))).text();
  expect(withArchived).toContain('Gammel handling;;;Evalueret;;');

  // XLSX with the edit token as a bearer token, after the room has been unloaded.
  pool.destroyAll();
  await waitFor(() => server.stats().rooms === 0, { what: 'the room to unload', timeout: 5000 });
  const xlsxResponse = await fetch(exportUrl(board.id, 'xlsx'), { headers: { Authorization: `Bearer ${board.tokens.edit}` } });
  expect(xlsxResponse.status).toBe(200);
  expect(xlsxResponse.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await xlsxResponse.arrayBuffer());
  const sheet = workbook.getWorksheet('Handleplan')!;
  expect(sheet.getRow(1).values).toEqual([undefined, 'Handling', 'Ansvarlig', 'Deadline', 'Status', 'Mål', 'Idé']);
  expect(sheet.getRow(2).getCell(1).value).toBe('Kampagne på biblioteket');
  expect((sheet.getRow(2).getCell(3).value as Date).toISOString().slice(0, 10)).toBe('2026-10-01');
  expect(sheet.getRow(3).getCell(4).value).toBe('Besluttet');
  expect(sheet.rowCount).toBe(3);
  expect(server.stats().rooms).toBe(0);
});

test('the export refuses missing, bad and foreign tokens, unknown boards and other methods, with JSON errors', async () => {
  const board = await createBoard(server.url, 'Adgang');
  const other = await createBoard(server.url, 'Anden');
  const expectError = async (response: Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as { error: string };
    expect(typeof body.error).toBe('string');
  };
  await expectError(await fetch(exportUrl(board.id, 'csv')), 401);
  await expectError(await fetch(exportUrl(board.id, 'csv', '?token=e_junk.nope')), 401);
  await expectError(await fetch(exportUrl(board.id, 'xlsx', `?token=${encodeURIComponent(other.tokens.view)}`)), 403);
  await expectError(await fetch(exportUrl('unknownboard1', 'csv', `?token=${encodeURIComponent(board.tokens.view)}`)), 404);
  await expectError(await fetch(exportUrl(board.id, 'csv', `?token=${encodeURIComponent(board.tokens.edit)}`), { method: 'POST' }), 405);
  await expectError(await fetch(`${server.url}/api/boards/${board.id}/actions/export.pdf?token=${encodeURIComponent(board.tokens.view)}`), 404);
  // An empty plan is a header only.
  const empty = await fetch(exportUrl(board.id, 'csv', `?token=${encodeURIComponent(board.tokens.edit)}`));
  expect(Buffer.from(await empty.arrayBuffer()).toString('utf8')).toBe('\ufeffHandling;Ansvarlig;Deadline;Status;Mål;Idé\r\n');
});

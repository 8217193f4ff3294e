import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { ACTION_EXPORT_HEADER, actionExportRows, actionsToCsv, actionsToXlsx, defuse } from '../../shared/domain/actionExport';

const board = {
  goals: [{ id: 'g1', name: 'Andel breve sendt digitalt' }],
  ideas: [{ id: 'i1', text: 'Kampagne på biblioteket' }],
  actions: [
    { title: 'Kampagne på biblioteket', responsible: 'Erik', deadline: '2026-10-01', status: 'finished' as const, goalId: 'g1', ideaId: 'i1' },
    { title: 'Måling; "hver måned"', responsible: 'Ulla', deadline: null, status: 'decided' as const },
    { title: '=HYPERLINK("x")', responsible: '@Peter', deadline: '2026-12-15', status: 'started' as const, goalId: 'gone' },
    { title: 'Gammel', responsible: 'Hanne', deadline: '2026-01-31', status: 'evaluated' as const, archived: true },
  ],
};

describe('the action plan as rows', () => {
  it('names the goal and the idea, labels the status in Danish, leaves archived actions out unless asked', () => {
    const rows = actionExportRows(board);
    expect(rows).toEqual([
      { title: 'Kampagne på biblioteket', responsible: 'Erik', deadline: '2026-10-01', status: 'Afsluttet', goal: 'Andel breve sendt digitalt', idea: 'Kampagne på biblioteket' },
      { title: 'Måling; "hver måned"', responsible: 'Ulla', deadline: '', status: 'Besluttet', goal: '', idea: '' },
      { title: '=HYPERLINK("x")', responsible: '@Peter', deadline: '2026-12-15', status: 'Igangsat', goal: '', idea: '' },
    ]);
    expect(actionExportRows(board, { includeArchived: true })).toHaveLength(4);
  });
});

describe('CSV', () => {
  it('is what Danish Excel opens (BOM, semicolons, CRLF), quotes what needs it and defuses formulas', () => {
    const csv = actionsToCsv(actionExportRows(board));
    expect(csv.startsWith('\ufeffHandling;Ansvarlig;Deadline;Status;Mål;Idé\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual([...ACTION_EXPORT_HEADER]);
    expect(parsed[2]).toEqual(['Måling; "hver måned"', 'Ulla', '', 'Besluttet', '', '']);
    expect(parsed[3]![0]).toBe(`'=HYPERLINK("x")`);
    expect(parsed[3]![1]).toBe(`'@Peter`);
    expect(defuse('-5')).toBe(`'-5`);
    expect(defuse('Ny tekst')).toBe('Ny tekst');
  });
});

describe('XLSX', () => {
  it('has one sheet Handleplan with the same columns and real dates', async () => {
    const data = await actionsToXlsx(actionExportRows(board), { board: 'Digital Post', exportedAt: '2026-11-25T10:00:00Z' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Handleplan')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...ACTION_EXPORT_HEADER]);
    expect(sheet.getCell('A2').value).toBe('Kampagne på biblioteket');
    expect((sheet.getCell('C2').value as Date).toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(sheet.getCell('D2').value).toBe('Afsluttet');
    expect(sheet.getCell('E2').value).toBe('Andel breve sendt digitalt');
    expect(sheet.getCell('C3').value).toBeNull();
    expect(sheet.getCell('A4').value).toBe(`'=HYPERLINK("x")`);
    expect(sheet.rowCount).toBe(4);
  });
});

// A goal's numbers as an Excel workbook (.xlsx), both ways, with exceljs (the `xlsx` package on
// npm is a stale 0.18.5). exceljs is large (≈ 250 KB gzip in the browser), so it is imported
// only when a workbook is actually read or written: the client's first load never pays for it.

import type * as ExcelJSTypes from 'exceljs';
import { CSV_HEADER, type MeasurementRow } from './measurementCsv';
import { findHeader, type ImportCell } from './measurementImport';

type ExcelJS = typeof ExcelJSTypes;

async function loadExcelJS(): Promise<ExcelJS> {
  const mod = (await import('exceljs')) as ExcelJS & { default?: ExcelJS };
  return mod.default ?? mod;
}

/** Largest workbook the reader opens (an import is a few hundred rows, not a data warehouse). */
export const MAX_XLSX_BYTES = 5 * 1024 * 1024;
/** Most rows read from a sheet. */
export const MAX_XLSX_ROWS = 5000;
/** Most columns read from a sheet. */
const MAX_XLSX_COLUMNS = 30;

/**
 * What a spreadsheet cell holds, as an import cell: numbers, dates and text as they are, the
 * result of a formula, the text of rich text and links. A number formatted as a percentage
 * (0.71 shown as 71 %) is read as the number shown (71), because goals in % store 71.
 */
export function xlsxCellValue(cell: Pick<ExcelJSTypes.Cell, 'value' | 'numFmt'>): ImportCell {
  const fromValue = (value: unknown): ImportCell => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return cell.numFmt?.includes('%') ? Number((value * 100).toPrecision(12)) : value;
    if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
    if (typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if ('result' in object) return fromValue(object.result);
      if (Array.isArray(object.richText)) return object.richText.map((part: { text?: unknown }) => (typeof part.text === 'string' ? part.text : '')).join('');
      if (typeof object.text === 'string') return object.text;
      if (typeof object.error === 'string') return object.error;
    }
    return String(value);
  };
  return fromValue(cell.value);
}

/** The rows of one worksheet, indexed so that rows[n - 1] is the sheet's row n. */
function sheetRows(sheet: ExcelJSTypes.Worksheet): ImportCell[][] {
  const rows: ImportCell[][] = [];
  const columns = Math.min(sheet.columnCount, MAX_XLSX_COLUMNS);
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > MAX_XLSX_ROWS) return;
    while (rows.length < number - 1) rows.push([]);
    const cells: ImportCell[] = [];
    for (let c = 1; c <= columns; c++) cells.push(xlsxCellValue(row.getCell(c)));
    rows.push(cells);
  });
  return rows;
}

/**
 * The rows of the first worksheet that has a period/target/actual header (or of the first
 * worksheet when none has one, so the import can say what is missing).
 */
export async function readXlsxRows(data: ArrayBuffer | Uint8Array): Promise<{ rows: ImportCell[][]; sheet: string }> {
  if (data.byteLength > MAX_XLSX_BYTES) throw new RangeError(`The file is larger than ${MAX_XLSX_BYTES / 1024 / 1024} MB`);
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const buffer = data instanceof Uint8Array ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : data;
  await workbook.xlsx.load(buffer as ArrayBuffer);
  let first: { rows: ImportCell[][]; sheet: string } | null = null;
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== undefined && sheet.state !== 'visible') continue;
    const rows = sheetRows(sheet);
    first ??= { rows, sheet: sheet.name };
    if (!('problem' in findHeader(rows))) return { rows, sheet: sheet.name };
  }
  return first ?? { rows: [], sheet: '' };
}

export interface XlsxGoalInfo {
  name: string;
  unit: string;
  direction: 'up' | 'down';
  kind: 'success' | 'benefit';
  owner: string;
  frequency: string;
  baseline: number | null;
  description: string;
}

/** Sheet names: the numbers first (the importer reads the first sheet with a header), then the goal. */
export const XLSX_SHEET_NUMBERS = 'Tal';
export const XLSX_SHEET_GOAL = 'Mål';

/**
 * The workbook: sheet "Tal" with the same columns as the CSV (period as text, numbers as
 * numbers, so the importer reads them back exactly), and sheet "Mål" describing the goal.
 */
export async function measurementsToXlsx(goal: XlsxGoalInfo, rows: readonly MeasurementRow[], exportedAt: string): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Måltavle';
  workbook.created = new Date(exportedAt);
  const numbers = workbook.addWorksheet(XLSX_SHEET_NUMBERS, { views: [{ state: 'frozen', ySplit: 1 }] });
  numbers.columns = [
    { header: CSV_HEADER[0], key: 'period', width: 12 },
    { header: CSV_HEADER[1], key: 'target', width: 12 },
    { header: CSV_HEADER[2], key: 'actual', width: 12 },
  ];
  numbers.getRow(1).font = { bold: true };
  for (const row of rows) numbers.addRow({ period: row.period, target: row.target, actual: row.actual });
  numbers.getColumn('period').numFmt = '@';

  const about = workbook.addWorksheet(XLSX_SHEET_GOAL);
  about.columns = [
    { key: 'key', width: 16 },
    { key: 'value', width: 60 },
  ];
  const info: [string, string | number | null][] = [
    ['name', goal.name],
    ['unit', goal.unit],
    ['direction', goal.direction],
    ['kind', goal.kind],
    ['owner', goal.owner],
    ['frequency', goal.frequency],
    ['baseline', goal.baseline],
    ['description', goal.description],
    ['exportedAt', exportedAt],
  ];
  for (const [key, value] of info) about.addRow({ key, value });
  about.getColumn('key').font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

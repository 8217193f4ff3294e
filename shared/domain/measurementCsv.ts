// A goal's numbers as CSV, both ways. The file we write is what Danish Excel reads and writes
// itself: UTF-8 with a BOM (so æøå survive), `;` between cells, decimal comma, CRLF, a header
// `period;target;actual`, ISO periods. The reader takes that, comma- and tab-separated text
// (pasted from a spreadsheet) too; `planImport` then reads the rows.

import Papa from 'papaparse';
import { formatPlainNumber } from './numbers';
import { comparePeriods } from './periods';

export const CSV_DELIMITER = ';';
export const CSV_HEADER = ['period', 'target', 'actual'] as const;
const BOM = '\ufeff';

export interface MeasurementRow {
  period: string;
  target: number | null;
  actual: number | null;
}

/** One row per period that has a target or an actual, in time order. */
export function measurementRows(goal: { targets: Readonly<Record<string, number>>; actuals: Readonly<Record<string, number>> }): MeasurementRow[] {
  const periods = [...new Set([...Object.keys(goal.targets), ...Object.keys(goal.actuals)])].sort(comparePeriods);
  return periods.map((period) => ({ period, target: goal.targets[period] ?? null, actual: goal.actuals[period] ?? null }));
}

/** The CSV file's text, BOM first. */
export function measurementsToCsv(rows: readonly MeasurementRow[]): string {
  const cell = (value: number | null) => (value === null ? '' : formatPlainNumber(value, ','));
  const lines = [CSV_HEADER.join(CSV_DELIMITER), ...rows.map((r) => [r.period, cell(r.target), cell(r.actual)].join(CSV_DELIMITER))];
  return BOM + lines.join('\r\n') + '\r\n';
}

/**
 * The delimiter of CSV or pasted text, from its first non-empty line (the header, which holds
 * no numbers and so no decimal commas): tab, then `;`, then `,`.
 */
export function detectDelimiter(text: string): string | null {
  const first = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  for (const candidate of ['\t', ';', ',']) if (first.includes(candidate)) return candidate;
  return null;
}

/** Rows of cells from CSV or pasted text; a BOM is dropped, blank lines kept (row numbers match lines). */
export function parseCsv(text: string): { rows: string[][]; delimiter: string } {
  const body = text.replace(/^\ufeff/, '');
  const detected = detectDelimiter(body);
  const result = Papa.parse<string[]>(body, { delimiter: detected ?? '', skipEmptyLines: false, header: false });
  const rows = result.data.map((row) => (Array.isArray(row) ? row.map((cell) => (typeof cell === 'string' ? cell : String(cell ?? ''))) : []));
  // Papa gives a trailing empty row for the final newline.
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
  return { rows, delimiter: detected ?? (result.meta.delimiter || ',') };
}

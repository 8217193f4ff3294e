// Importing a goal's numbers from rows of cells (a CSV file, text pasted from a spreadsheet, an
// .xlsx sheet): find the period/target/actual columns, read each row, and plan what would
// change against the goal's current numbers — new values, overwrites with their old value, and
// every row that cannot be used with the reason. Nothing is written here: the client shows the
// plan and writes `changes` in one transaction when the user confirms. Pure, no IO.

import { parseNumberWithUnit } from './numbers';
import { isIsoDate } from './calendar';
import { comparePeriods, parsePeriod, periodOfDate, type Frequency } from './periods';

/** A cell as CSV (strings) or a spreadsheet (numbers, dates, booleans) gives it. */
export type ImportCell = string | number | boolean | Date | null | undefined;

export type MeasurementField = 'target' | 'actual';

export type BadRowReason =
  /** The period cell is not a period we can read. */
  | { kind: 'unknownPeriod'; text: string }
  /** A real period, but of another frequency than the goal's (a week for a monthly goal). */
  | { kind: 'wrongFrequency'; period: string; frequency: Frequency }
  /** Numbers without a period. */
  | { kind: 'missingPeriod' }
  /** Text (or a date) where a number belongs. */
  | { kind: 'notANumber'; field: MeasurementField; text: string }
  /** The period came earlier in the file; the earlier row is the one used. */
  | { kind: 'duplicatePeriod'; period: string; firstRow: number };

export interface BadRow {
  /** 1-based row (line) number in the file or sheet, header included. */
  row: number;
  reason: BadRowReason;
  /** The row's cells as text, for showing it. */
  raw: string[];
}

export interface ImportChange {
  row: number;
  period: string;
  field: MeasurementField;
  /** The value there now, or null when the period has none. */
  old: number | null;
  new: number;
}

/** Why a whole file cannot be used. */
export type FileProblem = 'empty' | 'missingHeader' | 'noValueColumn';

export interface ImportColumns {
  period: number;
  target: number | null;
  actual: number | null;
}

export interface ImportPlan {
  problem: FileProblem | null;
  columns: ImportColumns | null;
  /** 1-based row of the header. */
  headerRow: number | null;
  /** Non-empty rows above the header, which were not read (a title line, say). */
  skippedAboveHeader: number;
  /** How numbers were read: Danish `12,5` / `1.250` or English `12.5` / `1,250`. */
  numberLocale: 'da' | 'en';
  /** Every value that differs from what the goal has now, in period order (target before actual). */
  changes: ImportChange[];
  /** The changes that replace an existing value (a subset of `changes`). */
  overwrites: ImportChange[];
  /** Values in the file equal to what the goal already has. */
  unchanged: number;
  badRows: BadRow[];
  /** Non-empty data rows below the header. */
  dataRows: number;
}

export interface ImportOptions {
  frequency: Frequency;
  existing: { targets: Readonly<Record<string, number>>; actuals: Readonly<Record<string, number>> };
  /** The UI language: how to read a number whose format the file does not settle. */
  locale: 'da' | 'en';
  /** The goal's unit, allowed after a number (`12 dage`); `%` always is. */
  unit?: string;
  /** The CSV delimiter, when known: `;` means decimal comma (Danish Excel), `,` decimal point. */
  delimiter?: string;
}

// ------------------------------------------------------------------------------------ header

/** Lowercase, å/æ/ø spelled out, no bracketed part, letters and digits only: `Måltal (%)` → `maaltal`. */
export function normalizeHeader(cell: ImportCell): string {
  if (typeof cell !== 'string') return '';
  return cell
    .replace(/^\ufeff/, '')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, '')
    .replace(/å/g, 'aa')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

const PERIOD_HEADERS = new Set(['period', 'periode', 'perioder', 'maaned', 'month', 'uge', 'week', 'kvartal', 'quarter', 'dato', 'date']);
const TARGET_HEADERS = new Set(['target', 'targets', 'maal', 'maaltal', 'maalvaerdi', 'goal']);
const ACTUAL_HEADERS = new Set([
  'actual',
  'actuals',
  'faktisk',
  'faktiske',
  'faktisktal',
  'faktiskrealisering',
  'realisering',
  'realiseret',
  'resultat',
  'result',
  'maalt',
  'measured',
]);

/** Rows searched for the header (a title line or two above it is common in exports). */
const HEADER_SEARCH_ROWS = 10;

const isBlank = (cell: ImportCell) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
const isEmptyRow = (row: readonly ImportCell[]) => row.every(isBlank);

/** The header row and its columns, or why there is none. The first matching column wins. */
export function findHeader(rows: readonly (readonly ImportCell[])[]): { index: number; columns: ImportColumns } | { problem: FileProblem } {
  let seen = 0;
  let periodOnly = false;
  for (let index = 0; index < rows.length && seen < HEADER_SEARCH_ROWS; index++) {
    const row = rows[index]!;
    if (isEmptyRow(row)) continue;
    seen++;
    const names = row.map(normalizeHeader);
    const find = (set: Set<string>) => {
      const at = names.findIndex((n) => set.has(n));
      return at < 0 ? null : at;
    };
    const period = find(PERIOD_HEADERS);
    if (period === null) continue;
    const target = find(TARGET_HEADERS);
    const actual = find(ACTUAL_HEADERS);
    if (target === null && actual === null) {
      periodOnly = true;
      continue;
    }
    return { index, columns: { period, target, actual } };
  }
  if (seen === 0) return { problem: 'empty' };
  return { problem: periodOnly ? 'noValueColumn' : 'missingHeader' };
}

// ------------------------------------------------------------------------------------ periods

const MONTHS: Record<string, number> = {};
(
  [
    ['jan', 'januar', 'january'],
    ['feb', 'februar', 'february'],
    ['mar', 'marts', 'march'],
    ['apr', 'april'],
    ['maj', 'may'],
    ['jun', 'juni', 'june'],
    ['jul', 'juli', 'july'],
    ['aug', 'august'],
    ['sep', 'sept', 'september'],
    ['okt', 'oktober', 'oct', 'october'],
    ['nov', 'november'],
    ['dec', 'december'],
  ] as const
).forEach((names, i) => names.forEach((name) => (MONTHS[name] = i + 1)));

export type PeriodCell = { kind: 'ok'; period: string } | { kind: 'unknown' } | { kind: 'wrongFrequency'; period: string; frequency: Frequency };

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

/**
 * A period cell in any form we read safely: `2026-10`, `2026-W41`, `2026-Q4` (also `2026-K4`,
 * `Q4 2026`, `4. kvt. 2026`, `uge 41 2026`, `okt. 2026`, `October 2026`) or a date
 * (`2026-10-01`, `01-10-2026`, `1.10.2026`, a spreadsheet date), which falls in one period of
 * every frequency. A month, week or quarter of another frequency than the goal's is refused:
 * turning October into Q4 would have to choose whose number counts. Slashed dates are refused
 * too (1/10 is January 10th in the US).
 */
export function readPeriodCell(cell: ImportCell, frequency: Frequency): PeriodCell {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { kind: 'unknown' };
    return { kind: 'ok', period: periodOfDate(cell, frequency) };
  }
  if (typeof cell !== 'string') return { kind: 'unknown' };
  const text = cell.replace(/^\ufeff/, '').replace(/[\u00a0\u202f]/g, ' ').trim().toLowerCase().replace(/\s+/g, ' ');
  const found = periodOfText(text);
  if (found === null) {
    const date = dateOfText(text);
    return date === null ? { kind: 'unknown' } : { kind: 'ok', period: periodOfDate(date, frequency) };
  }
  const parsed = parsePeriod(found);
  if (!parsed) return { kind: 'unknown' };
  if (parsed.frequency !== frequency) return { kind: 'wrongFrequency', period: found, frequency: parsed.frequency };
  return { kind: 'ok', period: found };
}

/** A month, week or quarter written as text, as an ISO period (not yet validated), or null. */
function periodOfText(text: string): string | null {
  let m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m) return `${m[1]}-${pad(m[2]!)}`;
  m = /^(\d{4}) ?-? ?w ?(\d{1,2})$/.exec(text);
  if (m) return `${m[1]}-W${pad(m[2]!)}`;
  m = /^(?:uge|week|wk|u|w)\.? ?(\d{1,2}),? (\d{4})$/.exec(text);
  if (m) return `${m[2]}-W${pad(m[1]!)}`;
  m = /^(\d{4}) ?-? ?[qk] ?([1-4])$/.exec(text);
  if (m) return `${m[1]}-Q${m[2]}`;
  m = /^[qk] ?([1-4]),? (\d{4})$/.exec(text);
  if (m) return `${m[2]}-Q${m[1]}`;
  m = /^([1-4])\. ?(?:kvt\.?|kvartal) (\d{4})$/.exec(text);
  if (m) return `${m[2]}-Q${m[1]}`;
  m = /^([a-z]+)\.? ?-? ?(\d{4})$/.exec(text);
  if (m && MONTHS[m[1]!] !== undefined) return `${m[2]}-${pad(MONTHS[m[1]!]!)}`;
  return null;
}

/** `2026-10-01` (a time after it is ignored), `01-10-2026` or `1.10.2026`, as YYYY-MM-DD; null otherwise. */
function dateOfText(text: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[t ][\d:.]+z?)?$/.exec(text);
  let iso: string | null = null;
  if (m) iso = `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[-.](\d{1,2})[-.](\d{4})$/.exec(text);
  if (m) iso = `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
  return iso !== null && isIsoDate(iso) ? iso : null;
}

// ------------------------------------------------------------------------------------ numbers

type Value = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; text: string };

/** Cells that mean "no number here" besides an empty one. */
const DASHES = new Set(['-', '–', '—']);

const DANISH_ONLY = [/^[-+]?\d+,\d+$/, /^[-+]?\d{1,3}(\.\d{3})+,\d+$/];
const ENGLISH_ONLY = [/^[-+]?\d+\.\d+$/, /^[-+]?\d{1,3}(,\d{3})+\.\d+$/];
const COMMA_THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+$/;
const DOT_THOUSANDS = /^[-+]?\d{1,3}(\.\d{3})+$/;

/**
 * How the file writes numbers. A `;` delimiter means decimal comma (that is why Danish Excel
 * uses it). Otherwise the cells decide: `12,5` is only Danish, `12.5` only English, while
 * `1,250` and `1.250` say nothing; a tie leaves the UI language.
 */
export function detectNumberLocale(cells: readonly ImportCell[], fallback: 'da' | 'en', delimiter?: string): 'da' | 'en' {
  if (delimiter === ';') return 'da';
  let da = 0;
  let en = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const text = cell.replace(/[\s\u00a0\u202f%]/g, '').replace(/[^\d.,+-]+$/, '');
    if (COMMA_THOUSANDS.test(text) || DOT_THOUSANDS.test(text)) continue;
    if (DANISH_ONLY.some((re) => re.test(text))) da++;
    else if (ENGLISH_ONLY.some((re) => re.test(text))) en++;
  }
  if (da !== en) return da > en ? 'da' : 'en';
  return delimiter === ',' ? 'en' : fallback;
}

function readValue(cell: ImportCell, locale: 'da' | 'en', unit: string): Value {
  if (isBlank(cell)) return { kind: 'empty' };
  if (typeof cell === 'number') return Number.isFinite(cell) ? { kind: 'number', value: cell } : { kind: 'invalid', text: String(cell) };
  if (typeof cell !== 'string') return { kind: 'invalid', text: cellText(cell) };
  const text = cell.trim();
  if (DASHES.has(text)) return { kind: 'empty' };
  const value = parseNumberWithUnit(text, locale, unit);
  return value === null ? { kind: 'invalid', text } : { kind: 'number', value };
}

/** A cell as text, for showing a bad row. Dates as YYYY-MM-DD. */
export function cellText(cell: ImportCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}

// ------------------------------------------------------------------------------------ the plan

const FIELD_ORDER: Record<MeasurementField, number> = { target: 0, actual: 1 };

function sortChanges(changes: ImportChange[]): ImportChange[] {
  return changes.sort((a, b) => comparePeriods(a.period, b.period) || FIELD_ORDER[a.field] - FIELD_ORDER[b.field]);
}

/** Read rows of cells into a plan of changes against the goal's numbers. Never throws on content. */
export function planImport(rows: readonly (readonly ImportCell[])[], options: ImportOptions): ImportPlan {
  const header = findHeader(rows);
  const empty: ImportPlan = {
    problem: null,
    columns: null,
    headerRow: null,
    skippedAboveHeader: 0,
    numberLocale: options.locale,
    changes: [],
    overwrites: [],
    unchanged: 0,
    badRows: [],
    dataRows: 0,
  };
  if ('problem' in header) return { ...empty, problem: header.problem };
  const { columns } = header;
  const body = rows.slice(header.index + 1);
  const valueCells = body.flatMap((row) => [columns.target === null ? null : row[columns.target], columns.actual === null ? null : row[columns.actual]]);
  const locale = detectNumberLocale(valueCells, options.locale, options.delimiter);
  const unit = options.unit ?? '';

  const changes: ImportChange[] = [];
  const badRows: BadRow[] = [];
  const firstRowOf = new Map<string, number>();
  let unchanged = 0;
  let dataRows = 0;

  body.forEach((row, i) => {
    if (isEmptyRow(row)) return;
    dataRows++;
    const rowNumber = header.index + 2 + i;
    const bad = (reason: BadRowReason) => badRows.push({ row: rowNumber, reason, raw: row.map(cellText) });
    const target = columns.target === null ? ({ kind: 'empty' } as Value) : readValue(row[columns.target], locale, unit);
    const actual = columns.actual === null ? ({ kind: 'empty' } as Value) : readValue(row[columns.actual], locale, unit);
    const periodCell = row[columns.period];
    if (isBlank(periodCell)) {
      if (target.kind !== 'empty' || actual.kind !== 'empty') bad({ kind: 'missingPeriod' });
      else dataRows--; // only cells of other columns: not a data row
      return;
    }
    const period = readPeriodCell(periodCell, options.frequency);
    if (period.kind === 'unknown') return bad({ kind: 'unknownPeriod', text: cellText(periodCell) });
    if (period.kind === 'wrongFrequency') return bad({ kind: 'wrongFrequency', period: period.period, frequency: period.frequency });
    const firstRow = firstRowOf.get(period.period);
    if (firstRow !== undefined) return bad({ kind: 'duplicatePeriod', period: period.period, firstRow });
    firstRowOf.set(period.period, rowNumber);
    if (target.kind === 'invalid') return bad({ kind: 'notANumber', field: 'target', text: target.text });
    if (actual.kind === 'invalid') return bad({ kind: 'notANumber', field: 'actual', text: actual.text });
    for (const [field, value] of [
      ['target', target],
      ['actual', actual],
    ] as const) {
      if (value.kind !== 'number') continue;
      const old = (field === 'target' ? options.existing.targets : options.existing.actuals)[period.period] ?? null;
      if (old === value.value) unchanged++;
      else changes.push({ row: rowNumber, period: period.period, field, old, new: value.value });
    }
  });

  sortChanges(changes);
  return {
    problem: null,
    columns,
    headerRow: header.index + 1,
    skippedAboveHeader: rows.slice(0, header.index).filter((r) => !isEmptyRow(r)).length,
    numberLocale: locale,
    changes,
    overwrites: changes.filter((c) => c.old !== null),
    unchanged,
    badRows,
    dataRows,
  };
}

/**
 * Changes that would set `values` into one field (generated targets): the same shape as an
 * import plan's, so the same preview shows them. `row` is the position in time order, from 1.
 */
export function planValues(
  existing: Readonly<Record<string, number>>,
  field: MeasurementField,
  values: Readonly<Record<string, number>>,
): { changes: ImportChange[]; overwrites: ImportChange[]; unchanged: number } {
  const periods = Object.keys(values).sort(comparePeriods);
  const changes: ImportChange[] = [];
  let unchanged = 0;
  periods.forEach((period, i) => {
    const old = existing[period] ?? null;
    if (old === values[period]) unchanged++;
    else changes.push({ row: i + 1, period, field, old, new: values[period]! });
  });
  return { changes, overwrites: changes.filter((c) => c.old !== null), unchanged };
}

/** The goal's numbers after the changes (pure; the schema's writeMeasurements does it to the document). */
export function applyImport(
  existing: { targets: Readonly<Record<string, number>>; actuals: Readonly<Record<string, number>> },
  changes: readonly Pick<ImportChange, 'period' | 'field' | 'new'>[],
): { targets: Record<string, number>; actuals: Record<string, number> } {
  const targets = { ...existing.targets };
  const actuals = { ...existing.actuals };
  for (const change of changes) (change.field === 'target' ? targets : actuals)[change.period] = change.new;
  return { targets, actuals };
}

/** The writes for shared/schema's writeMeasurements. */
export function importWrites(changes: readonly ImportChange[]): { period: string; field: MeasurementField; value: number }[] {
  return changes.map((c) => ({ period: c.period, field: c.field, value: c.new }));
}

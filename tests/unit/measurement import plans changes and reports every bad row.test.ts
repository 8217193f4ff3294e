import { describe, expect, it } from 'vitest';
import { applyImport, detectNumberLocale, findHeader, planImport, planValues, readPeriodCell, type ImportOptions } from '../../shared/domain/measurementImport';
import { parseCsv } from '../../shared/domain/measurementCsv';

const monthly = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  frequency: 'monthly',
  existing: { targets: {}, actuals: {} },
  locale: 'da',
  unit: '%',
  ...over,
});

/** Parse CSV text as the import dialog does, then plan. */
const plan = (text: string, over: Partial<ImportOptions> = {}) => {
  const { rows, delimiter } = parseCsv(text);
  return planImport(rows, monthly({ delimiter, ...over }));
};

describe('headers', () => {
  it('finds period, target and actual in Danish and English, any case, in any order', () => {
    expect(findHeader([['Periode', 'Faktisk', 'Måltal']])).toEqual({ index: 0, columns: { period: 0, target: 2, actual: 1 } });
    expect(findHeader([['ACTUAL', 'Period', 'Target']])).toEqual({ index: 0, columns: { period: 1, target: 2, actual: 0 } });
    expect(findHeader([['måned', 'mål (%)', 'realisering']])).toEqual({ index: 0, columns: { period: 0, target: 1, actual: 2 } });
    expect(findHeader([['dato', 'faktisk realisering']])).toEqual({ index: 0, columns: { period: 0, target: null, actual: 1 } });
  });

  it('skips a title line above the header and says so', () => {
    const result = plan('Andel breve sendt digitalt\n\nperiode;måltal;faktisk\n2026-01;60;58');
    expect(result.problem).toBeNull();
    expect(result.headerRow).toBe(3);
    expect(result.skippedAboveHeader).toBe(1);
    expect(result.changes).toHaveLength(2);
  });

  it('refuses a file without a header, or without a target or actual column, or with nothing in it', () => {
    expect(plan('2026-01;60;58\n2026-02;62;61').problem).toBe('missingHeader');
    expect(plan('periode;kommentar\n2026-01;god').problem).toBe('noValueColumn');
    expect(plan('').problem).toBe('empty');
    expect(plan('\n ;  \n').problem).toBe('empty');
    expect(plan('2026-01;60;58').changes).toEqual([]);
  });
});

describe('periods', () => {
  it('reads ISO periods, friendly forms and dates', () => {
    const ok = (cell: string | Date, frequency: 'monthly' | 'weekly' | 'quarterly' = 'monthly') => readPeriodCell(cell, frequency);
    expect(ok('2026-10')).toEqual({ kind: 'ok', period: '2026-10' });
    expect(ok('2026-1')).toEqual({ kind: 'ok', period: '2026-01' });
    expect(ok('okt. 2026')).toEqual({ kind: 'ok', period: '2026-10' });
    expect(ok('Oktober 2026')).toEqual({ kind: 'ok', period: '2026-10' });
    expect(ok('Oct 2026')).toEqual({ kind: 'ok', period: '2026-10' });
    expect(ok('maj 2026')).toEqual({ kind: 'ok', period: '2026-05' });
    expect(ok('2026-10-01')).toEqual({ kind: 'ok', period: '2026-10' });
    expect(ok('15-10-2026')).toEqual({ kind: 'ok', period: '2026-10' });
    expect(ok('1.10.2026')).toEqual({ kind: 'ok', period: '2026-10' });
    expect(ok(new Date(Date.UTC(2026, 9, 31)))).toEqual({ kind: 'ok', period: '2026-10' });
    expect(ok('2026-W41', 'weekly')).toEqual({ kind: 'ok', period: '2026-W41' });
    expect(ok('uge 41 2026', 'weekly')).toEqual({ kind: 'ok', period: '2026-W41' });
    expect(ok('2026-w5', 'weekly')).toEqual({ kind: 'ok', period: '2026-W05' });
    expect(ok('2026-10-05', 'weekly')).toEqual({ kind: 'ok', period: '2026-W41' });
    expect(ok('2027-01-01', 'weekly')).toEqual({ kind: 'ok', period: '2026-W53' });
    expect(ok('2026-Q4', 'quarterly')).toEqual({ kind: 'ok', period: '2026-Q4' });
    expect(ok('K4 2026', 'quarterly')).toEqual({ kind: 'ok', period: '2026-Q4' });
    expect(ok('4. kvt. 2026', 'quarterly')).toEqual({ kind: 'ok', period: '2026-Q4' });
    expect(ok('2026-11-15', 'quarterly')).toEqual({ kind: 'ok', period: '2026-Q4' });
  });

  it('refuses what it cannot read safely', () => {
    for (const text of ['2026-13', 'oktober', '10/1/2026', '31-02-2026', '2025-W53', 'Q5 2026', 'næste måned', '45931']) {
      expect(readPeriodCell(text, 'monthly').kind, text).not.toBe('ok');
    }
    expect(readPeriodCell(45931, 'monthly')).toEqual({ kind: 'unknown' });
  });

  it('calls a month, week or quarter of another frequency by its name', () => {
    expect(readPeriodCell('2026-W05', 'monthly')).toEqual({ kind: 'wrongFrequency', period: '2026-W05', frequency: 'weekly' });
    expect(readPeriodCell('okt. 2026', 'quarterly')).toEqual({ kind: 'wrongFrequency', period: '2026-10', frequency: 'monthly' });
  });
});

describe('rows', () => {
  const existing = { targets: { '2026-01': 60, '2026-02': 62 }, actuals: { '2026-01': 58 } };

  it('plans new values and overwrites with their old value; equal values are not changes', () => {
    const result = plan('periode;måltal;faktisk\n2026-01;60;57,5\n2026-02;63;61\n2026-03;64;', { existing });
    expect(result.changes).toEqual([
      { row: 2, period: '2026-01', field: 'actual', old: 58, new: 57.5 },
      { row: 3, period: '2026-02', field: 'target', old: 62, new: 63 },
      { row: 3, period: '2026-02', field: 'actual', old: null, new: 61 },
      { row: 4, period: '2026-03', field: 'target', old: null, new: 64 },
    ]);
    expect(result.overwrites.map((c) => [c.period, c.field, c.old, c.new])).toEqual([
      ['2026-01', 'actual', 58, 57.5],
      ['2026-02', 'target', 62, 63],
    ]);
    expect(result.unchanged).toBe(1);
    expect(result.badRows).toEqual([]);
  });

  it('reports every kind of bad row with its row number, reason and cells, and keeps the good rows', () => {
    const text = [
      'periode;måltal;faktisk', // 1
      '2026-01;60;58', // 2
      '2026-13;62;61', // 3 unknown period
      '2026-W05;64;65', // 4 wrong frequency
      '2026-04;66;mange', // 5 text in a number
      '2026-01;61;59', // 6 duplicate of row 2
      ';68;69', // 7 numbers without a period
      '2026-05;abc;69', // 8 text in the target
      '', // 9 blank: skipped quietly
      '2026-06;70;', // 10 fine
    ].join('\n');
    const result = plan(text);
    expect(result.badRows).toEqual([
      { row: 3, reason: { kind: 'unknownPeriod', text: '2026-13' }, raw: ['2026-13', '62', '61'] },
      { row: 4, reason: { kind: 'wrongFrequency', period: '2026-W05', frequency: 'weekly' }, raw: ['2026-W05', '64', '65'] },
      { row: 5, reason: { kind: 'notANumber', field: 'actual', text: 'mange' }, raw: ['2026-04', '66', 'mange'] },
      { row: 6, reason: { kind: 'duplicatePeriod', period: '2026-01', firstRow: 2 }, raw: ['2026-01', '61', '59'] },
      { row: 7, reason: { kind: 'missingPeriod' }, raw: ['', '68', '69'] },
      { row: 8, reason: { kind: 'notANumber', field: 'target', text: 'abc' }, raw: ['2026-05', 'abc', '69'] },
    ]);
    expect(result.changes.map((c) => `${c.period} ${c.field} ${c.new}`)).toEqual(['2026-01 target 60', '2026-01 actual 58', '2026-06 target 70']);
    expect(result.dataRows).toBe(8);
  });

  it('treats an empty cell, or a dash, as no change', () => {
    const result = plan('periode;måltal;faktisk\n2026-01;;58\n2026-02;—;\n2026-03; - ;', { existing });
    expect(result.changes).toEqual([]);
    expect(result.unchanged).toBe(1);
    expect(result.badRows).toEqual([]);
  });

  it('allows the unit or % after a number', () => {
    const result = plan('periode;måltal;faktisk\n2026-03;64 %;65%', { unit: '%' });
    expect(result.changes.map((c) => c.new)).toEqual([64, 65]);
    const days = plan('periode;faktisk\n2026-03;12,5 dage', { unit: 'dage' });
    expect(days.changes.map((c) => c.new)).toEqual([12.5]);
  });

  it('imports only the columns the file has', () => {
    const result = plan('periode;faktisk\n2026-02;61', { existing });
    expect(result.changes).toEqual([{ row: 2, period: '2026-02', field: 'actual', old: null, new: 61 }]);
  });
});

describe('numbers and delimiters', () => {
  it('reads a Danish semicolon file: decimal comma and thousands dot', () => {
    const result = plan('periode;måltal;faktisk\n2026-01;1.250;1.187,5\n2026-02;0,125;12,5', { locale: 'en' });
    expect(result.numberLocale).toBe('da');
    expect(result.changes.map((c) => c.new)).toEqual([1250, 1187.5, 0.125, 12.5]);
  });

  it('reads an English comma file: decimal point and thousands comma', () => {
    const result = plan('period,target,actual\n2026-01,"1,250",1187.5\n2026-02,0.125,12.5', { locale: 'da' });
    expect(result.numberLocale).toBe('en');
    expect(result.changes.map((c) => c.new)).toEqual([1250, 1187.5, 0.125, 12.5]);
  });

  it('reads tab-separated text pasted from a spreadsheet, deciding the decimal mark from the numbers', () => {
    const danish = plan('Periode\tMåltal\tFaktisk\nokt. 2026\t78\t75,5\nnov. 2026\t80\t79', { locale: 'en' });
    expect(danish.numberLocale).toBe('da');
    expect(danish.changes.map((c) => `${c.period}=${c.new}`)).toEqual(['2026-10=78', '2026-10=75.5', '2026-11=80', '2026-11=79']);
    const english = plan('Period\tTarget\tActual\n2026-10\t78\t75.5', { locale: 'da' });
    expect(english.numberLocale).toBe('en');
    expect(english.changes.map((c) => c.new)).toEqual([78, 75.5]);
  });

  it('leaves an undecided file to the UI language', () => {
    expect(detectNumberLocale(['1.250', '60'], 'da')).toBe('da');
    expect(detectNumberLocale(['1.250', '60'], 'en')).toBe('en');
    expect(detectNumberLocale(['1.250', '60'], 'da', ',')).toBe('en');
  });

  it('drops a byte order mark and ignores a trailing newline, CRLF or not', () => {
    const result = plan('\ufeffperiode;måltal;faktisk\r\n2026-01;60;58\r\n');
    expect(result.problem).toBeNull();
    expect(result.columns).toEqual({ period: 0, target: 1, actual: 2 });
    expect(result.changes).toHaveLength(2);
    expect(result.dataRows).toBe(1);
  });

  it('never throws on junk', () => {
    const junk = ['"unterminated', '\u0000\u0001;;;', 'periode;måltal\n"2026-01";"60', ';;;\n;;;', 'periode;måltal;faktisk\n' + 'x;'.repeat(500)];
    for (const text of junk) expect(() => plan(text)).not.toThrow();
    expect(() => planImport([[null, undefined, true, 3], [new Date(Number.NaN)]], monthly())).not.toThrow();
    expect(planImport([['periode', 'faktisk'], [new Date(Number.NaN), 3], ['2026-01', true]], monthly()).badRows.map((r) => r.reason.kind)).toEqual(['unknownPeriod', 'notANumber']);
  });
});

describe('applying', () => {
  it('gives the goal’s numbers after the changes, touching nothing else', () => {
    const existing = { targets: { '2026-01': 60 }, actuals: { '2026-01': 58, '2026-02': 61 } };
    const result = plan('periode;faktisk\n2026-01;59', { existing });
    expect(applyImport(existing, result.changes)).toEqual({ targets: { '2026-01': 60 }, actuals: { '2026-01': 59, '2026-02': 61 } });
    expect(existing.actuals['2026-01']).toBe(58);
  });

  it('plans generated targets the same way, showing the overwrites', () => {
    const planned = planValues({ '2026-01': 60, '2026-02': 99 }, 'target', { '2026-01': 60, '2026-02': 62, '2026-03': 64 });
    expect(planned.unchanged).toBe(1);
    expect(planned.overwrites).toEqual([{ row: 2, period: '2026-02', field: 'target', old: 99, new: 62 }]);
    expect(planned.changes).toHaveLength(2);
  });
});

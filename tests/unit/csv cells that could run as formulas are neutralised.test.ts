// Issue 8: a spreadsheet skips leading white space (spaces, NBSP, tabs, line breaks) before it
// looks for a formula, so a cell is neutralised (an apostrophe in front) when its first
// character that is not white space is = + - or @, or when it starts with a tab or CR. Other text
// is left as it is, and numbers in number columns stay numbers.

import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { actionExportRows, actionsToCsv, defuse } from '../../shared/domain/actionExport';
import { measurementsToCsv } from '../../shared/domain/measurementCsv';

describe('defuse', () => {
  test.each([
    ['=1+1'],
    ['+45 12 34'],
    ['-2'],
    ['@SUM(A1)'],
    [' =HYPERLINK("http://x")'],
    ['   +cmd'],
    ['\u00a0=HYPERLINK("http://x")'],
    ['\u00a0\u00a0-1'],
    ['\n=1'],
    ['\r\n@x'],
    ['\t=1'],
    ['\u2007\u3000=1'],
    ['\ufeff=1'],
    ['\tplain'],
    ['\rplain'],
  ])('%j is neutralised', (value) => {
    expect(defuse(value)).toBe(`'${value}`);
  });

  test.each([['Ny tekst'], [' tekst med mellemrum'], ['\u00a0NBSP foran'], ['\nlinje'], ['a=b'], ['5-2'], ["'=allerede"], ['']])('%j is left as it is', (value) => {
    expect(defuse(value)).toBe(value);
  });
});

test('the action plan CSV neutralises such cells in every text column', () => {
  const csv = actionsToCsv(
    actionExportRows({
      goals: [{ id: 'g', name: '\u00a0=HYPERLINK("http://evil","Mål")' }],
      ideas: [{ id: 'i', text: '\n@SUM(1)' }],
      actions: [{ title: ' =1+1', responsible: '\u00a0-Peter', deadline: '2026-12-01', status: 'decided', goalId: 'g', ideaId: 'i' }],
    }),
  );
  const [, row] = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true }).data;
  expect(row).toEqual([`' =1+1`, `'\u00a0-Peter`, '2026-12-01', 'Besluttet', `'\u00a0=HYPERLINK("http://evil","Mål")`, `'\n@SUM(1)`]);
});

test('numbers in the number columns of a goal’s CSV stay numbers, negative ones too', () => {
  const csv = measurementsToCsv([
    { period: '2026-01', target: -5, actual: -2.5 },
    { period: '2026-02', target: 10, actual: null },
  ]);
  expect(csv).toBe('\ufeffperiod;target;actual\r\n2026-01;-5;-2,5\r\n2026-02;10;\r\n');
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { measurementRows, measurementsToCsv, parseCsv } from '../../shared/domain/measurementCsv';
import { measurementsToXlsx, readXlsxRows } from '../../shared/domain/measurementXlsx';
import { applyImport, planImport } from '../../shared/domain/measurementImport';
import { formatPlainNumber } from '../../shared/domain/numbers';

const goal = {
  targets: { '2026-01': 60, '2026-02': 62.5, '2026-03': 1250, '2026-04': 0.125, '2026-05': -3 },
  actuals: { '2026-01': 58.25, '2026-02': 1 / 3, '2026-04': 125.125, '2026-06': 0.1 + 0.2 },
};
const info = { name: 'Andel breve sendt digitalt', unit: '%', direction: 'up' as const, kind: 'benefit' as const, owner: 'Hanne', frequency: 'monthly', baseline: 58, description: 'Fra Digital Post-statistikken' };
const none = { targets: {}, actuals: {} };

describe('CSV', () => {
  it('is what Danish Excel expects: BOM, semicolons, decimal comma, CRLF, a header', () => {
    const csv = measurementsToCsv(measurementRows(goal));
    expect(csv.startsWith('\ufeffperiod;target;actual\r\n2026-01;60;58,25\r\n2026-02;62,5;0,3333333333333333\r\n')).toBe(true);
    expect(csv).toContain('2026-03;1250;\r\n');
    expect(csv).toContain('2026-06;;0,30000000000000004\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('is read back by the importer exactly, in either UI language', () => {
    const csv = measurementsToCsv(measurementRows(goal));
    for (const locale of ['da', 'en'] as const) {
      const { rows, delimiter } = parseCsv(csv);
      const plan = planImport(rows, { frequency: 'monthly', existing: none, locale, delimiter });
      expect(plan.badRows).toEqual([]);
      expect(applyImport(none, plan.changes)).toEqual(goal);
    }
  });

  it('writes numbers without exponents', () => {
    expect(formatPlainNumber(1e21, ',')).toBe('1000000000000000000000');
    expect(formatPlainNumber(1.5e-7, ',')).toBe('0,00000015');
  });
});

describe('XLSX', () => {
  it('written for a goal, is read back by the importer exactly', async () => {
    const file = await measurementsToXlsx(info, measurementRows(goal), '2026-11-25T10:00:00.000Z');
    const { rows, sheet } = await readXlsxRows(file);
    expect(sheet).toBe('Tal');
    const plan = planImport(rows, { frequency: 'monthly', existing: none, locale: 'da' });
    expect(plan.badRows).toEqual([]);
    expect(applyImport(none, plan.changes)).toEqual(goal);
  });

  it('reads what people make in Excel: dates, numbers, percentages, text, formulas and a title row', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Forside').addRow(['Notes only']);
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['Digital Post 2026']);
    sheet.addRow(['Måned', 'Måltal', 'Faktisk']);
    sheet.addRow([new Date(Date.UTC(2026, 0, 1)), 60, 58]);
    const percent = sheet.addRow([new Date(Date.UTC(2026, 1, 1)), 0.62, 0.615]);
    percent.getCell(2).numFmt = '0%';
    percent.getCell(3).numFmt = '0.0%';
    sheet.addRow(['mar. 2026', '64', '65,5']);
    sheet.addRow(['2026-04', { formula: '64+2', result: 66 }, { richText: [{ text: '6' }, { text: '7' }] }]);
    sheet.addRow(['2026-05', 'mange', 1]);
    sheet.addRow(['2026-W20', 1, 1]);
    sheet.addRow([new Date(Date.UTC(2026, 0, 15)), 1, 1]);
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());

    const { rows, sheet: name } = await readXlsxRows(data);
    expect(name).toBe('Data');
    const plan = planImport(rows, { frequency: 'monthly', existing: none, locale: 'da' });
    expect(plan.headerRow).toBe(2);
    expect(plan.skippedAboveHeader).toBe(1);
    expect(applyImport(none, plan.changes)).toEqual({
      targets: { '2026-01': 60, '2026-02': 62, '2026-03': 64, '2026-04': 66 },
      actuals: { '2026-01': 58, '2026-02': 61.5, '2026-03': 65.5, '2026-04': 67 },
    });
    expect(plan.badRows.map((r) => [r.row, r.reason.kind])).toEqual([
      [7, 'notANumber'],
      [8, 'wrongFrequency'],
      [9, 'duplicatePeriod'],
    ]);
    expect(plan.badRows[2]!.raw[0]).toBe('2026-01-15');
  });

  it('says what is missing in a workbook without a header, and refuses a non-workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ark1').addRow(['2026-01', 60, 58]);
    const { rows } = await readXlsxRows(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(planImport(rows, { frequency: 'monthly', existing: none, locale: 'da' }).problem).toBe('missingHeader');
    await expect(readXlsxRows(new TextEncoder().encode('period;target\n2026-01;1'))).rejects.toThrow();
  });
});

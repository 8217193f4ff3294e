// The action plan as a file for the management report: CSV (what Danish Excel opens: UTF-8 with
// BOM, `;`, CRLF) and .xlsx (exceljs, loaded only when a workbook is written). Columns: the
// action's title, responsible, deadline, status (Danish label), the goal it moves (name) and the
// idea it came from (text). Cells that a spreadsheet would run as a formula (=, +, -, @) are
// prefixed with an apostrophe: text from users is text, in files too.

import Papa from 'papaparse';
import type * as ExcelJSTypes from 'exceljs';
import type { ActionStatus } from './actionStatus';

export const ACTION_EXPORT_HEADER = ['Handling', 'Ansvarlig', 'Deadline', 'Status', 'Mål', 'Idé'] as const;

export const STATUS_LABEL_DA: Record<ActionStatus, string> = {
  decided: 'Besluttet',
  started: 'Igangsat',
  finished: 'Afsluttet',
  evaluated: 'Evalueret',
};

export interface ActionExportRow {
  title: string;
  responsible: string;
  /** YYYY-MM-DD or '' */
  deadline: string;
  status: string;
  goal: string;
  idea: string;
}

interface ExportSource {
  goals: readonly { id: string; name: string }[];
  ideas: readonly { id: string; text: string }[];
  actions: readonly {
    title: string;
    responsible: string;
    deadline: string | null;
    status: ActionStatus;
    goalId?: string;
    ideaId?: string;
    archived?: boolean;
  }[];
}

/** One row per action in plan order (as given); archived actions only when asked for. */
export function actionExportRows(board: ExportSource, { includeArchived = false } = {}): ActionExportRow[] {
  const goals = new Map(board.goals.map((g) => [g.id, g.name]));
  const ideas = new Map(board.ideas.map((i) => [i.id, i.text]));
  return board.actions
    .filter((a) => includeArchived || !a.archived)
    .map((a) => ({
      title: a.title,
      responsible: a.responsible,
      deadline: a.deadline ?? '',
      status: STATUS_LABEL_DA[a.status],
      goal: (a.goalId && goals.get(a.goalId)) || '',
      idea: (a.ideaId && ideas.get(a.ideaId)) || '',
    }));
}

/**
 * A cell a spreadsheet would evaluate gets an apostrophe in front (OWASP: CSV injection): one
 * that starts with a tab or CR, or whose first character after any white space (spaces, NBSP,
 * tabs, line breaks and the other Unicode spaces, which spreadsheets skip) is = + - or @.
 * Only text cells come here; numbers in number columns are written as numbers.
 */
export function defuse(value: string): string {
  return /^(?:[\t\r]|\s*[=+\-@])/.test(value) ? `'${value}` : value;
}

const cells = (row: ActionExportRow): string[] => [row.title, row.responsible, row.deadline, row.status, row.goal, row.idea];

export function actionsToCsv(rows: readonly ActionExportRow[]): string {
  const data = rows.map((row) => cells(row).map(defuse));
  const body = Papa.unparse({ fields: [...ACTION_EXPORT_HEADER], data }, { delimiter: ';', newline: '\r\n', quotes: false });
  // Papa ends an empty table with a line break of its own; exactly one closes the file.
  return '\ufeff' + body.replace(/(\r\n)+$/, '') + '\r\n';
}

type ExcelJS = typeof ExcelJSTypes;

async function loadExcelJS(): Promise<ExcelJS> {
  const mod = (await import('exceljs')) as ExcelJS & { default?: ExcelJS };
  return mod.default ?? mod;
}

export const ACTION_SHEET = 'Handleplan';

/** The workbook: one sheet "Handleplan", deadlines as real dates (dd-mm-yyyy), a filter on the header. */
export async function actionsToXlsx(rows: readonly ActionExportRow[], info: { board: string; exportedAt: string }): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Måltavle';
  workbook.title = `Handleplan – ${info.board}`;
  workbook.created = new Date(info.exportedAt);
  const sheet = workbook.addWorksheet(ACTION_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [40, 18, 12, 12, 28, 40];
  sheet.columns = ACTION_EXPORT_HEADER.map((header, i) => ({ header, key: `c${i}`, width: widths[i] }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const [title, responsible, , status, goal, idea] = cells(row).map(defuse);
    const deadline = row.deadline ? new Date(`${row.deadline}T00:00:00Z`) : null;
    sheet.addRow([title, responsible, deadline, status, goal, idea]);
  }
  sheet.getColumn(3).numFmt = 'dd-mm-yyyy';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ACTION_EXPORT_HEADER.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

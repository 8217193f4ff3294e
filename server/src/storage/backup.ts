// Backups of a DATA_DIR (issue 8, docs/operations.md): one file that holds every board and what
// makes the links work, taken while the server runs, and restored into an empty DATA_DIR.
//
// The file is a SQLite database: SQLite's online backup of maaltavle.sqlite (a consistent
// snapshot even while the server writes; what the server still holds in memory, at most its
// flush delay of edits, is not in it), plus a `maaltavle_backup` table with the token-signing
// `secret` (without it every edit, view and leader link would stop working) and the generated
// `admin-token` when there is one. Restore checks the file, refuses a DATA_DIR that already holds
// a store or a secret, and writes the files with the modes the server gives them.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SECRET_FILE } from '../auth/boardTokens';
import { ADMIN_TOKEN_FILE } from '../auth/adminToken';
import { SQLITE_FILE } from './sqlite';

const FORMAT = 'maaltavle-backup-1';
/** Files of DATA_DIR carried in the backup table, besides the store. */
const CARRIED = [SECRET_FILE, ADMIN_TOKEN_FILE] as const;

export class BackupError extends Error {
  override name = 'BackupError';
}

export interface BackupResult {
  file: string;
  boards: number;
  bytes: number;
}

/** Write a backup of `dataDir` to `file` (replaced if it exists). */
export async function backupDataDir(dataDir: string, file: string): Promise<BackupResult> {
  const store = path.join(dataDir, SQLITE_FILE);
  if (!fs.existsSync(store)) throw new BackupError(`no store in ${dataDir} (${SQLITE_FILE} is missing): is DATA_DIR right?`);
  if (!fs.existsSync(path.join(dataDir, SECRET_FILE))) throw new BackupError(`no ${SECRET_FILE} in ${dataDir}: without it the board links cannot be restored`);
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const source = new Database(store, { readonly: true, fileMustExist: true });
  try {
    await source.backup(partial);
  } finally {
    source.close();
  }
  const copy = new Database(partial);
  try {
    copy.exec('CREATE TABLE maaltavle_backup (name TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const put = copy.prepare('INSERT INTO maaltavle_backup (name, value) VALUES (?, ?)');
    put.run('format', FORMAT);
    put.run('takenAt', new Date().toISOString());
    for (const name of CARRIED) {
      const at = path.join(dataDir, name);
      if (fs.existsSync(at)) put.run(`file:${name}`, fs.readFileSync(at, 'utf8'));
    }
    const boards = (copy.prepare('SELECT count(*) AS n FROM boards').get() as { n: number }).n;
    copy.close();
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
    return { file: target, boards, bytes: fs.statSync(target).size };
  } catch (error) {
    if (copy.open) copy.close();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

export interface RestoreResult {
  dataDir: string;
  boards: number;
  takenAt: string;
}

/** Bring a backup back into `dataDir`, which must not hold a store or a secret yet. */
export function restoreDataDir(file: string, dataDir: string): RestoreResult {
  if (!fs.existsSync(file)) throw new BackupError(`no backup file at ${file}`);
  for (const name of [SQLITE_FILE, SECRET_FILE]) {
    if (fs.existsSync(path.join(dataDir, name))) throw new BackupError(`${dataDir} already holds ${name}: restore only into an empty DATA_DIR (move the old one aside first)`);
  }
  let backup: Database.Database;
  try {
    backup = new Database(file, { readonly: true, fileMustExist: true });
    backup.pragma('schema_version');
  } catch {
    throw new BackupError(`${file} is not a Måltavle backup (not a SQLite file)`);
  }
  let carried: Map<string, string>;
  let takenAt: string;
  try {
    const rows = readBackupTable(backup, file);
    if (rows.get('format') !== FORMAT) throw new BackupError(`${file} is a backup of another format (${rows.get('format') ?? 'none'})`);
    const check = backup.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${file} is damaged (SQLite integrity check: ${String(check)})`);
    if (!rows.has(`file:${SECRET_FILE}`)) throw new BackupError(`${file} has no ${SECRET_FILE}`);
    carried = rows;
    takenAt = rows.get('takenAt') ?? '';
  } finally {
    backup.close();
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const store = path.join(dataDir, SQLITE_FILE);
  const partial = `${store}.restoring`;
  fs.copyFileSync(file, partial);
  const restored = new Database(partial);
  let boards: number;
  try {
    restored.exec('DROP TABLE maaltavle_backup');
    boards = (restored.prepare('SELECT count(*) AS n FROM boards').get() as { n: number }).n;
  } finally {
    restored.close();
  }
  fs.chmodSync(partial, 0o600);
  for (const name of CARRIED) {
    const value = carried.get(`file:${name}`);
    if (value !== undefined) fs.writeFileSync(path.join(dataDir, name), value, { mode: 0o600, flag: 'wx' });
  }
  fs.renameSync(partial, store);
  return { dataDir, boards, takenAt };
}

function readBackupTable(db: Database.Database, file: string): Map<string, string> {
  try {
    const rows = db.prepare('SELECT name, value FROM maaltavle_backup').all() as { name: string; value: string }[];
    return new Map(rows.map((row) => [row.name, row.value]));
  } catch {
    throw new BackupError(`${file} is not a Måltavle backup (no maaltavle_backup table)`);
  }
}

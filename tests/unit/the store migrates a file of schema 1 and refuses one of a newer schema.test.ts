// A store file written before issue 8 (schema 1, no link generations) opens with every link at
// generation 0, so links handed out before the upgrade keep working; a file from a newer
// Måltavle is refused with a message instead of being half understood.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, test } from 'vitest';
import { openSqliteStore, SQLITE_FILE } from '../../server/src/storage/sqlite';
import { silentLogger } from '../../server/src/log';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDirWith(setup: (db: Database.Database) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maaltavle-migrate-'));
  dirs.push(dir);
  const db = new Database(path.join(dir, SQLITE_FILE));
  setup(db);
  db.close();
  return dir;
}

test('a schema 1 file gets link generations 0 and a workspace table, and keeps its boards and updates', async () => {
  const dataDir = dataDirWith((db) => {
    db.exec(`
      CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, summary_json TEXT, summary_date TEXT);
      CREATE TABLE updates (seq INTEGER PRIMARY KEY, board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE, data BLOB NOT NULL);
      CREATE INDEX updates_by_board ON updates (board_id, seq);
      INSERT INTO boards VALUES ('oldboard123456', 'Fra før', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', NULL, NULL);
      INSERT INTO updates (board_id, data) VALUES ('oldboard123456', x'0000');
    `);
    db.pragma('user_version = 1');
  });
  const store = openSqliteStore({ dataDir, log: silentLogger });
  try {
    expect(await store.getBoardRecord('oldboard123456')).toMatchObject({ title: 'Fra før', generations: { edit: 0, view: 0 } });
    expect((await store.loadUpdates('oldboard123456')).length).toBe(1);
    expect(await store.leaderGeneration()).toBe(0);
    expect(await store.rotateLink('oldboard123456', 'view')).toBe(1);
    expect(await store.rotateLeaderLink()).toBe(1);
    expect(await store.rotateLeaderLink()).toBe(2);
    expect((await store.getBoardRecord('oldboard123456'))?.generations).toEqual({ edit: 0, view: 1 });
    expect(await store.rotateLink('nosuchboard', 'edit')).toBeNull();
  } finally {
    await store.close();
  }
  const db = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true });
  expect(db.pragma('user_version', { simple: true })).toBe(2);
  db.close();
});

test('a file of a newer schema is refused with a message, and left as it is', () => {
  const dataDir = dataDirWith((db) => db.pragma('user_version = 99'));
  expect(() => openSqliteStore({ dataDir, log: silentLogger })).toThrow(/newer Måltavle \(schema 99/);
  const db = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true });
  expect(db.pragma('user_version', { simple: true })).toBe(99);
  db.close();
});

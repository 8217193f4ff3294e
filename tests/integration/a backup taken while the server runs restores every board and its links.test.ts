// Issue 8, Durability: `npm run backup -- <file>` writes a consistent snapshot of every board while
// the server runs (SQLite's online backup), with the token-signing secret, so that
// `npm run restore -- <file>` into an empty DATA_DIR brings back every board and every link still
// works. Restore refuses a DATA_DIR that is not empty and a file that is not a backup.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { addIdea, setBoardTitle } from '../../shared/schema';
import { clientPool, connectClient, createBoard, REPO_ROOT, startTestServer, tempDataDir, waitFor, ADMIN_TOKEN, type CreatedBoard, type TestServer } from './harness';

const run = promisify(execFile);
const pool = clientPool();
const servers: TestServer[] = [];
afterAll(async () => {
  pool.destroyAll();
  for (const server of servers) await server.close();
});

/** `npm run backup|restore -- <file>` as an operator types it (tsx directly: npm adds nothing to test). */
async function cli(command: 'backup' | 'restore', file: string, dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/src/backupCli.ts', command, file], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

test('100 boards backed up while edits arrive, restored into an empty DATA_DIR with their content and links', async () => {
  const live = await startTestServer({ flushDelayMs: 20 });
  servers.push(live);
  const boards: CreatedBoard[] = [];
  for (let i = 0; i < 100; i++) boards.push(await createBoard(live.url, `Tavle ${i + 1}`));
  // Content on a few boards, through real clients; one keeps writing while the backup runs.
  const writers = boards.slice(0, 5).map((board) => pool.add(connectClient(live.syncUrl, board.id, board.tokens.edit)));
  await Promise.all(writers.map((client) => client.firstSync));
  writers.forEach((client, i) => addIdea(client.doc, { text: `Idé på tavle ${i + 1}`, author: 'Anne', color: '#fff3a3' }));
  setBoardTitle(writers[0]!.doc, 'Borgerservice');
  // Stored: the listing (the store's board record, written after the summary delay) has the title.
  const titleOf = async (url: string, id: string) =>
    ((await (await fetch(`${url}/api/boards`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { id: string; title: string }[]).find((board) => board.id === id)?.title;
  await waitFor(async () => (await titleOf(live.url, boards[0]!.id)) === 'Borgerservice', { what: 'the title in the store', interval: 100 });
  let writing = true;
  const busy = (async () => {
    for (let n = 0; writing; n++) {
      addIdea(writers[1]!.doc, { text: `Under backup ${n}`, author: 'Bo', color: '#fff3a3' });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const file = path.join(tempDataDir(), 'maaltavle-backup.sqlite');
  const backup = await cli('backup', file, live.dataDir);
  writing = false;
  await busy;
  expect(backup, backup.stderr).toMatchObject({ code: 0 });
  expect(backup.stdout).toMatch(/^backup of 100 boards from .* written to .*maaltavle-backup\.sqlite/);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);

  // Restore into an empty DATA_DIR and start a server on it (the live one goes on untouched).
  const restoredDir = path.join(tempDataDir(), 'restored');
  const restore = await cli('restore', file, restoredDir);
  expect(restore, restore.stderr).toMatchObject({ code: 0 });
  expect(restore.stdout).toMatch(/^restored 100 boards into /);
  const restored = await startTestServer({ dataDir: restoredDir });
  servers.push(restored);
  const listed = (await (await fetch(`${restored.url}/api/boards`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { id: string; title: string }[];
  expect(listed.map((board) => board.id).sort()).toEqual(boards.map((board) => board.id).sort());
  expect(listed.find((board) => board.id === boards[0]!.id)?.title).toBe('Borgerservice');
  // The old edit and view links work on the restored server: the secret came along.
  for (const [i, board] of boards.slice(0, 5).entries()) {
    const reader = pool.add(connectClient(restored.syncUrl, board.id, i % 2 ? board.tokens.view : board.tokens.edit));
    const seen = await reader.firstSync;
    expect(seen.ideas.map((idea) => idea.text)).toContain(`Idé på tavle ${i + 1}`);
  }
  const untouched = pool.add(connectClient(restored.syncUrl, boards[99]!.id, boards[99]!.tokens.edit));
  expect((await untouched.firstSync).meta.title).toBe('Tavle 100');
});

test('restore refuses a DATA_DIR that holds a store and a file that is not a backup, and changes nothing', async () => {
  const live = await startTestServer();
  servers.push(live);
  await createBoard(live.url, 'Eksisterende');
  const file = path.join(tempDataDir(), 'b.sqlite');
  expect((await cli('backup', file, live.dataDir)).code).toBe(0);
  const before = fs.readdirSync(live.dataDir).sort();
  const intoUsed = await cli('restore', file, live.dataDir);
  expect(intoUsed.code).toBe(1);
  expect(intoUsed.stderr).toMatch(/restore failed: .* already holds maaltavle\.sqlite: restore only into an empty DATA_DIR/);
  expect(fs.readdirSync(live.dataDir).sort()).toEqual(before);

  const junk = path.join(tempDataDir(), 'junk.sqlite');
  fs.writeFileSync(junk, 'id,name\n1,not a database\n');
  const empty = path.join(tempDataDir(), 'empty');
  const fromJunk = await cli('restore', junk, empty);
  expect(fromJunk.code).toBe(1);
  expect(fromJunk.stderr).toMatch(/is not a Måltavle backup/);
  expect(fs.existsSync(path.join(empty, 'maaltavle.sqlite'))).toBe(false);
  // A backup of a directory without a store says what is wrong instead of writing an empty file.
  const nothing = await cli('backup', path.join(empty, 'x.sqlite'), tempDataDir());
  expect(nothing.code).toBe(1);
  expect(nothing.stderr).toMatch(/backup failed: no store in/);
});

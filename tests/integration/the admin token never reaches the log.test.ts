// Issue 8: the admin token is printed once, as a plain line, for a person at a terminal — never
// into the JSON log, and not at all when the output goes to a pipe (a log collector). A generated
// token is logged as generated, with its file, never its value.

import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, expect, test } from 'vitest';
import { REPO_ROOT, spawnServer, startTestServer, tempDataDir, waitFor, type ChildServer } from './harness';
import { adminLinkBanner } from '../../server/src/auth/adminToken';
import { createLogger } from '../../server/src/log';

const children: ChildServer[] = [];
afterAll(async () => {
  for (const server of children.splice(0)) {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
});

async function stop(server: ChildServer): Promise<void> {
  server.child.kill('SIGTERM');
  expect((await server.exited).code).toBe(0);
}

const jsonLines = (lines: readonly string[]) => lines.filter((line) => line.startsWith('{'));

test('in the server’s own log there is no admin token, whether given or generated', async () => {
  const given = await startTestServer({ adminToken: 'given-admin-token-83hd7' });
  const generatedDir = tempDataDir();
  const generated = await startTestServer({ adminToken: undefined, dataDir: generatedDir });
  try {
    expect(given.adminTokenSource).toBe('environment');
    expect(JSON.stringify(given.logs)).not.toContain('given-admin-token-83hd7');
    expect(given.logs.find((entry) => entry.msg === 'Måltavle is listening')).not.toHaveProperty('adminLink');

    const file = path.join(generatedDir, 'admin-token');
    const token = fs.readFileSync(file, 'utf8').trim();
    expect(generated.adminTokenSource).toBe('generated');
    expect(JSON.stringify(generated.logs)).not.toContain(token);
    expect(generated.logs.find((entry) => entry.msg === 'generated an admin token')).toMatchObject({ file });
  } finally {
    await Promise.all([given.close(), generated.close()]);
  }
});

test('piped to a log collector, the process prints where the token is, never the token', async () => {
  const fromEnv = await spawnServer({ dataDir: tempDataDir(), env: { ADMIN_TOKEN: 'env-admin-token-5kq2m' } });
  children.push(fromEnv);
  await waitFor(() => fromEnv.lines.some((line) => line.startsWith('Admin link')), { what: 'the admin line' });
  expect(fromEnv.lines.join('\n')).not.toContain('env-admin-token-5kq2m');
  expect(fromEnv.lines.find((line) => line.startsWith('Admin link'))).toMatch(/not printed.*ADMIN_TOKEN/);
  expect(fromEnv.lines).toContain(`Måltavle runs on ${fromEnv.url}`);
  await stop(fromEnv);

  const dataDir = tempDataDir();
  const first = await spawnServer({ dataDir, env: { ADMIN_TOKEN: '' } });
  children.push(first);
  await waitFor(() => first.lines.some((line) => line.startsWith('Admin link')), { what: 'the admin line' });
  const file = path.join(dataDir, 'admin-token');
  const token = fs.readFileSync(file, 'utf8').trim();
  expect(first.lines.join('\n')).not.toContain(token);
  expect(jsonLines(first.lines).map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(expect.objectContaining({ msg: 'generated an admin token', file }));
  expect(first.lines.find((line) => line.startsWith('Admin link'))).toContain(file);
  await stop(first);

  // Read from the file on the next start: not "generated" again, still not printed.
  const second = await spawnServer({ dataDir, env: { ADMIN_TOKEN: '' } });
  children.push(second);
  await waitFor(() => second.lines.some((line) => line.startsWith('Admin link')), { what: 'the admin line' });
  expect(second.lines.join('\n')).not.toContain(token);
  expect(second.lines.some((line) => line.includes('generated an admin token'))).toBe(false);
  await stop(second);
});

const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

test.skipIf(!hasScript)('on a terminal the admin link is printed once, as a plain line, and still not logged', async () => {
  // util-linux `script` gives the server a pseudo-terminal, so process.stdout.isTTY is true.
  const child = spawn('script', ['-qec', `${JSON.stringify(process.execPath)} --import tsx server/src/main.ts`, '/dev/null'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDataDir(), ADMIN_TOKEN: 'tty-admin-token-9vz1', LOG_LEVEL: 'info', PUBLIC_URL: '', DATABASE_URL: '', REDIS_URL: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    await waitFor(() => output.includes('?admin='), { timeout: 20_000, what: 'the admin link on the terminal' });
    const lines = output.split(/\r?\n/);
    const links = lines.filter((line) => line.includes('tty-admin-token-9vz1'));
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^Admin link \(create boards, share links, leader overview\): http:\/\/127\.0\.0\.1:\d+\/\?admin=tty-admin-token-9vz1$/);
    expect(jsonLines(lines).some((line) => line.includes('tty-admin-token-9vz1'))).toBe(false);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
});

test('the banner shows the link only on a terminal', () => {
  const info = { publicUrl: 'https://tavle.example', adminToken: 'a b', source: 'environment' as const, file: null };
  expect(adminLinkBanner(info, true)).toContain('https://tavle.example/?admin=a%20b');
  expect(adminLinkBanner(info, false)).not.toContain('a%20b');
  expect(adminLinkBanner({ ...info, source: 'generated', file: '/srv/data/admin-token' }, false)).toContain('/srv/data/admin-token');
});

test('the logger redacts secret fields and token parameters in any text', () => {
  const lines: string[] = [];
  const log = createLogger({ write: (line) => lines.push(line) });
  log.info('x', { token: 'e_abc.def', adminLink: 'http://h/?admin=s3cr3t', url: '/b/abcdef?token=e_abc.def&x=1', note: 'see http://h/overblik?leader=l_zzz' });
  const entry = JSON.parse(lines[0]!) as Record<string, string>;
  expect(entry.token).toBe('[redacted]');
  expect(entry.adminLink).toBe('[redacted]');
  expect(entry.url).toBe('/b/abcdef?token=[redacted]&x=1');
  expect(entry.note).toBe('see http://h/overblik?leader=[redacted]');
  expect(lines[0]).not.toMatch(/e_abc|s3cr3t|l_zzz/);
});

import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { REPO_ROOT, tempDataDir } from './harness';

test.each([
  ['DATABASE_URL', 'postgres://localhost/maaltavle', /DATABASE_URL.*not supported yet/],
  ['REDIS_URL', 'redis://localhost:6379', /REDIS_URL.*not supported yet/],
])('%s set: exit code 2 with a clear message, nothing listening', (name, value, message) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: tempDataDir(), DATABASE_URL: '', REDIS_URL: '', [name]: value },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stdout).not.toContain('listening');
});

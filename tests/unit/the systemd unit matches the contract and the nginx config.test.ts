// Issue 8, Operations: deploy/systemd/maaltavle.service is read as systemd would (key=value per
// section, repeated keys add up) and checked against what the server documents in
// docs/contract.md and against deploy/nginx/maaltavle.conf, so the three cannot drift apart.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Section → key → every value given (in order). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1]!, current);
      continue;
    }
    const eq = line.indexOf('=');
    if (!current || eq < 0) throw new Error(`not a unit file line: ${raw}`);
    const key = line.slice(0, eq).trim();
    current.set(key, [...(current.get(key) ?? []), line.slice(eq + 1).trim()]);
  }
  return sections;
}

const unit = parseUnit(read('deploy/systemd/maaltavle.service'));
const service = unit.get('Service')!;
const one = (key: string) => {
  const values = service.get(key);
  expect(values, key).toBeDefined();
  return values!.at(-1)!;
};
const environment = new Map(
  (service.get('Environment') ?? []).flatMap((line) => line.split(/\s+/)).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const),
);

test('every variable the unit sets is one the server documents (NODE_ENV aside, which is Node’s)', () => {
  const contract = read('docs/contract.md');
  const configuration = contract.slice(contract.indexOf('## Configuration'), contract.indexOf('\n## ', contract.indexOf('## Configuration') + 1));
  expect([...environment.keys()].sort()).toEqual(['DATA_DIR', 'HOST', 'NODE_ENV', 'PORT', 'PUBLIC_URL', 'TRUSTED_PROXIES']);
  for (const name of environment.keys()) {
    if (name === 'NODE_ENV') continue;
    expect(configuration, name).toContain(`| \`${name}\` |`);
  }
  expect(environment.get('HOST')).toBe('127.0.0.1');
  // nginx on this machine is the one proxy whose X-Forwarded-For the server may believe.
  expect(environment.get('TRUSTED_PROXIES')).toBe('127.0.0.1');
  expect(environment.get('PUBLIC_URL')).toMatch(/^https:\/\/[^/]+$/);
  expect(one('EnvironmentFile')).toBe('-/etc/maaltavle/env');
});

test('the store directory is the one writable path, and the server has time to store every board on stop', () => {
  const dataDir = environment.get('DATA_DIR')!;
  expect(one('StateDirectory')).toBe(path.basename(dataDir));
  expect(dataDir).toBe(`/var/lib/${one('StateDirectory')}`);
  expect(one('ReadWritePaths').split(/\s+/)).toContain(dataDir);
  expect(one('ProtectSystem')).toBe('strict');
  for (const key of ['NoNewPrivileges', 'PrivateTmp', 'ProtectHome']) expect(one(key), key).toBe('yes');
  // The server exits within 15 s of SIGTERM (docs/contract.md, "Configuration"); systemd must
  // not SIGKILL it before.
  const shutdownSeconds = Number(/SIGTERM\/SIGINT:[^.]*?exit 1 if that takes over (\d+) s/.exec(read('docs/contract.md'))?.[1]);
  expect(shutdownSeconds).toBe(15);
  expect(one('KillSignal')).toBe('SIGTERM');
  expect(Number(/^(\d+)s?$/.exec(one('TimeoutStopSec'))?.[1])).toBeGreaterThan(shutdownSeconds);
  expect(one('Restart')).toBe('on-failure');
  expect(one('User')).toBe('maaltavle');
});

test('it starts what `npm start` starts, from the working directory, on the port nginx proxies to', () => {
  const start = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start;
  const script = /^node (\S+)$/.exec(start)?.[1];
  expect(script).toBe('scripts/start.mjs');
  expect(one('ExecStart')).toBe(`/usr/bin/node ${path.posix.join(one('WorkingDirectory'), script!)}`);
  expect(read('deploy/nginx/maaltavle.conf')).toMatch(new RegExp(`^\\s*server ${environment.get('HOST')!.replace(/\./g, '\\.')}:${environment.get('PORT')};`, 'm'));
});

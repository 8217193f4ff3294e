// Issue 8: wrong admin tokens from one address are answered 429 with Retry-After after a few
// within a window, even when the address then sends the right one; other addresses go on as
// before, a missing token is no guess, and the block ends. Loopback has many addresses
// (127.0.0.2, …), so one test plays several clients.

import http from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADMIN_TOKEN, sleep, startTestServer, type TestServer } from './harness';
import { AttemptThrottle } from '../../server/src/auth/attemptThrottle';
import { clientAddress } from '../../server/src/http/clientAddress';

let server: TestServer;
const BLOCK_MS = 1500;
beforeAll(async () => {
  server = await startTestServer({ adminThrottle: { maxFailures: 3, windowMs: 60_000, blockMs: BLOCK_MS } });
});
afterAll(async () => {
  await server.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** A request from a given loopback address (fetch cannot choose its local address). */
function call(from: string, method: string, path: string, token?: string, body?: unknown, extraHeaders: Record<string, string> = {}, target: TestServer = server): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const url = new URL(target.url + path);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        localAddress: from,
        headers: { ...extraHeaders, ...(token !== undefined && { Authorization: `Bearer ${token}` }), ...(text && { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }) },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: data ? JSON.parse(data) : null }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

test('after a few wrong admin tokens one address gets 429 with Retry-After, even with the right token; others do not', async () => {
  const attacker = '127.0.0.2';
  for (let i = 0; i < 4; i++) {
    const wrong = await call(attacker, 'GET', '/api/boards', `guess-${i}`);
    expect(wrong.status).toBe(401);
  }
  const blocked = await call(attacker, 'POST', '/api/boards', `guess-5`, { title: 'x' });
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(Math.ceil(BLOCK_MS / 1000));
  expect(blocked.body).toEqual({ error: expect.stringMatching(/too many wrong admin tokens/i) });
  // The right token does not get through from there while the block lasts (else trying goes on).
  expect((await call(attacker, 'GET', '/api/boards', ADMIN_TOKEN)).status).toBe(429);
  expect((await call(attacker, 'GET', '/api/leader-link', ADMIN_TOKEN)).status).toBe(429);

  // Another address is not affected.
  const admin = await call('127.0.0.3', 'POST', '/api/boards', ADMIN_TOKEN, { title: 'Trods gætteri' });
  expect(admin.status).toBe(201);
  expect((await call('127.0.0.3', 'GET', '/api/boards', ADMIN_TOKEN)).status).toBe(200);

  // The block ends.
  await sleep(BLOCK_MS + 100);
  expect((await call(attacker, 'GET', '/api/boards', ADMIN_TOKEN)).status).toBe(200);
});

test('a request without a token is no guess; a right token clears the count', async () => {
  const visitor = '127.0.0.4';
  for (let i = 0; i < 6; i++) expect((await call(visitor, 'GET', '/api/boards')).status).toBe(401);
  expect((await call(visitor, 'GET', '/api/boards', ADMIN_TOKEN)).status).toBe(200);

  const typo = '127.0.0.5';
  for (let round = 0; round < 3; round++) {
    for (let i = 0; i < 3; i++) expect((await call(typo, 'GET', '/api/boards', 'typo')).status).toBe(401);
    expect((await call(typo, 'GET', '/api/boards', ADMIN_TOKEN)).status).toBe(200);
  }
});

test('the board’s JSON export takes the admin token too, and its wrong tokens count against the same throttle', async () => {
  const created = await call('127.0.0.6', 'POST', '/api/boards', ADMIN_TOKEN, { title: 'Eksport' });
  const board = created.body as { id: string; tokens: { edit: string } };
  const path = `/api/boards/${board.id}/export.json`;
  const guesser = '127.0.0.7';
  // The admin API and the export share the count: two wrong guesses at each, then blocked at both.
  for (let i = 0; i < 2; i++) expect((await call(guesser, 'GET', path, `guess-${i}`)).status).toBe(401);
  for (let i = 2; i < 4; i++) expect((await call(guesser, 'GET', '/api/boards', `guess-${i}`)).status).toBe(401);
  const blocked = await call(guesser, 'GET', path, ADMIN_TOKEN);
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  expect((await call(guesser, 'GET', '/api/boards', ADMIN_TOKEN)).status).toBe(429);
  // Another address exports with the admin token or the edit token.
  expect((await call('127.0.0.8', 'GET', path, ADMIN_TOKEN)).status).toBe(200);
  expect((await call('127.0.0.8', 'GET', path, board.tokens.edit)).status).toBe(200);
});

test('the throttle remembers a bounded number of addresses and forgets what has expired', () => {
  let now = 0;
  const throttle = new AttemptThrottle({ maxFailures: 2, windowMs: 1000, blockMs: 5000, maxEntries: 3, now: () => now });
  for (let i = 0; i < 3; i++) throttle.fail('a');
  expect(throttle.retryAfter('a')).toBe(5);
  for (const client of ['b', 'c', 'd']) throttle.fail(client);
  // Least recently seen first out: 'a' is forgotten, the map holds three.
  expect(throttle.size).toBe(3);
  expect(throttle.retryAfter('a')).toBe(0);

  for (let i = 0; i < 3; i++) throttle.fail('e');
  now = 4001;
  expect(throttle.retryAfter('e')).toBe(1);
  now = 5001;
  expect(throttle.retryAfter('e')).toBe(0);
  // A window that has passed starts the count again.
  throttle.fail('f');
  throttle.fail('f');
  now = 7000;
  throttle.fail('f');
  expect(throttle.retryAfter('f')).toBe(0);
});

test('an address is the peer address: IPv4-mapped as IPv4, IPv6 by its /64', () => {
  const peer = (remoteAddress: string) => clientAddress({ socket: { remoteAddress } } as unknown as http.IncomingMessage);
  expect(peer('::ffff:10.0.0.7')).toBe('10.0.0.7');
  expect(peer('10.0.0.7')).toBe('10.0.0.7');
  expect(peer('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
  expect(peer('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
  expect(peer('2001:db8::1')).toBe('2001:db8:0:0::/64');
  expect(peer('::1')).toBe('::1');
  expect(peer('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
});

test('behind a trusted proxy the throttle counts the address the proxy names; from anyone else X-Forwarded-For is ignored', async () => {
  const proxied = await startTestServer({ trustedProxies: ['127.0.0.9'], adminThrottle: { maxFailures: 2, windowMs: 60_000, blockMs: 60_000 } });
  try {
    const via = (client: string, token: string, from = '127.0.0.9') => call(from, 'GET', '/api/boards', token, undefined, { 'X-Forwarded-For': client }, proxied);
    // One user behind the proxy guesses until blocked …
    for (let i = 0; i < 3; i++) await via('203.0.113.7', `guess-${i}`);
    expect((await via('203.0.113.7', ADMIN_TOKEN)).status).toBe(429);
    // … and the admin, behind the same proxy, is not locked out.
    expect((await via('198.51.100.20', ADMIN_TOKEN)).status).toBe(200);
    // A forged header from a client that is no trusted proxy changes nothing: it is counted by its own address.
    for (let i = 0; i < 3; i++) await via('198.51.100.99', `guess-${i}`, '127.0.0.10');
    expect((await via('198.51.100.1', ADMIN_TOKEN, '127.0.0.10')).status).toBe(429);
    expect((await via('198.51.100.20', ADMIN_TOKEN)).status).toBe(200);
  } finally {
    await proxied.close();
  }
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BOARD_ID_PATTERN, boardPath, capabilityOfToken, MAX_HTTP_BODY_BYTES } from '../../shared/protocol';
import { ADMIN_TOKEN, createBoard, startTestServer, tempDataDir, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ publicUrl: 'https://tavle.example.dk/' });
});
afterAll(() => server.close());

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

async function call(method: string, pathname: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const response = await fetch(server.url + pathname, { method, headers: init.headers, body: init.body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as unknown };
}

function expectJsonError(result: Awaited<ReturnType<typeof call>>, status: number) {
  expect(result.status).toBe(status);
  expect(result.headers.get('content-type')).toMatch(/^application\/json/);
  const body = result.json() as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error).toBe('string');
  expect((body.error as string).length).toBeGreaterThan(5);
  expect(result.text).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
}

test('GET /healthz answers {"ok": true}', async () => {
  const result = await call('GET', '/healthz');
  expect(result.status).toBe(200);
  expect(result.json()).toEqual({ ok: true });
});

test('POST /api/boards creates a board with tokens and links on PUBLIC_URL', async () => {
  const result = await call('POST', '/api/boards', { headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify({ title: '  Digital post  ' }) });
  expect(result.status).toBe(201);
  const body = result.json() as { id: string; title: string; tokens: { edit: string; view: string }; links: { edit: string; view: string } };
  expect(body.id).toMatch(BOARD_ID_PATTERN);
  expect(body.title).toBe('Digital post');
  expect(capabilityOfToken(body.tokens.edit)).toBe('edit');
  expect(capabilityOfToken(body.tokens.view)).toBe('view');
  expect(body.tokens.edit).not.toBe(body.tokens.view);
  expect(body.links).toEqual({
    edit: 'https://tavle.example.dk' + boardPath(body.id, body.tokens.edit),
    view: 'https://tavle.example.dk' + boardPath(body.id, body.tokens.view),
  });
});

test('GET /api/boards lists boards with an empty summary, updatedAt and links', async () => {
  const created = await createBoard(server.url, 'Listed board');
  const result = await call('GET', '/api/boards', { headers: admin });
  expect(result.status).toBe(200);
  const list = result.json() as { id: string }[];
  expect(list.find((entry) => entry.id === created.id)).toEqual({
    id: created.id,
    title: 'Listed board',
    updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    summary: { actions: { decided: 0, started: 0, finished: 0, evaluated: 0 }, overdue: 0, ideas: 0, goalsUnderTarget: 0, lastMeetingAt: null, overdueActions: [], underTargetGoals: [] },
    links: created.links,
  });
});

describe('refusals', () => {
  test('no bearer token → 401', async () => {
    expectJsonError(await call('GET', '/api/boards'), 401);
    expectJsonError(await call('POST', '/api/boards', { body: '{"title":"x"}' }), 401);
  });
  test('a wrong bearer token → 401, also one that is a prefix of the right one', async () => {
    expectJsonError(await call('GET', '/api/boards', { headers: { Authorization: 'Bearer nope' } }), 401);
    expectJsonError(await call('GET', '/api/boards', { headers: { Authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}` } }), 401);
    expectJsonError(await call('POST', '/api/boards', { headers: { Authorization: `Basic ${ADMIN_TOKEN}` }, body: '{"title":"x"}' }), 401);
  });
  test.each([
    ['not JSON', '{title: nope'],
    ['empty', ''],
    ['an array', '["title"]'],
    ['no title', '{"name":"x"}'],
    ['a numeric title', '{"title":42}'],
    ['a blank title', '{"title":"   "}'],
    ['a title over 200 characters', JSON.stringify({ title: 'x'.repeat(201) })],
  ])('a body that is %s → 400', async (_name, body) => {
    expectJsonError(await call('POST', '/api/boards', { headers: admin, body }), 400);
  });
  test('a title of exactly 200 characters is fine', async () => {
    expect((await call('POST', '/api/boards', { headers: admin, body: JSON.stringify({ title: 'x'.repeat(200) }) })).status).toBe(201);
  });
  test('a body over MAX_HTTP_BODY_BYTES → 413', async () => {
    const body = JSON.stringify({ title: 'x', padding: 'y'.repeat(MAX_HTTP_BODY_BYTES) });
    expectJsonError(await call('POST', '/api/boards', { headers: admin, body }), 413);
  });
  test('a chunked body (no Content-Length) over the limit → 413', async () => {
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await fetch(server.url + '/api/boards', { method: 'POST', headers: admin, body: stream, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toHaveProperty('error');
  });
  test('a wrong method → 405 with Allow', async () => {
    const result = await call('DELETE', '/api/boards', { headers: admin });
    expectJsonError(result, 405);
    expect(result.headers.get('allow')).toBe('GET, POST');
  });
  test('an unknown API path → 404', async () => {
    expectJsonError(await call('GET', '/api/nothing-here', { headers: admin }), 404);
  });
  test('plain HTTP on /sync → 426', async () => {
    expectJsonError(await call('GET', '/sync/abcdefgh'), 426);
  });
});

test('without ADMIN_TOKEN the server makes one, stores it with mode 0600, and logs where, not what', async () => {
  const dataDir = tempDataDir();
  const own = await startTestServer({ dataDir, adminToken: undefined });
  try {
    const file = path.join(dataDir, 'admin-token');
    const token = fs.readFileSync(file, 'utf8').trim();
    expect(token.length).toBeGreaterThanOrEqual(24);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dataDir, 'secret')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dataDir, 'maaltavle.sqlite')).mode & 0o777).toBe(0o600);
    // Issue 8: the token never goes into the log (the admin link is printed on a terminal only).
    expect(own.logs.find((entry) => entry.msg === 'generated an admin token')?.file).toBe(file);
    expect(JSON.stringify(own.logs)).not.toContain(token);
    expect((await createBoard(own.url, 'x', token)).title).toBe('x');
    expect((await fetch(`${own.url}/api/boards`, { headers: admin })).status).toBe(401);
  } finally {
    await own.close();
  }
  // Same token after a restart.
  const again = await startTestServer({ dataDir, adminToken: undefined });
  try {
    expect(again.adminToken).toBe(fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim());
  } finally {
    await again.close();
  }
});

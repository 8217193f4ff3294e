// Issue 8, operations: GET /metrics (Prometheus text, prom-client) is off without METRICS_TOKEN
// and behind it with one, and counts what an operator graphs — connections by capability, open
// boards, updates, bytes in and out, refused frames by reason and refused connections by code,
// store flushes and queue, HTTP answers — from the real server as clients use it. Every HTTP
// answer carries an X-Request-Id (the proxy's when sane, else a new one), and the log lines
// written while handling the request carry it as `reqId`.

import { describe, expect, test } from 'vitest';
import { addIdea } from '../../shared/schema';
import { ADMIN_TOKEN, connectClient, createBoard, rawClient, serverForFile, waitFor } from './harness';

const METRICS_TOKEN = 'metrics-token-for-the-test-0123';

/** One sample's value from the text format, e.g. `maaltavle_connections{capability="edit"}`. */
function sample(text: string, name: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : null;
}

describe('with METRICS_TOKEN', () => {
  const { server, pool } = serverForFile({ metricsToken: METRICS_TOKEN });
  const scrape = async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  test('/metrics needs the token', async () => {
    for (const headers of [{}, { Authorization: 'Bearer wrong-token' }, { Authorization: `Bearer ${ADMIN_TOKEN}` }] as Record<string, string>[]) {
      const response = await fetch(`${server.url}/metrics`, { headers });
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatch(/metrics token/);
    }
    expect((await fetch(`${server.url}/metrics`, { method: 'POST', headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(405);
  });

  test('connections, boards, updates, bytes, refusals, the store and HTTP are counted as they happen', async () => {
    const board = await createBoard(server.url, 'Målt tavle');
    const before = await scrape();
    const updatesBefore = sample(before, 'maaltavle_updates_total') ?? 0;
    const receivedBefore = sample(before, 'maaltavle_sync_received_bytes_total') ?? 0;

    const editor = pool.add(connectClient(server.syncUrl, board.id, board.tokens.edit));
    const wall = pool.add(connectClient(server.syncUrl, board.id, board.tokens.view));
    await Promise.all([editor.firstSync, wall.firstSync]);
    for (let i = 0; i < 5; i++) addIdea(editor.doc, { text: `Idé ${i}`, author: 'Anna', color: '#fde68a' });
    await waitFor(() => wall.board().ideas.length === 5, { what: 'five ideas on the wall' });

    // A malformed frame and a bad token, each counted by its reason.
    const junk = rawClient(server.syncUrl, board.id, board.tokens.edit);
    await junk.opened;
    await waitFor(() => junk.received.length > 0, { what: 'the junk client joined' });
    junk.ws.send(Uint8Array.from([0xde, 0xad, 0xbe, 0xef]));
    await junk.closed;
    await rawClient(server.syncUrl, board.id, 'e_nope.AAAAAAAAAAAAAAAAAAAAAA').closed;

    await waitFor(async () => (sample(await scrape(), 'maaltavle_store_flush_seconds_count') ?? 0) > 0, { what: 'a flush observed' });
    const after = await scrape();
    expect(sample(after, 'maaltavle_connections{capability="edit"}')).toBe(1);
    expect(sample(after, 'maaltavle_connections{capability="view"}')).toBe(1);
    expect(sample(after, 'maaltavle_open_boards')).toBe(1);
    expect(sample(after, 'maaltavle_updates_total')! - updatesBefore).toBeGreaterThanOrEqual(5);
    expect(sample(after, 'maaltavle_sync_received_bytes_total')! - receivedBefore).toBeGreaterThan(100);
    expect(sample(after, 'maaltavle_sync_sent_bytes_total')).toBeGreaterThan(100);
    expect(sample(after, 'maaltavle_rejected_frames_total{reason="malformed"}')).toBe(1);
    expect(sample(after, 'maaltavle_refused_connections_total{code="4401"}')).toBe(1);
    expect(sample(after, 'maaltavle_store_writable')).toBe(1);
    expect(sample(after, 'maaltavle_store_queued_updates')).toBe(0);
    expect(sample(after, 'maaltavle_http_request_duration_seconds_count{route="api",status="2xx"}')).toBeGreaterThanOrEqual(1);
    expect(after).toContain('maaltavle_process_resident_memory_bytes');
  });
});

describe('without METRICS_TOKEN', () => {
  const { server } = serverForFile();

  test('/metrics is off and says how to turn it on', async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(404);
    expect((await response.json()).error).toMatch(/METRICS_TOKEN/);
  });

  test('every answer has a request id, the proxy’s when it is sane, and the log lines of the request carry it', async () => {
    const own = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json', 'X-Request-Id': 'nginx-7f3a9c' }, body: JSON.stringify({ title: 'Sporet' }) });
    expect(own.status).toBe(201);
    expect(own.headers.get('x-request-id')).toBe('nginx-7f3a9c');
    const created = server.logs.find((entry) => entry.msg === 'created board');
    expect(created?.reqId).toBe('nginx-7f3a9c');
    await waitFor(() => server.logs.some((entry) => entry.msg === 'request answered' && entry.reqId === 'nginx-7f3a9c'), { what: 'the access line' });
    expect(server.logs.find((entry) => entry.msg === 'request answered' && entry.reqId === 'nginx-7f3a9c')).toMatchObject({ method: 'POST', path: '/api/boards', status: 201 });

    const odd = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-Id': 'no spaces <script>' } });
    const generated = odd.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const plain = await fetch(`${server.url}/healthz`);
    expect(plain.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(plain.headers.get('x-request-id')).not.toBe(generated);
    // Errors carry it too, and the token in a query string never reaches the log.
    const refused = await fetch(`${server.url}/api/boards?token=secret-in-query`, { headers: { Authorization: 'Bearer wrong' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toBeTruthy();
    expect(JSON.stringify(server.logs)).not.toContain('secret-in-query');
  });
});

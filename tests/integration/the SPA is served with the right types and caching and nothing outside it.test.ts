import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, tempDataDir, type TestServer } from './harness';

let server: TestServer;
let bare: TestServer;
const INDEX = '<!doctype html><title>Måltavle</title><div id="root"></div>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(5000))});`;

beforeAll(async () => {
  const root = tempDataDir();
  const dist = path.join(root, 'dist');
  fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), SCRIPT);
  fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.css'), 'body{margin:0}');
  fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(root, 'outside.txt'), 'SECRET OUTSIDE');
  server = await startTestServer({ staticDir: dist });
  bare = await startTestServer({ staticDir: path.join(root, 'not-built') });
});
afterAll(async () => {
  await server.close();
  await bare.close();
});

test('/ and client routes such as /b/:id get index.html, never cached stale', async () => {
  for (const route of ['/', '/b/abcdef123456?token=e_x', '/meeting/whatever']) {
    const response = await fetch(server.url + route);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    // Issue 8: with the nonce of its Content-Security-Policy for react-aria's <style> elements.
    const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(await response.text()).toBe(`<meta property="csp-nonce" content="${nonce}" />${INDEX}`);
  }
});

test('hashed assets get their type and a year of immutable caching, gzip when asked', async () => {
  const script = await fetch(server.url + '/assets/index-abc123.js');
  expect(script.status).toBe(200);
  expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(script.headers.get('content-encoding')).toBe('gzip'); // fetch asks for gzip and unpacks it
  expect(await script.text()).toBe(SCRIPT);
  const css = await fetch(server.url + '/assets/index-abc123.css');
  expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  const svg = await fetch(server.url + '/favicon.svg');
  expect(svg.headers.get('content-type')).toBe('image/svg+xml');
  expect(svg.headers.get('cache-control')).toBe('no-cache');
});

test('a revalidation with the ETag gets 304 (the app page has none: its nonce is new each time)', async () => {
  const first = await fetch(server.url + '/favicon.svg');
  const etag = first.headers.get('etag')!;
  expect(etag).toBeTruthy();
  const second = await fetch(server.url + '/favicon.svg', { headers: { 'If-None-Match': etag } });
  expect(second.status).toBe(304);
  expect((await fetch(server.url + '/')).headers.get('etag')).toBeNull();
});

test('missing assets and files are 404 JSON, not the app', async () => {
  for (const route of ['/assets/missing.js', '/missing.png']) {
    const response = await fetch(server.url + route);
    expect(response.status).toBe(404);
    expect(await response.json()).toHaveProperty('error');
  }
});

/** A raw request, so the path reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(port: number, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

test('no path leaves the directory', async () => {
  for (const target of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/..%5coutside.txt', '/%2e%2e%2f%2e%2e%2fetc/passwd', '/foo%00.js']) {
    const response = await rawGet(server.port, target);
    expect(response).not.toContain('SECRET OUTSIDE');
    expect(response).not.toContain('root:');
    expect(response.split('\r\n')[0]).toMatch(/^HTTP\/1\.1 (200|400|404)/);
  }
});

test('other methods are 405', async () => {
  const response = await fetch(server.url + '/', { method: 'POST', body: 'x' });
  expect(response.status).toBe(405);
  expect(await response.json()).toHaveProperty('error');
});

test('without a built client, / answers 404 JSON saying so, and the API still works', async () => {
  const response = await fetch(bare.url + '/');
  expect(response.status).toBe(404);
  expect(((await response.json()) as { error: string }).error).toMatch(/not built/);
  expect((await fetch(bare.url + '/healthz')).status).toBe(200);
});

test('gzip is a real gzip of the file', async () => {
  const response = await new Promise<Buffer>((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () =>
      socket.write('GET /assets/index-abc123.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n'),
    );
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks)));
    socket.on('error', reject);
  });
  const split = response.indexOf('\r\n\r\n');
  expect(response.subarray(0, split).toString()).toContain('Content-Encoding: gzip');
  const body = response.subarray(split + 4);
  expect(body.byteLength).toBeLessThan(SCRIPT.length / 4);
  expect(zlib.gunzipSync(body).toString()).toBe(SCRIPT);
});

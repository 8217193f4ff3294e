// Issue 8: every answer — the app, its assets, JSON, errors, downloads, 304s — carries the usual
// security headers; the app's HTML a strict Content-Security-Policy (no inline script, no
// framing, no plugins); HSTS only behind https; source maps only when asked for.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ADMIN_TOKEN, REPO_ROOT, createBoard, startTestServer, tempDataDir, type TestServer } from './harness';

let server: TestServer;
let https: TestServer;
let withMaps: TestServer;
const INDEX = '<!doctype html><html><head><title>Måltavle</title><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

beforeAll(async () => {
  const dist = path.join(tempDataDir(), 'dist');
  fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1);\n//# sourceMappingURL=index-abc123.js.map\n');
  fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js.map'), '{"version":3,"sources":["../../client/src/main.tsx"],"sourcesContent":["// comments"]}');
  server = await startTestServer({ staticDir: dist });
  https = await startTestServer({ staticDir: dist, publicUrl: 'https://tavle.kommune.example' });
  withMaps = await startTestServer({ staticDir: dist, serveSourceMaps: true });
});
afterAll(async () => {
  await Promise.all([server.close(), https.close(), withMaps.close()]);
});

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

function expectSecurityHeaders(response: Response, what: string): void {
  const h = response.headers;
  expect(h.get('x-content-type-options'), what).toBe('nosniff');
  expect(h.get('referrer-policy'), what).toBe('no-referrer');
  expect(h.get('x-frame-options'), what).toBe('DENY');
  expect(h.get('cross-origin-opener-policy'), what).toBe('same-origin');
  expect(h.get('permissions-policy'), what).toMatch(/camera=\(\)/);
  expect(h.get('content-security-policy'), what).toMatch(/frame-ancestors 'none'/);
  expect(h.get('strict-transport-security'), what).toBeNull();
}

/** The directives of a policy as a map name → sources. */
function directives(policy: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (policy ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

test('the app’s HTML carries a strict Content-Security-Policy with a fresh style nonce each time', async () => {
  const nonces = new Set<string>();
  for (const route of ['/', '/b/abcdef123456?token=e_x', '/overblik']) {
    const response = await fetch(server.url + route);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response, route);
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    // react-aria adds two <style> elements; they carry the nonce it reads from <meta property="csp-nonce">.
    const styleSrc = csp.get('style-src')!;
    expect(styleSrc[0]).toBe("'self'");
    expect(styleSrc).toHaveLength(2);
    const nonce = /^'nonce-([A-Za-z0-9+/]{22}==)'$/.exec(styleSrc[1]!)?.[1];
    expect(nonce).toBeTruthy();
    expect(nonces.has(nonce!)).toBe(false);
    nonces.add(nonce!);
    expect(await response.text()).toContain(`<head><meta property="csp-nonce" content="${nonce}" /><title>`);
    expect(csp.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('connect-src')).toEqual(["'self'", server.publicUrl.replace(/^http/, 'ws')]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    // Nothing that would let an injected script run.
    for (const sources of csp.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain('*');
    }
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  }
  // No ETag on the page, so no 304 can pair a cached nonce with a new policy.
  const page = await fetch(server.url + '/');
  expect(page.headers.get('etag')).toBeNull();
  await page.arrayBuffer();
});

test('a revalidated file (304) carries the security headers too', async () => {
  const first = await fetch(server.url + '/assets/index-abc123.js');
  await first.arrayBuffer();
  const again = await fetch(server.url + '/assets/index-abc123.js', { headers: { 'If-None-Match': first.headers.get('etag')! } });
  expect(again.status).toBe(304);
  expectSecurityHeaders(again, '304');
});

test('the client’s index.html (source and build) has no inline script or style the policy would block', () => {
  const files = [path.join(REPO_ROOT, 'client/index.html'), path.join(REPO_ROOT, 'dist/client/index.html')].filter((file) => fs.existsSync(file));
  for (const file of files) {
    const html = fs.readFileSync(file, 'utf8');
    for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) expect(tag, file).toMatch(/\bsrc=/);
    expect(html, file).not.toMatch(/<style\b/i);
    expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
  }
});

test('JSON answers, errors and downloads carry the security headers too', async () => {
  const board = await createBoard(server.url, 'Sikre svar');
  const answers: [string, Response][] = [
    ['healthz', await fetch(server.url + '/healthz')],
    ['readyz', await fetch(server.url + '/readyz')],
    ['list', await fetch(server.url + '/api/boards', { headers: admin })],
    ['401', await fetch(server.url + '/api/boards')],
    ['404 api', await fetch(server.url + '/api/nothing')],
    ['405', await fetch(server.url + '/api/boards', { method: 'DELETE', headers: admin })],
    ['426', await fetch(server.url + '/sync/abcdefgh')],
    ['asset', await fetch(server.url + '/assets/index-abc123.js')],
    ['404 file', await fetch(server.url + '/assets/missing.js')],
    ['download', await fetch(`${server.url}/api/boards/${board.id}/actions/export.csv?token=${board.tokens.view}`)],
  ];
  for (const [what, response] of answers) {
    expectSecurityHeaders(response, what);
    // Only the app's HTML may load anything.
    expect(directives(response.headers.get('content-security-policy')).get('default-src'), what).toEqual(["'none'"]);
    await response.arrayBuffer();
  }
  expect(answers.find(([what]) => what === 'download')![1].headers.get('content-disposition')).toMatch(/^attachment/);
});

test('Strict-Transport-Security only when PUBLIC_URL is https, and the socket origin follows it', async () => {
  for (const route of ['/', '/healthz', '/api/nothing']) {
    const response = await fetch(https.url + route);
    expect(response.headers.get('strict-transport-security'), route).toBe('max-age=31536000');
    await response.arrayBuffer();
  }
  const html = await fetch(https.url + '/');
  expect(directives(html.headers.get('content-security-policy')).get('connect-src')).toEqual(["'self'", 'wss://tavle.kommune.example']);
});

test('source maps are 404 unless SERVE_SOURCE_MAPS asks for them', async () => {
  for (const route of ['/assets/index-abc123.js.map', '/assets/index-abc123.js%2Emap']) {
    const hidden = await fetch(server.url + route);
    expect(hidden.status, route).toBe(404);
    expect(await hidden.text()).not.toContain('sourcesContent');
  }
  const script = await fetch(server.url + '/assets/index-abc123.js');
  expect(script.status).toBe(200);
  await script.arrayBuffer();

  const served = await fetch(withMaps.url + '/assets/index-abc123.js.map');
  expect(served.status).toBe(200);
  expect(served.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(await served.text()).toContain('sourcesContent');
});

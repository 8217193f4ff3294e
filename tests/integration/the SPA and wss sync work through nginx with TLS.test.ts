// Issue 8, Operations: the shipped deploy/nginx/maaltavle.conf, run by Debian's real nginx with a
// self-signed certificate (tests/integration/nginx.ts), in front of a real server whose
// PUBLIC_URL is the https address. Through it: the app page with its security headers, the
// HTTP → HTTPS redirect, the REST API with https links, two y-websocket clients syncing over
// wss, a foreign Origin refused, the socket cap per client address, the body limit, the headers
// nginx hands the server, and no token in nginx's access log.
//
// Skipped only where /usr/sbin/nginx is missing (a developer's machine); CI installs nginx
// (.ci/run), so there it always runs.

import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import path from 'node:path';
import * as Y from 'yjs';
import WebSocket, { WebSocketServer } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addGoal, addIdea, readBoard, setActual, setIdeaText, type Board } from '../../shared/schema';
import { ADMIN_TOKEN, clientPool, startTestServer, tempDataDir, waitFor, type CreatedBoard, type TestServer } from './harness';
import { NGINX, freePort, selfSignedCertificate, shippedSyncConnectionLimit, startNginx, type RunningNginx, type SelfSigned } from './nginx';

const INDEX = '<!doctype html><title>Måltavle</title><div id="root"></div>';
const SCRIPT = 'console.log("måltavle");';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe.skipIf(!fs.existsSync(NGINX))('through nginx with TLS', () => {
  let certificate: SelfSigned;
  let agent: https.Agent;
  let server: TestServer;
  let proxy: RunningNginx;
  /** https://127.0.0.1:<nginx https port>: the server's PUBLIC_URL. */
  let base: string;
  const pool = clientPool();

  // A second nginx with the same config in front of a recorder instead of Måltavle: the server
  // does not echo request headers, so this is where the headers nginx sets can be seen.
  let recorder: http.Server;
  const recorded: { url: string; headers: http.IncomingHttpHeaders; upgrade: boolean }[] = [];
  let recordingProxy: RunningNginx;

  beforeAll(async () => {
    certificate = selfSignedCertificate(tempDataDir());
    agent = new https.Agent({ ca: certificate.ca, keepAlive: false });

    const root = tempDataDir();
    const dist = path.join(root, 'dist');
    fs.mkdirSync(path.join(dist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
    fs.writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), SCRIPT);

    // PUBLIC_URL needs nginx's port and nginx the server's: pick the server's port first.
    const port = await freePort();
    proxy = await startNginx({ upstreamPort: port, certificate });
    base = `https://127.0.0.1:${proxy.httpsPort}`;
    server = await startTestServer({ staticDir: dist, port, publicUrl: base });

    recorder = http.createServer((req, res) => {
      recorded.push({ url: req.url ?? '', headers: req.headers, upgrade: false });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
    const wss = new WebSocketServer({ noServer: true });
    recorder.on('upgrade', (req, socket, head) => {
      recorded.push({ url: req.url ?? '', headers: req.headers, upgrade: true });
      wss.handleUpgrade(req, socket, head, (ws) => ws.close(1000));
    });
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
    recordingProxy = await startNginx({ upstreamPort: (recorder.address() as { port: number }).port, certificate });
  });

  afterAll(async () => {
    pool.destroyAll();
    await Promise.allSettled([proxy?.stop(), recordingProxy?.stop()]);
    recorder?.closeAllConnections();
    await new Promise((resolve) => (recorder ? recorder.close(resolve) : resolve(undefined)));
    await server?.close();
  });

  /** One request over https (trusting only the test's certificate) or http. */
  function request(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(target, { method, headers, ...(target.protocol === 'https:' ? { agent } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  async function createBoardThroughProxy(title: string): Promise<CreatedBoard> {
    const answer = await request(`${base}/api/boards`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title }),
    });
    expect(answer.status, answer.body).toBe(201);
    return JSON.parse(answer.body) as CreatedBoard;
  }

  /** ws's WebSocket, trusting the test certificate and sending the page's Origin, as a browser on PUBLIC_URL would. */
  function browserLikeWebSocket(origin: string) {
    return class extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols ?? [], { ca: certificate.ca, origin });
      }
    };
  }

  function connect(boardId: string, token: string) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`wss://127.0.0.1:${proxy.httpsPort}/sync`, boardId, doc, {
      params: { token },
      WebSocketPolyfill: browserLikeWebSocket(base) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 300,
    });
    const firstSync = new Promise<Board>((resolve) => {
      const onSync = (synced: boolean) => {
        if (!synced) return;
        provider.off('sync', onSync);
        resolve(readBoard(doc));
      };
      provider.on('sync', onSync);
    });
    return pool.add({
      doc,
      provider,
      firstSync,
      board: () => readBoard(doc),
      destroy: () => {
        provider.destroy();
        doc.destroy();
      },
    });
  }

  /** Open a raw wss socket; 101 and the open socket, or the refused upgrade's status. */
  function upgrade(url: string, options: WebSocket.ClientOptions): Promise<{ status: number; ws: WebSocket }> {
    return new Promise((resolve) => {
      const ws = new WebSocket(url, { ca: certificate.ca, ...options });
      ws.on('error', () => {});
      ws.once('open', () => resolve({ status: 101, ws }));
      ws.once('unexpected-response', (_req, res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, ws });
      });
    });
  }

  test('GET / over https is the app page with the server’s security headers and no nginx version', async () => {
    const page = await request(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    const csp = String(page.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(page.body).toBe(`<meta property="csp-nonce" content="${nonce}" />${INDEX}`);
    // The page may open its socket on the https address's wss origin.
    expect(csp).toContain(`connect-src 'self' wss://127.0.0.1:${proxy.httpsPort}`);
    // PUBLIC_URL is https://, so the server adds HSTS; nginx passes every header on, once.
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers.server).toBe('nginx'); // server_tokens off

    const asset = await request(`${base}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe(SCRIPT);
  });

  test('the page is served over HTTP/2 as well', async () => {
    const session = http2.connect(base, { ca: certificate.ca });
    try {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const stream = session.request({ ':path': '/b/abcdef123456' });
        let status = 0;
        let body = '';
        stream.on('response', (headers) => (status = Number(headers[':status'])));
        stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        stream.on('end', () => resolve({ status, body }));
        stream.on('error', reject);
      });
      expect(session.alpnProtocol).toBe('h2');
      expect(status).toBe(200);
      expect(body).toContain(INDEX);
    } finally {
      session.close();
    }
  });

  test('plain http redirects to the same path on https', async () => {
    const answer = await request(`http://127.0.0.1:${proxy.httpPort}/b/abcdef123456?token=e_x`);
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(`${base}/b/abcdef123456?token=e_x`);
    // Nothing was proxied in the clear: no app page on the http port.
    expect(answer.body).not.toContain('csp-nonce');
  });

  test('POST /api/boards through the proxy creates a board whose links are on the https address', async () => {
    const board = await createBoardThroughProxy('Borgerservice');
    expect(board.links.edit.startsWith(`${base}/`)).toBe(true);
    expect(board.links.view.startsWith(`${base}/`)).toBe(true);
    const list = await request(`${base}/api/boards`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(list.status).toBe(200);
    expect((JSON.parse(list.body) as { id: string }[]).map((entry) => entry.id)).toContain(board.id);
    // Without the token, the server's JSON error comes through.
    const denied = await request(`${base}/api/boards`);
    expect(denied.status).toBe(401);
    expect(JSON.parse(denied.body)).toHaveProperty('error');
  });

  test('bodies up to the server’s limits reach it (its JSON 413 beyond), imports too; far larger ones nginx refuses', async () => {
    const headers = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
    // 100 KiB: over the server's 64 KiB, under nginx's 128k. The server answers with its JSON.
    const overServer = await request(`${base}/api/boards`, { method: 'POST', headers, body: JSON.stringify({ title: 'x'.repeat(100 * 1024) }) });
    expect(overServer.status).toBe(413);
    expect(JSON.parse(overServer.body)).toHaveProperty('error');
    // 1 MiB: nginx's own 413, before the body is buffered or sent on.
    const overProxy = await request(`${base}/api/boards`, { method: 'POST', headers, body: JSON.stringify({ title: 'x'.repeat(1024 * 1024) }) });
    expect(overProxy.status).toBe(413);
    expect(overProxy.body).toContain('nginx');

    // A board import may be up to 8 MiB (MAX_IMPORT_BYTES): 1 MiB reaches the server, which
    // answers in JSON (this is no export file); past nginx's 9m, nginx refuses it.
    const importHeaders = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
    const bigImport = await request(`${base}/api/boards/import`, { method: 'POST', headers: importHeaders, body: JSON.stringify({ junk: 'x'.repeat(1024 * 1024) }) });
    expect(bigImport.headers['content-type'], bigImport.body).toMatch(/^application\/json/);
    expect(JSON.parse(bigImport.body)).toHaveProperty('error');
    const tooBigImport = await request(`${base}/api/boards/import`, { method: 'POST', headers: importHeaders, body: JSON.stringify({ junk: 'x'.repeat(10 * 1024 * 1024) }) });
    expect(tooBigImport.status).toBe(413);
    expect(tooBigImport.body).toContain('nginx');
  });

  test('two y-websocket clients over wss sync an edit both ways through nginx', async () => {
    const board = await createBoardThroughProxy('Digital post');
    const a = connect(board.id, board.tokens.edit);
    const b = connect(board.id, board.tokens.edit);
    const [atA, atB] = await Promise.all([a.firstSync, b.firstSync]);
    expect(atA.meta.title).toBe('Digital post');
    expect(atB.meta.title).toBe('Digital post');

    const goalId = addGoal(a.doc, { name: 'Andel digitale ansøgninger', unit: '%' });
    setActual(a.doc, goalId, '2026-03', 71);
    await waitFor(() => b.board().goals[0]?.actuals['2026-03'] === 71, { what: 'A’s goal at B' });

    const ideaId = addIdea(b.doc, { text: 'Kampagne', author: 'Erik', color: 'yellow' });
    await waitFor(() => a.board().ideas.some((idea) => idea.id === ideaId), { what: 'B’s idea at A' });
    setIdeaText(a.doc, ideaId, 'Kampagne på biblioteket');
    await waitFor(() => b.board().ideas[0]?.text === 'Kampagne på biblioteket', { what: 'A’s text at B' });

    // The server saw browser-like sockets, from its proxy on loopback.
    expect(server.logs.some((entry) => entry.msg === 'sync upgrade refused: origin not allowed')).toBe(false);

    // nginx logs a socket when it closes: its path, but no token (the log format leaves out the
    // query).
    a.destroy();
    b.destroy();
    await waitFor(() => proxy.accessLog().includes(`/sync/${board.id}`), { what: 'the socket in the access log' });
    const log = proxy.accessLog();
    expect(log).not.toContain(board.tokens.edit);
    expect(log).not.toContain(ADMIN_TOKEN);
    expect(log).not.toContain('token=');
  });

  test('an upgrade from a foreign Origin is refused with 403 through the proxy, and http:// is foreign too', async () => {
    const board = await createBoardThroughProxy('Fremmed');
    const url = `wss://127.0.0.1:${proxy.httpsPort}/sync/${board.id}?token=${encodeURIComponent(board.tokens.edit)}`;
    for (const origin of ['https://evil.example', `http://127.0.0.1:${proxy.httpsPort}`]) {
      const refused = await upgrade(url, { origin });
      expect(refused.status, origin).toBe(403);
    }
    await waitFor(() => server.logs.some((entry) => entry.msg === 'sync upgrade refused: origin not allowed' && entry.origin === 'https://evil.example'), {
      what: 'the refusal in the server log',
    });
    const allowed = await upgrade(url, { origin: base });
    expect(allowed.status).toBe(101);
    allowed.ws.close();
  });

  test('nginx caps sync sockets per client address at its limit_conn; a freed slot opens again', async () => {
    pool.destroyAll();
    const limit = shippedSyncConnectionLimit();
    expect(limit).toBe(100);
    const board = await createBoardThroughProxy('Mange skærme');
    const url = `wss://127.0.0.1:${proxy.httpsPort}/sync/${board.id}?token=${encodeURIComponent(board.tokens.edit)}`;
    const open: WebSocket[] = [];
    try {
      // Earlier sockets of this file may take a moment to be released by nginx.
      await waitFor(
        async () => {
          while (open.length < limit) {
            const attempt = await upgrade(url, { origin: base });
            if (attempt.status !== 101) return false;
            open.push(attempt.ws);
          }
          return true;
        },
        { timeout: 20_000, what: `${limit} open sockets` },
      );
      // The server keeps them all (loopback is not capped per address there)…
      await waitFor(() => open.every((ws) => ws.readyState === WebSocket.OPEN), { what: 'every socket to stay open' });
      // …so the next one is refused by nginx: 429 before it reaches the server.
      const over = await upgrade(url, { origin: base });
      expect(over.status).toBe(429);

      open.pop()!.close();
      await waitFor(
        async () => {
          const again = await upgrade(url, { origin: base });
          if (again.status === 101) open.push(again.ws);
          return again.status === 101;
        },
        { timeout: 10_000, what: 'a freed slot' },
      );
    } finally {
      for (const ws of open) ws.terminate();
    }
  });

  test('nginx hands the server Host and Origin intact, its own X-Forwarded-For, the scheme and a request id', async () => {
    recorded.length = 0;
    const port = recordingProxy.httpsPort;
    const page = await request(`https://127.0.0.1:${port}/api/anything?token=secret`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    expect(page.status).toBe(200);
    const opened = await upgrade(`wss://127.0.0.1:${port}/sync/abcdef123456?token=secret`, {
      origin: `https://127.0.0.1:${port}`,
      headers: { 'X-Forwarded-For': '203.0.113.9' },
    });
    expect(opened.status).toBe(101);
    opened.ws.terminate();

    expect(recorded.map((entry) => [entry.url, entry.upgrade])).toEqual([
      ['/api/anything?token=secret', false],
      ['/sync/abcdef123456?token=secret', true],
    ]);
    for (const { headers, upgrade: isUpgrade } of recorded) {
      expect(headers.host).toBe(`127.0.0.1:${port}`);
      // A client's X-Forwarded-For is replaced by the address nginx saw, not appended to.
      expect(headers['x-forwarded-for']).toBe('127.0.0.1');
      expect(headers['x-forwarded-proto']).toBe('https');
      expect(headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
      if (isUpgrade) {
        expect(headers.origin).toBe(`https://127.0.0.1:${port}`);
        expect(headers.upgrade).toBe('websocket');
        expect(headers.connection).toBe('upgrade');
      } else {
        // Not an upgrade: an empty Connection, so nginx may keep the upstream connection.
        expect(headers.connection).toBeUndefined();
        expect(headers.upgrade).toBeUndefined();
      }
    }

    // Over HTTP/2 (no Host header, :authority instead) the server still gets the Host.
    recorded.length = 0;
    const session = http2.connect(`https://127.0.0.1:${port}`, { ca: certificate.ca });
    try {
      await new Promise<void>((resolve, reject) => {
        const stream = session.request({ ':path': '/' });
        stream.on('error', reject);
        stream.resume();
        stream.on('end', () => resolve());
      });
    } finally {
      session.close();
    }
    expect(recorded[0]?.headers.host).toBe(`127.0.0.1:${port}`);
  });
});

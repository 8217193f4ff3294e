// Issue 8, Security: the WebSocket upgrade checks `Origin` against PUBLIC_URL plus ALLOWED_ORIGINS
// and refuses others with 403, before any board data, and says so in the log. An upgrade without
// `Origin` (not a browser page) goes on to the token check as before.
import WebSocket from 'ws';
import { expect, test } from 'vitest';
import { createBoard, serverForFile, startTestServer, waitFor } from './harness';
import { loadConfig } from '../../server/src/config';

const PUBLIC = 'https://tavle.kommune.dk';
const { server } = serverForFile({ publicUrl: PUBLIC, allowedOrigins: ['https://intra.kommune.dk'] });

/** Open the socket with this Origin header (none: undefined); the HTTP status of a refusal, or 101 and the first frame. */
function upgrade(path: string, origin: string | undefined): Promise<{ status: number; frames: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.syncUrl}/${path}`, origin === undefined ? {} : { origin });
    let frames = 0;
    ws.on('message', () => {
      frames++;
      ws.close();
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, frames });
      res.resume();
    });
    ws.on('close', () => resolve({ status: 101, frames }));
    ws.on('error', () => {});
  });
}

test('pages on PUBLIC_URL or ALLOWED_ORIGINS open the board; another site gets 403 and no data', async () => {
  const board = await createBoard(server.url);
  const path = `${board.id}?token=${encodeURIComponent(board.tokens.edit)}`;
  expect(await upgrade(path, PUBLIC)).toEqual({ status: 101, frames: 1 });
  expect(await upgrade(path, 'https://intra.kommune.dk')).toEqual({ status: 101, frames: 1 });
  // No Origin: a script or y-websocket in Node, not a page; the token still decides.
  expect(await upgrade(path, undefined)).toEqual({ status: 101, frames: 1 });

  for (const origin of ['https://evil.example', 'http://tavle.kommune.dk', 'https://tavle.kommune.dk.evil.example', 'http://localhost:5173', 'null', 'not a url']) {
    expect(await upgrade(path, origin), origin).toEqual({ status: 403, frames: 0 });
  }
  await waitFor(() => server.logs.some((entry) => entry.msg === 'sync upgrade refused: origin not allowed' && entry.origin === 'https://evil.example'), {
    what: 'the refusal in the log',
  });
  // The log names the origin, never the link's token.
  expect(JSON.stringify(server.logs)).not.toContain(board.tokens.edit);
});

test('without PUBLIC_URL (a local run) loopback pages such as Vite’s dev server are allowed, others not', async () => {
  const local = await startTestServer();
  try {
    const board = await createBoard(local.url);
    const path = `${board.id}?token=${encodeURIComponent(board.tokens.edit)}`;
    const open = (origin: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${local.syncUrl}/${path}`, { origin });
        ws.on('open', () => (ws.close(), resolve(101)));
        ws.on('unexpected-response', (_req, res) => (res.resume(), resolve(res.statusCode ?? 0)));
        ws.on('error', () => {});
      });
    expect(await open('http://localhost:5173')).toBe(101);
    expect(await open(local.url)).toBe(101);
    expect(await open('https://evil.example')).toBe(403);
  } finally {
    await local.close();
  }
});

test('ALLOWED_ORIGINS takes origins only and refuses anything else at start', () => {
  expect(loadConfig({ ALLOWED_ORIGINS: 'https://intra.kommune.dk, http://10.0.0.5:8080' }, '/srv').allowedOrigins).toEqual(['https://intra.kommune.dk', 'http://10.0.0.5:8080']);
  expect(loadConfig({}, '/srv').allowedOrigins).toEqual([]);
  expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://intra.kommune.dk/tavle' }, '/srv')).toThrow(/ALLOWED_ORIGINS/);
  expect(() => loadConfig({ ALLOWED_ORIGINS: 'intra.kommune.dk' }, '/srv')).toThrow(/ALLOWED_ORIGINS/);
});

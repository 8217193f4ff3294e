// A hostile burst (issue 8.6: "a burst from 20 sockets held /healthz for 9 s"): 20 sockets with
// a board's view link each send frames just under the 2 MiB limit, 10 a second, for 2 s, while a
// probe asks /healthz every 50 ms. Reports the probe's latency (p50, p95, max), how many frames
// went out, and how the server closed the sockets. The server runs as its own process
// (npm start's entry), the load and the probe in this one.
//
//   npm run bench:burst                     three runs, markdown on stdout
//   npm run bench:burst -- --runs=5 --out=docs/benchmarks.md --append

import fs from 'node:fs';
import os from 'node:os';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { ADMIN_TOKEN, installCleanup, killAllChildren, makeTempDir, startServer } from './lib/servers';
import { Samples } from './lib/stats';

const SOCKETS = 20;
const FRAME_BYTES = 1_900_000;
const ROUNDS = 20;
const ROUND_MS = 100;

function updateFrame(client: number, bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = client;
  doc.getMap('junk').set('k', 'x'.repeat(bytes));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return encoding.toUint8Array(encoder);
}

interface BurstResult {
  framesSent: number;
  closes: Record<string, number>;
  probes: number;
  p50: number;
  p95: number;
  max: number;
}

async function runOnce(): Promise<BurstResult> {
  const server = await startServer('ours', makeTempDir('burst'));
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const created = (await (await fetch(`${base}/api/boards`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'Burst' }) })).json()) as { id: string; tokens: { view: string } };
    const closes: Record<string, number> = {};
    const sockets = Array.from({ length: SOCKETS }, () => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/sync/${created.id}?token=${encodeURIComponent(created.tokens.view)}`);
      ws.on('error', () => {});
      ws.on('close', (code) => (closes[code] = (closes[code] ?? 0) + 1));
      return ws;
    });
    await Promise.all(sockets.map((ws) => new Promise((resolve) => ws.once('open', resolve))));
    const frames = Array.from({ length: SOCKETS }, (_, i) => updateFrame(1000 + i, FRAME_BYTES));

    let probing = true;
    const latencies = new Samples();
    const probe = (async () => {
      while (probing) {
        const started = performance.now();
        await fetch(`${base}/healthz`);
        latencies.add(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    let framesSent = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, ws] of sockets.entries()) {
        if (ws.readyState !== WebSocket.OPEN) continue;
        ws.send(frames[i]!);
        framesSent++;
      }
      await new Promise((resolve) => setTimeout(resolve, ROUND_MS));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    probing = false;
    await probe;
    for (const ws of sockets) ws.terminate();
    const summary = latencies.summary();
    return { framesSent, closes, probes: summary.count, p50: summary.p50, p95: summary.p95, max: summary.max };
  } finally {
    await server.stop('SIGTERM');
  }
}

async function main(): Promise<void> {
  installCleanup();
  const args = process.argv.slice(2);
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);
  const out = args.find((a) => a.startsWith('--out='))?.slice(6);
  const results: BurstResult[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await runOnce();
    process.stderr.write(`burst ${i + 1}/${runs}: /healthz p50 ${result.p50.toFixed(1)} p95 ${result.p95.toFixed(1)} max ${result.max.toFixed(0)} ms; ${result.framesSent} frames; closes ${JSON.stringify(result.closes)}\n`);
    results.push(result);
  }
  // WS_NO_BUFFER_UTIL=1 (read by ws, inherited by the server) measures without bufferutil.
  const env = process.env.WS_NO_BUFFER_UTIL ? 'WS_NO_BUFFER_UTIL=1 ' : '';
  const command = `${env}npm run bench:burst${args.length ? ` -- ${args.join(' ')}` : ''}`;
  const lines = [
    `### Hostile burst: /healthz while ${SOCKETS} sockets send ${(FRAME_BYTES / 1e6).toFixed(1)} MB frames (${new Date().toISOString().slice(0, 10)})`,
    '',
    `\`${command}\` on ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average at the end ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}. Each socket has the board's view link and sends one frame per ${ROUND_MS} ms for ${(ROUNDS * ROUND_MS) / 1000} s while it is open; a probe asks /healthz every 50 ms. Budget (issue 8.6): the server keeps answering; before the fix the probe waited 9 s.`,
    '',
    '| run | frames sent | closed by the server (code: sockets) | /healthz probes | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|---|---|---|',
    ...results.map((r, i) => `| ${i + 1} | ${r.framesSent} | ${Object.entries(r.closes).map(([code, n]) => `${code}: ${n}`).join(', ')} | ${r.probes} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(0)} |`),
    '',
  ];
  const text = lines.join('\n');
  if (out) fs.appendFileSync(out, `\n${text}`);
  process.stdout.write(`${text}\n`);
  killAllChildren();
}

main().catch((error) => {
  process.stderr.write(`bench:burst failed: ${(error as Error).stack ?? error}\n`);
  killAllChildren();
  process.exit(1);
});

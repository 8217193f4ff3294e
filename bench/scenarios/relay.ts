// Relay latency: N boards × M clients, each client writing its own key of a shared Y.Map at a
// fixed rate. Every update carries its send time (performance.now() of this one load process,
// so all clients share one clock) and every other client on the board records when it was
// applied. Samples count only for updates sent inside the measuring window (after a warm-up);
// sends stop at the end of the window and deliveries are drained (bounded) before counting.

import os from 'node:os';
import { connectClient, createBoard, sleep, withTimeout, type BenchClient, type BoardHandle } from '../lib/clients';
import { forgetTempDir, makeTempDir, readCpuSeconds, readMachineBusySeconds, readMemory, startServer, type ServerProcess, type Target } from '../lib/servers';
import { LoadProcessMonitor, Samples, type LatencySummary } from '../lib/stats';

export interface RelayScenario {
  id: string;
  title: string;
  boards: number;
  clientsPerBoard: number;
  /** Updates per second per client. */
  rate: number;
}

export const RELAY_SCENARIOS: RelayScenario[] = [
  { id: 'relay-1x50', title: '1 board × 50 clients × 2 updates/s', boards: 1, clientsPerBoard: 50, rate: 2 },
  { id: 'relay-20x10', title: '20 boards × 10 clients × 1 update/s', boards: 20, clientsPerBoard: 10, rate: 1 },
  { id: 'relay-200x10', title: '200 boards × 10 clients × 0.2 updates/s (2,000 connections)', boards: 200, clientsPerBoard: 10, rate: 0.2 },
];

/** A relay row during which other processes used more than this (% of one core) is called noisy. */
export const NOISY_BACKGROUND_PERCENT = 50;

export interface RelayTiming {
  warmupMs: number;
  measureMs: number;
  /** Longest wait for in-flight deliveries after the window. */
  drainMs: number;
}

export interface RelayResult {
  target: Target;
  scenario: string;
  ok: boolean;
  error?: string;
  latency?: LatencySummary;
  /** Updates sent inside the window. */
  sent?: number;
  /** Deliveries expected (sent × other clients on the board) and seen. */
  expected?: number;
  received?: number;
  connections?: number;
  connectMs?: number;
  /** Server process right after it started listening, before any board or client. */
  startRssMb?: number;
  /** Server process at the end of the window, all clients still connected. */
  rssMb?: number;
  peakRssMb?: number;
  serverCpuPercent?: number;
  loadCpuPercent?: number;
  loadLoopDelayP99Ms?: number;
  /** Everything else on the machine (other processes) during the window, in % of one core. */
  backgroundCpuPercent?: number;
  /** Background CPU of every attempt at this row (the kept one is the quietest). */
  attempts?: number[];
  loadavgBefore?: number[];
  loadavgAfter?: number[];
}

interface LoadClient {
  client: BenchClient;
  id: number;
  board: number;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function runRelay(target: Target, scenario: RelayScenario, timing: RelayTiming, log: (line: string) => void): Promise<RelayResult> {
  const result: RelayResult = { target, scenario: scenario.id, ok: false, loadavgBefore: os.loadavg() };
  const dataDir = makeTempDir(`${target}-${scenario.id}`);
  let server: ServerProcess | null = null;
  const clients: LoadClient[] = [];
  const timers = new Set<NodeJS.Timeout>();
  try {
    server = await startServer(target, dataDir);
    result.startRssMb = readMemory(server.pid).rssMb;
    const boards: BoardHandle[] = await mapLimit(
      Array.from({ length: scenario.boards }, (_, i) => i),
      8,
      (i) => createBoard(server!, i, scenario.id),
    );

    // Connect (bounded concurrency, so 2,000 sockets do not all handshake at once) and wait for
    // every client's first sync.
    const connectStarted = performance.now();
    const plan = boards.flatMap((_, board) => Array.from({ length: scenario.clientsPerBoard }, () => board));
    await mapLimit(plan, 50, async (board, id) => {
      const client = connectClient(target, server!.port, boards[board]!);
      clients.push({ client, id, board });
      await withTimeout(client.firstSync, 30_000, `client ${id} of ${target} to sync`);
    });
    result.connections = clients.length;
    result.connectMs = performance.now() - connectStarted;
    log(`    ${clients.length} clients synced in ${Math.round(result.connectMs)} ms`);

    // Receivers.
    const samples = new Samples();
    let windowStart = Infinity;
    let windowEnd = -Infinity;
    let sent = 0;
    let expected = 0;
    for (const { client, id } of clients) {
      const map = client.doc.getMap<{ t: number; o: number }>('relay');
      map.observe((event) => {
        if (event.transaction.local) return;
        const now = performance.now();
        for (const key of event.keysChanged) {
          const value = map.get(key);
          if (!value || value.o === id) continue;
          if (value.t >= windowStart && value.t < windowEnd) samples.add(now - value.t);
        }
      });
    }

    // Senders: a fixed period per client with a random phase; stops at the end of the window.
    const period = 1000 / scenario.rate;
    const startAt = performance.now() + 200;
    windowStart = startAt + timing.warmupMs;
    windowEnd = windowStart + timing.measureMs;
    const maxSends = Math.ceil((timing.warmupMs + timing.measureMs) / period) + 2;
    for (const { client, id } of clients) {
      const map = client.doc.getMap<{ t: number; o: number }>('relay');
      const key = `c${id}`;
      const phase = Math.random() * period;
      let k = 0;
      const tick = () => {
        const due = startAt + phase + k * period;
        if (due >= windowEnd || k >= maxSends) return;
        const now = performance.now();
        if (now >= due) {
          k++;
          const t = performance.now();
          map.set(key, { t, o: id });
          if (t >= windowStart && t < windowEnd) {
            sent++;
            expected += scenario.clientsPerBoard - 1;
          }
        }
        const next = startAt + phase + k * period;
        if (next >= windowEnd) return;
        const timer = setTimeout(() => {
          timers.delete(timer);
          tick();
        }, Math.max(0, next - performance.now()));
        timers.add(timer);
      };
      const timer = setTimeout(() => {
        timers.delete(timer);
        tick();
      }, Math.max(0, startAt + phase - performance.now()));
      timers.add(timer);
    }

    const monitor = new LoadProcessMonitor();
    await sleep(Math.max(0, windowStart - performance.now()));
    const cpuStart = readCpuSeconds(server.pid);
    const machineStart = readMachineBusySeconds();
    const cpuStartAt = performance.now();
    monitor.start();
    await sleep(Math.max(0, windowEnd - performance.now()));
    const load = monitor.stop();
    const cpuEnd = readCpuSeconds(server.pid);
    const machineEnd = readMachineBusySeconds();
    const memory = readMemory(server.pid);
    const seconds = (performance.now() - cpuStartAt) / 1000;
    result.serverCpuPercent = ((cpuEnd - cpuStart) / seconds) * 100;
    result.backgroundCpuPercent = Math.max(0, ((machineEnd - machineStart) / seconds) * 100 - result.serverCpuPercent - load.cpuPercent);
    result.rssMb = memory.rssMb;
    result.peakRssMb = memory.peakMb;
    result.loadCpuPercent = load.cpuPercent;
    result.loadLoopDelayP99Ms = load.loopDelayP99Ms;

    const drainUntil = performance.now() + timing.drainMs;
    while (samples.count < expected && performance.now() < drainUntil) await sleep(50);
    result.latency = samples.summary();
    result.sent = sent;
    result.expected = expected;
    result.received = samples.count;
    result.ok = true;
  } catch (error) {
    result.error = (error as Error).message.split('\n')[0];
    log(`    ERROR: ${(error as Error).message}`);
    if (server) log(server.tail().split('\n').slice(-10).map((line) => `      | ${line}`).join('\n'));
  } finally {
    for (const timer of timers) clearTimeout(timer);
    for (const { client } of clients) {
      try {
        client.destroy();
      } catch {
        // gone already
      }
    }
    await sleep(300);
    if (server) await server.stop('SIGTERM', 20_000);
    forgetTempDir(dataDir);
    result.loadavgAfter = os.loadavg();
  }
  return result;
}

// The three servers under test, each started as its own child process on 127.0.0.1, and what is
// read from outside them: readiness, RSS and CPU from /proc, exit. Every child is registered so
// the benchmark kills it whatever way it ends (normal end, error, Ctrl-C, watchdog).

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ADMIN_TOKEN = 'bench-admin-token-7d41c9e2';

export type Target = 'ours' | 'ours-bundled' | 'reference' | 'hocuspocus';
/** What a plain `npm run bench` measures. */
export const TARGETS: Target[] = ['ours', 'reference', 'hocuspocus'];
/** `--servers=` may also name ours-bundled: our server bundled by esbuild and run by plain node (no tsx). */
export const ALL_TARGETS: Target[] = ['ours', 'ours-bundled', 'reference', 'hocuspocus'];
export const TARGET_LABEL: Record<Target, string> = {
  ours: 'Måltavle',
  'ours-bundled': 'Måltavle, esbuild bundle (no tsx)',
  reference: 'y-websocket-server',
  hocuspocus: 'Hocuspocus',
};
export const isOurs = (target: Target) => target === 'ours' || target === 'ours-bundled';

/**
 * Experiment knobs (docs/benchmarks.md): extra node flags for our server as it ships
 * (BENCH_OURS_NODE_ARGS) and for the bundled one (BENCH_BUNDLED_NODE_ARGS), e.g.
 * --max-semi-space-size=2 to see what V8's young generation costs in RSS.
 */
export function nodeArgsFor(target: Target): string[] {
  const value = target === 'ours' ? process.env.BENCH_OURS_NODE_ARGS : target === 'ours-bundled' ? process.env.BENCH_BUNDLED_NODE_ARGS : undefined;
  return (value ?? '').split(' ').filter(Boolean);
}

export function targetLabel(target: Target): string {
  const flags = nodeArgsFor(target);
  return flags.length ? `${TARGET_LABEL[target]}, \`${flags.join(' ')}\`` : TARGET_LABEL[target];
}

const BUNDLE = path.join(REPO_ROOT, 'node_modules/.cache/maaltavle-bench/server.mjs');
let bundled = false;

/** For the ours-bundled target: server/src/main.ts as one ESM file, packages left external. */
function ensureBundle(): void {
  if (bundled) return;
  const esbuild = path.join(REPO_ROOT, 'node_modules/esbuild/bin/esbuild');
  const result = spawnSync(
    esbuild,
    ['server/src/main.ts', '--bundle', '--platform=node', '--format=esm', '--packages=external', '--target=node20', `--outfile=${BUNDLE}`, '--log-level=warning'],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  if (result.status !== 0) throw new Error(`esbuild failed: ${result.stderr || result.error}`);
  bundled = true;
}

// ---------------------------------------------------------------- cleanup of everything we start

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export function killAllChildren(): void {
  for (const child of children) {
    try {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
}

export function removeTempDirs(): void {
  for (const dir of tempDirs) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort
    }
  }
  tempDirs.clear();
}

export function makeTempDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `maaltavle-bench-${label}-`));
  tempDirs.add(dir);
  return dir;
}

export function forgetTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Ctrl-C, SIGTERM, an uncaught error or plain exit: children die, temp dirs go. */
export function installCleanup(): void {
  process.on('exit', () => {
    killAllChildren();
    removeTempDirs();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      process.stderr.write(`\nbench: ${signal}; stopping the servers\n`);
      killAllChildren();
      removeTempDirs();
      process.exit(130);
    });
  }
}

// ---------------------------------------------------------------- /proc readings

/** Resident set size (VmRSS) and its peak (VmHWM) of a process, in MB (MiB). */
export function readMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used. */
export function readCpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the ")" that ends the command name: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** CPU seconds the whole machine has been busy (all cores, from /proc/stat). */
export function readMachineBusySeconds(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [, ...values] = line.trim().split(/\s+/);
  const ticks = values.map(Number);
  const total = ticks.slice(0, 8).reduce((sum, v) => sum + v, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return (total - idle) / CLOCK_TICKS;
}

// ---------------------------------------------------------------- ports and readiness

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; attempt < 1000; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('exited before it answered');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`did not answer on port ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('gave up waiting');
}

// ---------------------------------------------------------------- one server child

export interface ServerProcess {
  target: Target;
  pid: number;
  port: number;
  /** Where the server keeps its data (one directory per scenario and server). */
  dataDir: string;
  /** Last lines the child printed, for error messages. */
  tail(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Send a signal and wait (bounded) for the exit; SIGKILL after the timeout. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

function commandFor(target: Target, port: number, dataDir: string): { args: string[]; env: Record<string, string> } {
  switch (target) {
    case 'ours':
      // What `npm run dev:server` / `npm start` run: main.ts through the tsx loader, in one process.
      return {
        // BENCH_OURS_ENTRY (experiments only): another entry file, e.g. one that calls startServer
        // with other options, to measure a change before it is made in server/.
        args: ['--import', 'tsx', process.env.BENCH_OURS_ENTRY || 'server/src/main.ts'],
        env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN, PUBLIC_URL: '', DATABASE_URL: '', REDIS_URL: '' },
      };
    case 'ours-bundled':
      ensureBundle();
      return {
        args: [BUNDLE],
        env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_TOKEN, PUBLIC_URL: '', DATABASE_URL: '', REDIS_URL: '' },
      };
    case 'reference':
      // The package's own bin (`npx y-websocket`), with its LevelDB persistence (y-leveldb) switched on.
      return {
        args: ['node_modules/@y/websocket-server/src/server.js'],
        env: { PORT: String(port), HOST: '127.0.0.1', YPERSISTENCE: path.join(dataDir, 'leveldb') },
      };
    case 'hocuspocus':
      return {
        args: ['bench/servers/hocuspocus.mjs'],
        env: { PORT: String(port), HP_SQLITE: path.join(dataDir, 'hocuspocus.sqlite') },
      };
  }
}

export interface StartOptions {
  readyTimeoutMs?: number;
  /** For ours only: another entry file than server/src/main.ts (e.g. bench/servers/ours-static.ts). */
  entry?: string;
  /** Extra environment for the child. */
  env?: Record<string, string>;
}

export async function startServer(target: Target, dataDir: string, { readyTimeoutMs = 30_000, entry, env: extraEnv = {} }: StartOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const { args: defaultArgs, env } = commandFor(target, port, dataDir);
  if (entry && target !== 'ours') throw new Error(`an entry file is only for ours, not ${target}`);
  const args = entry ? ['--import', 'tsx', entry] : defaultArgs;
  const extra = nodeArgsFor(target);
  const child = spawn(process.execPath, [...extra, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      lines.push(line.length > 400 ? `${line.slice(0, 400)}…` : line);
      if (lines.length > 60) lines.shift();
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    }),
  );
  const tail = () => lines.join('\n');
  try {
    await waitForHttp(port, child, readyTimeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${target} server did not start: ${(error as Error).message}\n${tail()}`);
  }
  return {
    target,
    pid: child.pid!,
    port,
    dataDir,
    tail,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 20_000) {
      const started = performance.now();
      if (child.exitCode !== null || child.signalCode !== null) return { ...(await exited), ms: 0 };
      child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([
        exited,
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs))),
      ]);
      clearTimeout(timer);
      if (result) return { ...result, ms: performance.now() - started };
      child.kill('SIGKILL');
      return { ...(await exited), ms: performance.now() - started };
    },
  };
}

/** Apparent size in bytes of the files under a directory (recursively). */
export function directoryBytes(dir: string, accept: (name: string) => boolean = () => true): number {
  let total = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += directoryBytes(full, accept);
    else if (entry.isFile() && accept(entry.name)) total += fs.statSync(full).size;
  }
  return total;
}

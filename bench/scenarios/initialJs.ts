// Initial JavaScript: `vite build` of the client (into a temporary directory, so a dist/client
// that tests are serving is not swapped under them), then the gzip size of every script the
// built index.html loads up front: the entry <script type="module"> and its
// <link rel="modulepreload"> chunks. Lazily imported chunks do not count; CSS is reported apart.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { makeTempDir, forgetTempDir, REPO_ROOT } from '../lib/servers';

export interface InitialJsResult {
  ok: boolean;
  error?: string;
  buildMs?: number;
  files?: { file: string; bytes: number; gzipBytes: number }[];
  jsGzipBytes?: number;
  jsBytes?: number;
  cssGzipBytes?: number;
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** `vite build` of the client into outDir (bounded); on failure the last lines of its output are logged. */
export async function buildClient(outDir: string, log: (line: string) => void): Promise<{ ok: boolean; error?: string; buildMs: number }> {
  const started = performance.now();
  const vite = path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  const build = await run(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], 5 * 60_000);
  const buildMs = performance.now() - started;
  if (build.code === 0) return { ok: true, buildMs };
  log(build.output.split('\n').slice(-15).map((line) => `      | ${line}`).join('\n'));
  return { ok: false, error: `vite build exited with ${build.code}`, buildMs };
}

export async function runInitialJs(log: (line: string) => void): Promise<InitialJsResult> {
  const outDir = makeTempDir('client-build');
  try {
    const { ok, error, buildMs } = await buildClient(outDir, log);
    if (!ok) return { ok: false, error, buildMs };
    const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
    const preloads = [...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]!);
    const measure = (href: string) => {
      const data = fs.readFileSync(path.join(outDir, href.replace(/^\//, '')));
      return { file: href, bytes: data.byteLength, gzipBytes: zlib.gzipSync(data, { level: 9 }).byteLength };
    };
    const files = [...new Set([...scripts, ...preloads])].filter((href) => href.startsWith('/')).map(measure);
    const css = styles.filter((href) => href.startsWith('/')).map(measure);
    return {
      ok: true,
      buildMs,
      files,
      jsBytes: files.reduce((sum, f) => sum + f.bytes, 0),
      jsGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
      cssGzipBytes: css.reduce((sum, f) => sum + f.gzipBytes, 0),
    };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  } finally {
    forgetTempDir(outDir);
  }
}

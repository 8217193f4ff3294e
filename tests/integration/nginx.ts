// A real nginx (Debian's /usr/sbin/nginx) in front of a test server, configured FROM the shipped
// deploy/nginx/maaltavle.conf: only the listen ports, the upstream port, the certificate paths and
// the log directory are substituted (each substitution must match, so a change of the shipped
// file that this helper no longer understands fails loudly instead of testing something else).
// Everything nginx writes (pid, logs, temp files) is inside one temporary prefix directory, so it
// runs as root and as a normal user. The certificate is self-signed for 127.0.0.1, made per run.

import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { REPO_ROOT, tempDataDir, waitFor } from './harness';

export const NGINX = '/usr/sbin/nginx';
export const SHIPPED_CONFIG = path.join(REPO_ROOT, 'deploy/nginx/maaltavle.conf');

export interface TestConfigOptions {
  /** Directory for pid, logs and temp files. */
  prefix: string;
  httpPort: number;
  httpsPort: number;
  /** Port of the Node server on 127.0.0.1 (8080 in the shipped file). */
  upstreamPort: number;
  certFile: string;
  keyFile: string;
}

/** Replace `pattern` in `text`, which must match exactly `times` times. */
function substitute(text: string, pattern: RegExp, replacement: string, times: number): string {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  const found = text.match(global)?.length ?? 0;
  if (found !== times) {
    throw new Error(
      `deploy/nginx/maaltavle.conf: expected ${times} match(es) of ${pattern} but found ${found}; update tests/integration/nginx.ts with the shipped config`,
    );
  }
  return text.replace(global, () => replacement);
}

/** The shipped server config with the test's ports, certificate and log directory. */
export function testServerBlocks(shipped: string, o: TestConfigOptions): string {
  let conf = shipped;
  conf = substitute(conf, /^\s*listen \[::\]:\d+[^;]*;[^\n]*$/m, '', 2); // no IPv6 in a test container
  conf = substitute(conf, /^\s*listen 80;/m, `    listen 127.0.0.1:${o.httpPort};`, 1);
  conf = substitute(conf, /^\s*listen 443 ssl http2;/m, `    listen 127.0.0.1:${o.httpsPort} ssl http2;`, 1);
  conf = substitute(conf, /^\s*server 127\.0\.0\.1:8080;/m, `    server 127.0.0.1:${o.upstreamPort};`, 1);
  conf = substitute(conf, /return 301 https:\/\/\$host\$request_uri;/, `return 301 https://$host:${o.httpsPort}$request_uri;`, 1);
  conf = substitute(conf, /ssl_certificate\s+\S*PLACEHOLDER\S*;/, `ssl_certificate     ${o.certFile};`, 1);
  conf = substitute(conf, /ssl_certificate_key\s+\S*PLACEHOLDER\S*;/, `ssl_certificate_key ${o.keyFile};`, 1);
  conf = substitute(conf, /access_log \/var\/log\/nginx\//, `access_log ${o.prefix}/logs/`, 2);
  return conf;
}

/** A whole nginx.conf: the process-level settings a distribution's nginx.conf would hold, then the shipped blocks inside `http`. */
export function testNginxConf(o: TestConfigOptions): string {
  const shipped = fs.readFileSync(SHIPPED_CONFIG, 'utf8');
  const p = o.prefix;
  return [
    // As root, nginx would run its workers as `nobody`/`nobody`, a group Debian does not have.
    process.getuid?.() === 0 ? 'user root root;' : '',
    'worker_processes 1;',
    `pid ${p}/nginx.pid;`,
    `lock_file ${p}/nginx.lock;`,
    `error_log ${p}/logs/error.log info;`,
    // Open WebSockets would keep a gracefully stopping worker alive; do not wait for them.
    'worker_shutdown_timeout 1s;',
    'events { worker_connections 1024; }',
    'http {',
    `    access_log ${p}/logs/default.access.log;`,
    `    client_body_temp_path ${p}/temp/body;`,
    `    proxy_temp_path ${p}/temp/proxy;`,
    `    fastcgi_temp_path ${p}/temp/fastcgi;`,
    `    uwsgi_temp_path ${p}/temp/uwsgi;`,
    `    scgi_temp_path ${p}/temp/scgi;`,
    testServerBlocks(shipped, o),
    '}',
    '',
  ].join('\n');
}

/** The `limit_conn maaltavle_sync <n>` of the shipped config. */
export function shippedSyncConnectionLimit(): number {
  const match = /limit_conn\s+maaltavle_sync\s+(\d+);/.exec(fs.readFileSync(SHIPPED_CONFIG, 'utf8'));
  if (!match) throw new Error('deploy/nginx/maaltavle.conf has no `limit_conn maaltavle_sync <n>;`');
  return Number(match[1]);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export interface SelfSigned {
  certFile: string;
  keyFile: string;
  /** The certificate, PEM: the CA a client must trust. */
  ca: string;
}

export function selfSignedCertificate(dir: string): SelfSigned {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', certFile],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { certFile, keyFile, ca: fs.readFileSync(certFile, 'utf8') };
}

export interface RunningNginx {
  httpPort: number;
  httpsPort: number;
  prefix: string;
  /** The generated nginx.conf. */
  conf: string;
  accessLog(): string;
  errorLog(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Last resort if the test process goes away without its afterAll: nginx runs in its own process
// group (detached), so kill that group; only processes this module started.
process.once('exit', () => {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

/** Start nginx in front of 127.0.0.1:<upstreamPort> with the shipped config and this certificate. */
export async function startNginx({ upstreamPort, certificate }: { upstreamPort: number; certificate: SelfSigned }): Promise<RunningNginx> {
  const prefix = tempDataDir();
  for (const dir of ['logs', 'temp']) fs.mkdirSync(path.join(prefix, dir));
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const conf = testNginxConf({ prefix, httpPort, httpsPort, upstreamPort, certFile: certificate.certFile, keyFile: certificate.keyFile });
  const confFile = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(confFile, conf);

  const child = spawn(NGINX, ['-p', prefix, '-c', confFile, '-e', path.join(prefix, 'logs/error.log'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
      running.delete(child);
      resolve();
    }),
  );
  const errorLog = () => {
    try {
      return fs.readFileSync(path.join(prefix, 'logs/error.log'), 'utf8');
    } catch {
      return '';
    }
  };

  await waitFor(
    async () => {
      if (exitCode !== undefined) throw new Error(`nginx exited (${exitCode}) before listening:\n${output}\n${errorLog()}`);
      return (await canConnect(httpsPort)) && (await canConnect(httpPort));
    },
    { timeout: 10_000, what: 'nginx to listen' },
  );

  return {
    httpPort,
    httpsPort,
    prefix,
    conf,
    accessLog: () => fs.readFileSync(path.join(prefix, 'logs/maaltavle.access.log'), 'utf8'),
    errorLog,
    async stop() {
      if (exitCode !== undefined) return;
      child.kill('SIGQUIT'); // graceful: finish requests, then exit
      const quit = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000))]);
      if (!quit) {
        try {
          process.kill(-child.pid!, 'SIGKILL'); // master and workers
        } catch {
          // gone meanwhile
        }
        await exited;
      }
    },
  };
}

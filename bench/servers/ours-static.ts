// Our server for the browser benchmark (bench/scenarios/browserBoard.ts), as a child process:
// server/src/main.ts's configuration from the environment, plus the one thing main.ts has no
// setting for: the SPA is served from BENCH_STATIC_DIR (the bench's private `vite build`), not
// from dist/client, which other builds and tests may be replacing at the same time.
// SIGTERM/SIGINT store everything and exit 0, as main.ts does.

import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/log';
import { startServer } from '../../server/src/server';

const staticDir = process.env.BENCH_STATIC_DIR;
if (!staticDir) {
  process.stderr.write('BENCH_STATIC_DIR is not set\n');
  process.exit(2);
}
const config = loadConfig();
const log = createLogger({ level: config.logLevel });
const server = await startServer({ port: config.port, host: config.host, dataDir: config.dataDir, adminToken: config.adminToken, publicUrl: config.publicUrl, staticDir, log });
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

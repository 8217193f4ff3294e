// `npm start`: build the web client if it has not been built, then run the server.
//
// The server runs in this very process (tsx registered as a loader, then main.ts imported)
// rather than as a child: signals reach it directly, its exit code is ours, and a kill -9 of
// this process cannot leave an orphaned server holding the port and the database.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'dist/client/index.html');

if (!existsSync(builtIndex)) {
  process.stdout.write('The web client is not built yet; running `vite build` once…\n');
  const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    // The API and sync still work; the server answers / with a JSON 404 saying the client is missing.
    process.stderr.write(`vite build failed (exit ${build.status ?? build.signal}); starting the server without the web client.\n`);
  }
}

process.chdir(root);
await import('tsx');
await import('../server/src/main.ts');

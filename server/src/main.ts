// The process entry (`npm start`, `npm run dev:server`): configuration from the environment,
// the server, and a clean shutdown on SIGTERM/SIGINT (exit 0 once everything is stored).

import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';
import { adminLinkBanner } from './auth/adminToken';
import { startServer } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Måltavle cannot start: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger({ level: config.logLevel });

  // Every message handler is guarded; these are the net under the net. A rejected promise is
  // logged and the server goes on; an uncaught exception may have left state half-changed, so
  // the server stores what it can and exits (a supervisor restarts it; clients resend).
  process.on('unhandledRejection', (reason) => log.error('unhandled promise rejection', { error: reason }));

  const server = await startServer({
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    adminToken: config.adminToken,
    metricsToken: config.metricsToken,
    publicUrl: config.publicUrl,
    serveSourceMaps: config.serveSourceMaps,
    allowedOrigins: config.allowedOrigins,
    trustedProxies: config.trustedProxies,
    socketCaps: config.socketCaps,
    log,
  });
  // The line a person starting the server looks for, plain among the JSON log lines; the admin
  // link only on a terminal, so it never lands in a log file.
  process.stdout.write(
    adminLinkBanner({ publicUrl: server.publicUrl, adminToken: server.adminToken, source: server.adminTokenSource, file: server.adminTokenFile }, process.stdout.isTTY === true),
  );

  // A repeated signal is expected (npm forwards Ctrl+C that the terminal already sent), so it
  // does not cut the shutdown short; a watchdog does if storing ever hangs.
  let stopping = false;
  const stop = (reason: string, code: number) => {
    if (stopping) {
      log.info('already shutting down', { reason });
      return;
    }
    stopping = true;
    log.info('shutting down', { reason });
    setTimeout(() => {
      log.error('shutdown took longer than 15 s; exiting anyway');
      process.exit(1);
    }, 15_000).unref();
    server.close().then(
      () => process.exit(code),
      (error) => {
        log.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  process.on('uncaughtException', (error) => {
    log.error('uncaught exception', { error });
    stop('uncaught exception', 1);
  });
}

main().catch((error) => {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    process.stderr.write(`Måltavle cannot start: ${(error as Error).message} (check PORT and HOST)\n`);
    process.exit(2);
  }
  process.stderr.write(`Måltavle failed to start: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});

// `npm run backup -- <file>` and `npm run restore -- <file>` (docs/operations.md): DATA_DIR from
// the environment as for the server. Backup runs while the server runs; restore wants an empty
// DATA_DIR and the server stopped. Plain lines on stdout, errors on stderr, exit 1 on failure.

import path from 'node:path';
import { ConfigError, loadConfig } from './config';
import { backupDataDir, BackupError, restoreDataDir } from './storage/backup';

async function main(): Promise<number> {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !file) {
    process.stderr.write('usage: npm run backup -- <file>  |  npm run restore -- <file>   (DATA_DIR as for the server)\n');
    return 2;
  }
  try {
    const { dataDir } = loadConfig();
    if (command === 'backup') {
      const result = await backupDataDir(dataDir, file);
      process.stdout.write(`backup of ${result.boards} boards from ${dataDir} written to ${result.file} (${result.bytes} bytes)\n`);
    } else {
      const result = restoreDataDir(path.resolve(file), dataDir);
      process.stdout.write(`restored ${result.boards} boards into ${result.dataDir} (backup taken ${result.takenAt}); start the server on it\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupError || error instanceof ConfigError) {
      process.stderr.write(`${command} failed: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();

// Secrets the server makes for itself on first start (the admin token, the token-signing key)
// live in small files in DATA_DIR, readable by the server's user only.

import fs from 'node:fs';
import path from 'node:path';

/**
 * The trimmed content of `file`, or a fresh value from `create` written there with mode 0600.
 * Creation uses O_EXCL, so two processes starting at once end up with the same secret.
 */
export function readOrCreateSecret(file: string, create: () => string): string {
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing) return existing;
    // An empty file (e.g. a crash between create and write) is replaced.
    fs.rmSync(file, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const value = create();
  try {
    fs.writeFileSync(file, value + '\n', { mode: 0o600, flag: 'wx' });
    return value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw error;
  }
}

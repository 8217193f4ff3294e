// The workspace admin's bearer token: from ADMIN_TOKEN, else generated once into
// DATA_DIR/admin-token; checked in constant time.

import crypto from 'node:crypto';
import path from 'node:path';
import { readOrCreateSecret } from './secretFile';

export const ADMIN_TOKEN_FILE = 'admin-token';

export function resolveAdminToken(dataDir: string, fromEnv: string | undefined): { token: string; generated: boolean } {
  if (fromEnv) return { token: fromEnv, generated: false };
  let generated = false;
  const token = readOrCreateSecret(path.join(dataDir, ADMIN_TOKEN_FILE), () => {
    generated = true;
    return crypto.randomBytes(20).toString('hex');
  });
  return { token, generated };
}

/**
 * Whether an Authorization header carries the admin token. Both sides are hashed first so the
 * comparison takes the same time whatever the length or content of the guess.
 */
export function isAdminAuthorization(header: string | undefined, adminToken: string): boolean {
  if (!header) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return false;
  const given = crypto.createHash('sha256').update(match[1]!).digest();
  const expected = crypto.createHash('sha256').update(adminToken).digest();
  return crypto.timingSafeEqual(given, expected);
}

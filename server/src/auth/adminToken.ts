// The workspace admin's bearer token: from ADMIN_TOKEN, else generated once into
// DATA_DIR/admin-token; checked in constant time. It never goes into the log: the admin link is
// printed once for the person at the terminal (adminLinkBanner), nowhere else (issue 8).

import crypto from 'node:crypto';
import path from 'node:path';
import { readOrCreateSecret } from './secretFile';

export const ADMIN_TOKEN_FILE = 'admin-token';

/** Where the token came from: ADMIN_TOKEN, an existing DATA_DIR/admin-token, or made just now. */
export type AdminTokenSource = 'environment' | 'file' | 'generated';

export interface ResolvedAdminToken {
  token: string;
  source: AdminTokenSource;
  /** DATA_DIR/admin-token, or null when the token came from the environment. */
  file: string | null;
}

export function resolveAdminToken(dataDir: string, fromEnv: string | undefined): ResolvedAdminToken {
  if (fromEnv) return { token: fromEnv, source: 'environment', file: null };
  const file = path.join(dataDir, ADMIN_TOKEN_FILE);
  let generated = false;
  const token = readOrCreateSecret(file, () => {
    generated = true;
    return crypto.randomBytes(20).toString('hex');
  });
  return { token, source: generated ? 'generated' : 'file', file };
}

/**
 * The plain lines `npm start` prints for a person: where the server runs and, only when stdout is
 * a terminal, the admin link. Piped into a log collector (systemd, docker, CI) it says where
 * the token is instead, so the token never lands in a log file.
 */
export function adminLinkBanner(info: { publicUrl: string; adminToken: string; source: AdminTokenSource; file: string | null }, isTTY: boolean): string {
  const lines = [`Måltavle runs on ${info.publicUrl}`];
  if (isTTY) {
    lines.push(`Admin link (create boards, share links, leader overview): ${info.publicUrl}/?admin=${encodeURIComponent(info.adminToken)}`);
  } else {
    const where = info.file === null ? 'the ADMIN_TOKEN environment variable' : info.file;
    lines.push(`Admin link: not printed, as the output is not a terminal; open ${info.publicUrl}/?admin=<token> with the token from ${where}`);
  }
  return `\n${lines.join('\n')}\n\n`;
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

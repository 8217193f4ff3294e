// The workspace's read-only leader token (the "lederlink"): lets a leader see the overview of
// every board (GET /api/boards, with view links only) and nothing else. It cannot create boards,
// and it is no board token, so /sync refuses it (4401) and it never writes a document.
//
// Format: `l_<sig>`, sig = base64url(HMAC-SHA256(secret, "leader")) cut to 128 bits, with the
// same secret as the board tokens (DATA_DIR/secret): stable across restarts, nothing stored;
// replacing the secret revokes it together with every board link.

import crypto from 'node:crypto';

const SIGNATURE_BYTES = 16;
const LEADER_PATTERN = /^l_([A-Za-z0-9_-]{22})$/;

export interface LeaderTokens {
  /** The one leader token of this workspace. */
  readonly token: string;
  /** Whether `token` is the leader token (constant time in its content). */
  check(token: string | null | undefined): boolean;
}

export function createLeaderToken(secret: Buffer): LeaderTokens {
  const signature = crypto.createHmac('sha256', secret).update('leader').digest().subarray(0, SIGNATURE_BYTES).toString('base64url');
  const expected = Buffer.from(signature, 'latin1');
  return {
    token: `l_${signature}`,
    check(token) {
      const match = token ? LEADER_PATTERN.exec(token) : null;
      if (!match) return false;
      const given = Buffer.from(match[1]!, 'latin1');
      return given.length === expected.length && crypto.timingSafeEqual(given, expected);
    },
  };
}

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

// The workspace's read-only leader token (the "lederlink"): lets a leader see the overview of
// every board (GET /api/boards, with view links only) and nothing else. It cannot create boards,
// and it is no board token, so /sync refuses it (4401) and it never writes a document.
//
// Format: `l_[<generation>.]<sig>`, sig = base64url(HMAC-SHA256(secret, "leader" or
// "leader:<generation>")) cut to 128 bits, with the same secret as the board tokens
// (DATA_DIR/secret): stable across restarts, nothing stored but the generation, which the admin
// raises to revoke the link (POST /api/leader-link/rotate); generation 0 is the format before
// issue 8, so a leader link handed out then keeps working until it is rotated.

import { sameSignature, signature, signedText } from './boardTokens';

const LEADER_PATTERN = /^l_(?:([1-9][0-9]{0,8})\.)?([A-Za-z0-9_-]{22})$/;

export type LeaderCheck = 'ok' | 'replaced' | 'bad';

export interface LeaderTokens {
  /** The leader token of this workspace now. */
  token(): string;
  /** Whether `token` is the current leader token, one rotated away, or no leader token (constant time in its signature). */
  verify(token: string | null | undefined): LeaderCheck;
  /** Whether `token` is the current leader token. */
  check(token: string | null | undefined): boolean;
  /** Take the generation the store holds (at start and after a rotation). */
  setGeneration(generation: number): void;
}

export function createLeaderToken(secret: Buffer, initialGeneration = 0): LeaderTokens {
  let generation = initialGeneration;
  const sign = (at: number) => signature(secret, signedText('leader', at));
  let current = sign(generation);
  const verify = (token: string | null | undefined): LeaderCheck => {
    const match = token ? LEADER_PATTERN.exec(token) : null;
    if (!match) return 'bad';
    const at = match[1] ? Number(match[1]) : 0;
    if (!sameSignature(match[2]!, at === generation ? current : sign(at))) return 'bad';
    if (at === generation) return 'ok';
    return at < generation ? 'replaced' : 'bad';
  };
  return {
    token: () => (generation === 0 ? `l_${current}` : `l_${generation}.${current}`),
    verify,
    check: (token) => verify(token) === 'ok',
    setGeneration(next) {
      generation = next;
      current = sign(next);
    },
  };
}

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

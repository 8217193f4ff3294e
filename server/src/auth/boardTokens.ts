// Capability tokens for board links. A token names its board and capability and carries an
// HMAC over both, so the server can check it without storing tokens, and can tell a forged
// token (4401) from a real token of another board (4403).
//
// Format: `<e|v>_<boardId>.<sig>`, sig = base64url(HMAC-SHA256(secret, `<edit|view>:<boardId>`))
// cut to 128 bits (22 characters; RFC 2104 allows truncation to half the hash length).

import crypto from 'node:crypto';
import path from 'node:path';
import { BOARD_ID_PATTERN, type Capability } from '../../../shared/protocol';
import { readOrCreateSecret } from './secretFile';

export const SECRET_FILE = 'secret';

const SIGNATURE_BYTES = 16;
const PREFIX: Record<Capability, string> = { edit: 'e', view: 'v' };
const TOKEN_PATTERN = /^([ev])_([a-z0-9]+)\.([A-Za-z0-9_-]{22})$/;

export type TokenCheck =
  | { kind: 'ok'; capability: Capability }
  /** Missing, malformed, or a signature that does not verify. */
  | { kind: 'bad' }
  /** A genuine token, but for another board. */
  | { kind: 'foreign'; capability: Capability; boardId: string };

export interface BoardTokens {
  issue(boardId: string, capability: Capability): string;
  check(token: string | null | undefined, boardId: string): TokenCheck;
}

export function loadTokenSecret(dataDir: string): Buffer {
  const encoded = readOrCreateSecret(path.join(dataDir, SECRET_FILE), () => crypto.randomBytes(32).toString('base64url'));
  const secret = Buffer.from(encoded, 'base64url');
  if (secret.length < 32) throw new Error(`${path.join(dataDir, SECRET_FILE)} holds fewer than 32 bytes of key; delete it to generate a new one (all board links change)`);
  return secret;
}

export function createBoardTokens(secret: Buffer): BoardTokens {
  const sign = (capability: Capability, boardId: string): Buffer =>
    crypto.createHmac('sha256', secret).update(`${capability}:${boardId}`).digest().subarray(0, SIGNATURE_BYTES);

  return {
    issue(boardId, capability) {
      if (!BOARD_ID_PATTERN.test(boardId)) throw new RangeError(`Not a board id: ${boardId}`);
      return `${PREFIX[capability]}_${boardId}.${sign(capability, boardId).toString('base64url')}`;
    },
    check(token, boardId) {
      const match = token ? TOKEN_PATTERN.exec(token) : null;
      if (!match) return { kind: 'bad' };
      const [, prefix, tokenBoardId, sig] = match as unknown as [string, string, string, string];
      if (!BOARD_ID_PATTERN.test(tokenBoardId)) return { kind: 'bad' };
      const capability: Capability = prefix === 'e' ? 'edit' : 'view';
      // Compare the encoded text, so a non-canonical base64 spelling of the right bytes is refused.
      const given = Buffer.from(sig, 'latin1');
      const expected = Buffer.from(sign(capability, tokenBoardId).toString('base64url'), 'latin1');
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { kind: 'bad' };
      if (tokenBoardId !== boardId) return { kind: 'foreign', capability, boardId: tokenBoardId };
      return { kind: 'ok', capability };
    },
  };
}

// Capability tokens for board links. A token names its board, its capability and the link's
// generation, and carries an HMAC over all three, so the server checks it without storing tokens
// and can tell a forged token (4401) from a real token of another board (4403) or a link that
// was replaced (4410). Rotating a link is one counter in the board's row (BoardRecord.generations):
// no secret changes, the other links of the board and of every other board stay as they are.
//
// Format: `<e|v>_<boardId>[.<generation>].<sig>`; the generation is left out when it is 0, so the
// links handed out before issue 8 keep working. sig = base64url(HMAC-SHA256(secret,
// `<edit|view>:<boardId>` or `<edit|view>:<boardId>:<generation>`)) cut to 128 bits (22 characters;
// RFC 2104 allows truncation to half the hash length).

import crypto from 'node:crypto';
import path from 'node:path';
import { BOARD_ID_PATTERN, type Capability } from '../../../shared/protocol';
import { readOrCreateSecret } from './secretFile';

export const SECRET_FILE = 'secret';

const SIGNATURE_BYTES = 16;
const PREFIX: Record<Capability, string> = { edit: 'e', view: 'v' };
const TOKEN_PATTERN = /^([ev])_([a-z0-9]+)(?:\.([1-9][0-9]{0,8}))?\.([A-Za-z0-9_-]{22})$/;

/** The current generation of each of a board's links; 0 until a link is first rotated. */
export type Generations = Record<Capability, number>;

export type TokenCheck =
  | { kind: 'ok'; capability: Capability }
  /** Missing, malformed, or a signature that does not verify. */
  | { kind: 'bad' }
  /** A genuine token, but for another board. */
  | { kind: 'foreign'; capability: Capability; boardId: string }
  /** A genuine token of this board whose link was rotated since (an older generation). */
  | { kind: 'replaced'; capability: Capability };

export interface BoardTokens {
  issue(boardId: string, capability: Capability, generation: number): string;
  check(token: string | null | undefined, boardId: string, generations: Generations): TokenCheck;
}

export function loadTokenSecret(dataDir: string): Buffer {
  const encoded = readOrCreateSecret(path.join(dataDir, SECRET_FILE), () => crypto.randomBytes(32).toString('base64url'));
  const secret = Buffer.from(encoded, 'base64url');
  if (secret.length < 32) throw new Error(`${path.join(dataDir, SECRET_FILE)} holds fewer than 32 bytes of key; delete it to generate a new one (all board links change)`);
  return secret;
}

/** HMAC input of a signed token: `<label>` at generation 0 (the format before issue 8), else `<label>:<generation>`. */
export function signedText(label: string, generation: number): string {
  return generation === 0 ? label : `${label}:${generation}`;
}

/** A 128-bit HMAC signature, base64url. */
export function signature(secret: Buffer, text: string): string {
  return crypto.createHmac('sha256', secret).update(text).digest().subarray(0, SIGNATURE_BYTES).toString('base64url');
}

/** Constant-time comparison of two signatures' encoded text (a non-canonical spelling is refused). */
export function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'latin1');
  const b = Buffer.from(expected, 'latin1');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function assertGeneration(generation: number): void {
  if (!Number.isSafeInteger(generation) || generation < 0 || generation > 999_999_999) throw new RangeError(`Not a link generation: ${generation}`);
}

export function createBoardTokens(secret: Buffer): BoardTokens {
  const sign = (capability: Capability, boardId: string, generation: number) => signature(secret, signedText(`${capability}:${boardId}`, generation));

  return {
    issue(boardId, capability, generation) {
      if (!BOARD_ID_PATTERN.test(boardId)) throw new RangeError(`Not a board id: ${boardId}`);
      assertGeneration(generation);
      const middle = generation === 0 ? '' : `.${generation}`;
      return `${PREFIX[capability]}_${boardId}${middle}.${sign(capability, boardId, generation)}`;
    },
    check(token, boardId, generations) {
      const match = token ? TOKEN_PATTERN.exec(token) : null;
      if (!match) return { kind: 'bad' };
      const [, prefix, tokenBoardId, generationText, sig] = match as unknown as [string, string, string, string | undefined, string];
      if (!BOARD_ID_PATTERN.test(tokenBoardId)) return { kind: 'bad' };
      const capability: Capability = prefix === 'e' ? 'edit' : 'view';
      const generation = generationText ? Number(generationText) : 0;
      if (!sameSignature(sig, sign(capability, tokenBoardId, generation))) return { kind: 'bad' };
      if (tokenBoardId !== boardId) return { kind: 'foreign', capability, boardId: tokenBoardId };
      // Only this board's current generation opens it; a later one cannot exist (it was never issued).
      if (generation !== generations[capability]) return generation < generations[capability] ? { kind: 'replaced', capability } : { kind: 'bad' };
      return { kind: 'ok', capability };
    },
  };
}

import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { bearerToken, createLeaderToken } from '../../server/src/auth/leaderToken';
import { createBoardTokens } from '../../server/src/auth/boardTokens';

const secret = crypto.randomBytes(32);

describe('the leader token', () => {
  it('is l_ and a signature, stable for a secret, different for another', () => {
    const leader = createLeaderToken(secret);
    expect(leader.token).toMatch(/^l_[A-Za-z0-9_-]{22}$/);
    expect(createLeaderToken(secret).token).toBe(leader.token);
    expect(createLeaderToken(crypto.randomBytes(32)).token).not.toBe(leader.token);
  });

  it('accepts only itself', () => {
    const leader = createLeaderToken(secret);
    expect(leader.check(leader.token)).toBe(true);
    const sig = leader.token.slice(2);
    const flipped = `l_${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    for (const wrong of [flipped, `${leader.token}x`, leader.token.slice(0, -1), `v_${sig}`, '', null, undefined, 'l_']) {
      expect(leader.check(wrong)).toBe(false);
    }
  });

  it('is no board token: it opens no board, with any capability', () => {
    const leader = createLeaderToken(secret);
    const boards = createBoardTokens(secret);
    expect(boards.check(leader.token, 'abcdefgh12345678')).toEqual({ kind: 'bad' });
  });

  it('bearerToken reads an Authorization header', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

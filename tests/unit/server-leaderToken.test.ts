import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import { bearerToken, createLeaderToken } from '../../server/src/auth/leaderToken';
import { createBoardTokens } from '../../server/src/auth/boardTokens';

const secret = crypto.randomBytes(32);

describe('the leader token', () => {
  it('is l_ and a signature, stable for a secret, different for another', () => {
    const leader = createLeaderToken(secret);
    expect(leader.token()).toMatch(/^l_[A-Za-z0-9_-]{22}$/);
    expect(createLeaderToken(secret).token()).toBe(leader.token());
    expect(createLeaderToken(crypto.randomBytes(32)).token()).not.toBe(leader.token());
  });

  it('accepts only itself', () => {
    const leader = createLeaderToken(secret);
    expect(leader.check(leader.token())).toBe(true);
    const sig = leader.token().slice(2);
    const flipped = `l_${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    for (const wrong of [flipped, `${leader.token()}x`, leader.token().slice(0, -1), `v_${sig}`, '', null, undefined, 'l_']) {
      expect(leader.check(wrong)).toBe(false);
    }
  });

  it('is no board token: it opens no board, with any capability', () => {
    const leader = createLeaderToken(secret);
    const boards = createBoardTokens(secret);
    expect(boards.check(leader.token(), 'abcdefgh12345678', { edit: 0, view: 0 })).toEqual({ kind: 'bad' });
  });

  it('a rotated leader link is replaced, the new one works, and a generation is bound to its signature', () => {
    const leader = createLeaderToken(secret);
    const before = leader.token();
    leader.setGeneration(1);
    const after = leader.token();
    expect(after).toMatch(/^l_1\.[A-Za-z0-9_-]{22}$/);
    expect(leader.verify(after)).toBe('ok');
    expect(leader.verify(before)).toBe('replaced');
    expect(leader.check(before)).toBe(false);
    // Generation 0's signature under another generation's number verifies as nothing.
    expect(leader.verify(`l_1.${before.slice(2)}`)).toBe('bad');
    expect(leader.verify(`l_5.${after.slice(4)}`)).toBe('bad');
    // After a restart the store's generation is given again and the same link works.
    expect(createLeaderToken(secret, 1).check(after)).toBe(true);
  });

  it('bearerToken reads an Authorization header', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

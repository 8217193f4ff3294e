import crypto from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createBoardTokens } from '../../server/src/auth/boardTokens';
import { capabilityOfToken } from '../../shared/protocol';

const tokens = createBoardTokens(crypto.randomBytes(32));
const otherServer = createBoardTokens(crypto.randomBytes(32));
const FIRST = { edit: 0, view: 0 };

describe('board capability tokens', () => {
  test('an issued token checks out for its board with its capability, and the client can read the capability', () => {
    const edit = tokens.issue('board123', 'edit', 0);
    const view = tokens.issue('board123', 'view', 0);
    expect(edit).toMatch(/^e_board123\.[A-Za-z0-9_-]{22}$/);
    expect(tokens.check(edit, 'board123', FIRST)).toEqual({ kind: 'ok', capability: 'edit' });
    expect(tokens.check(view, 'board123', FIRST)).toEqual({ kind: 'ok', capability: 'view' });
    expect(capabilityOfToken(edit)).toBe('edit');
    expect(capabilityOfToken(view)).toBe('view');
  });

  test('a genuine token of another board is foreign, not bad', () => {
    expect(tokens.check(tokens.issue('board456', 'view', 0), 'board123', FIRST)).toEqual({ kind: 'foreign', capability: 'view', boardId: 'board456' });
  });

  test.each([
    ['missing', undefined],
    ['empty', ''],
    ['junk', 'hello'],
    ['only a prefix', 'e_'],
    ['a view signature with an edit prefix', () => 'e' + tokens.issue('board123', 'view', 0).slice(1)],
    ['another server’s token', () => otherServer.issue('board123', 'edit', 0)],
    ['a signature of another board under this board’s id', () => `e_board123.${tokens.issue('board456', 'edit', 0).split('.')[1]}`],
    ['a forged foreign token', () => `e_board456.${tokens.issue('board123', 'edit', 0).split('.')[1]}`],
    ['an upper-case board id', () => tokens.issue('board123', 'edit', 0).replace('board123', 'BOARD123')],
    ['a padded signature', () => tokens.issue('board123', 'edit', 0) + '='],
  ])('%s is bad', (_name, token) => {
    const value = typeof token === 'function' ? token() : token;
    expect(tokens.check(value, 'board123', FIRST)).toEqual({ kind: 'bad' });
  });

  test('a non-canonical base64 spelling of the right signature is bad', () => {
    const token = tokens.issue('board123', 'edit', 0);
    const last = token.at(-1)!;
    // The last of 22 characters carries 2 bits; changing the low 4 bits keeps the bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = alphabet[alphabet.indexOf(last) ^ 1]!;
    expect(Buffer.from(token.slice(-22, -1) + twin, 'base64url')).toEqual(Buffer.from(token.slice(-22), 'base64url'));
    expect(tokens.check(token.slice(0, -1) + twin, 'board123', FIRST)).toEqual({ kind: 'bad' });
  });

  test('issuing for something that is not a board id throws', () => {
    expect(() => tokens.issue('../x', 'edit', 0)).toThrow(RangeError);
  });

  test('a token names its generation after the first; the generation is signed, and only the current one opens the board', () => {
    const first = tokens.issue('board123', 'edit', 0);
    const third = tokens.issue('board123', 'edit', 2);
    expect(third).toMatch(/^e_board123\.2\.[A-Za-z0-9_-]{22}$/);
    expect(capabilityOfToken(third)).toBe('edit');
    const now = { edit: 2, view: 0 };
    expect(tokens.check(third, 'board123', now)).toEqual({ kind: 'ok', capability: 'edit' });
    // Links handed out before: replaced, which the UI explains, not bad.
    expect(tokens.check(first, 'board123', now)).toEqual({ kind: 'replaced', capability: 'edit' });
    expect(tokens.check(tokens.issue('board123', 'edit', 1), 'board123', now)).toEqual({ kind: 'replaced', capability: 'edit' });
    // The view link has its own generation: replacing the edit link leaves it working.
    expect(tokens.check(tokens.issue('board123', 'view', 0), 'board123', now)).toEqual({ kind: 'ok', capability: 'view' });
    // Moving a signature to another generation does not verify.
    const sig = third.split('.').at(-1)!;
    expect(tokens.check(`e_board123.3.${sig}`, 'board123', { edit: 3, view: 0 })).toEqual({ kind: 'bad' });
    expect(tokens.check(`e_board123.${sig}`, 'board123', FIRST)).toEqual({ kind: 'bad' });
    // A generation that was never reached (a token from a restored, older store) opens nothing.
    expect(tokens.check(third, 'board123', FIRST)).toEqual({ kind: 'bad' });
    // The text of a generation is canonical.
    expect(tokens.check(third.replace('.2.', '.02.'), 'board123', now)).toEqual({ kind: 'bad' });
    expect(() => tokens.issue('board123', 'edit', -1)).toThrow(RangeError);
  });
});

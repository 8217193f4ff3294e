import crypto from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createBoardTokens } from '../../server/src/auth/boardTokens';
import { capabilityOfToken } from '../../shared/protocol';

const tokens = createBoardTokens(crypto.randomBytes(32));
const otherServer = createBoardTokens(crypto.randomBytes(32));

describe('board capability tokens', () => {
  test('an issued token checks out for its board with its capability, and the client can read the capability', () => {
    const edit = tokens.issue('board123', 'edit');
    const view = tokens.issue('board123', 'view');
    expect(edit).toMatch(/^e_board123\.[A-Za-z0-9_-]{22}$/);
    expect(tokens.check(edit, 'board123')).toEqual({ kind: 'ok', capability: 'edit' });
    expect(tokens.check(view, 'board123')).toEqual({ kind: 'ok', capability: 'view' });
    expect(capabilityOfToken(edit)).toBe('edit');
    expect(capabilityOfToken(view)).toBe('view');
  });

  test('a genuine token of another board is foreign, not bad', () => {
    expect(tokens.check(tokens.issue('board456', 'view'), 'board123')).toEqual({ kind: 'foreign', capability: 'view', boardId: 'board456' });
  });

  test.each([
    ['missing', undefined],
    ['empty', ''],
    ['junk', 'hello'],
    ['only a prefix', 'e_'],
    ['a view signature with an edit prefix', () => 'e' + tokens.issue('board123', 'view').slice(1)],
    ['another server’s token', () => otherServer.issue('board123', 'edit')],
    ['a signature of another board under this board’s id', () => `e_board123.${tokens.issue('board456', 'edit').split('.')[1]}`],
    ['a forged foreign token', () => `e_board456.${tokens.issue('board123', 'edit').split('.')[1]}`],
    ['an upper-case board id', () => tokens.issue('board123', 'edit').replace('board123', 'BOARD123')],
    ['a padded signature', () => tokens.issue('board123', 'edit') + '='],
  ])('%s is bad', (_name, token) => {
    const value = typeof token === 'function' ? token() : token;
    expect(tokens.check(value, 'board123')).toEqual({ kind: 'bad' });
  });

  test('a non-canonical base64 spelling of the right signature is bad', () => {
    const token = tokens.issue('board123', 'edit');
    const last = token.at(-1)!;
    // The last of 22 characters carries 2 bits; changing the low 4 bits keeps the bytes.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = alphabet[alphabet.indexOf(last) ^ 1]!;
    expect(Buffer.from(token.slice(-22, -1) + twin, 'base64url')).toEqual(Buffer.from(token.slice(-22), 'base64url'));
    expect(tokens.check(token.slice(0, -1) + twin, 'board123')).toEqual({ kind: 'bad' });
  });

  test('issuing for something that is not a board id throws', () => {
    expect(() => tokens.issue('../x', 'edit')).toThrow(RangeError);
  });
});

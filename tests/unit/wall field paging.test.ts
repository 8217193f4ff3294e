import { describe, expect, it } from 'vitest';
import { nextPageTop } from '../../client/src/wall/useFieldPaging';

describe('nextPageTop', () => {
  it('stands still when everything fits', () => {
    expect(nextPageTop(0, 500, 500)).toBe(0);
    expect(nextPageTop(0, 500, 300)).toBe(0);
  });

  it('pages down by most of a screen, never past the bottom, then starts over', () => {
    expect(nextPageTop(0, 500, 1200)).toBe(425);
    expect(nextPageTop(425, 500, 1200)).toBe(700);
    expect(nextPageTop(700, 500, 1200)).toBe(0);
  });

  it('goes back to the top when content shrank under the current position', () => {
    expect(nextPageTop(900, 500, 600)).toBe(0);
  });
});

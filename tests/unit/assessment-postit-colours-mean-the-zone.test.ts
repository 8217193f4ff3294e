import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZONES } from '../../shared/domain/zones';
import { MIN_CONTRAST, POSTIT_INK, UNASSESSED_POSTIT, contrast, postItFill } from '../../client/src/ideas/postItColor';

const theme = readFileSync(new URL('../../client/src/app/theme.css', import.meta.url), 'utf8');
function themeColour(name: string): string {
  const match = new RegExp(`--${name}:\\s*(#[0-9a-f]{3,6})`, 'i').exec(theme);
  if (!match) throw new Error(`theme.css has no --${name}`);
  return match[1]!;
}

/** Hue in degrees (0..360) of #rrggbb. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max === min) return 0;
  const d = max - min;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

describe('post-it colours mean the zone', () => {
  it('fills an assessed post-it with its zone tint and an unassessed one with the grey-blue', () => {
    for (const zone of ZONES) expect(postItFill(zone)).toBe(`var(--zone-${zone})`);
    expect(postItFill(null)).toBe(UNASSESSED_POSTIT);
  });

  it('gives unassessed post-its a colour far in hue from every zone tint', () => {
    for (const zone of ZONES) {
      const tint = themeColour(`zone-${zone}`);
      expect(UNASSESSED_POSTIT.toLowerCase()).not.toBe(tint.toLowerCase());
      expect(hueDistance(hue(UNASSESSED_POSTIT), hue(tint))).toBeGreaterThan(60);
    }
  });

  it('keeps the post-it text readable on every fill (WCAG AA 4.5:1)', () => {
    expect(contrast(UNASSESSED_POSTIT, POSTIT_INK)!).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(contrast(UNASSESSED_POSTIT, themeColour('ink-muted'))!).toBeGreaterThanOrEqual(MIN_CONTRAST);
    for (const zone of ZONES) {
      const tint = themeColour(`zone-${zone}`);
      expect(contrast(tint, POSTIT_INK)!).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(contrast(tint, themeColour(`zone-${zone}-ink`))!).toBeGreaterThanOrEqual(MIN_CONTRAST);
      expect(contrast(tint, themeColour('ink-muted'))!).toBeGreaterThanOrEqual(MIN_CONTRAST);
    }
  });
});

// Colour means the zone (issue 9): a post-it is filled with its zone's tint (theme.css
// --zone-*), and an unassessed one with a cool grey-blue no zone uses, with a dashed edge. The
// author's colour (data from other clients) is still used where a PERSON is shown, e.g. the name
// tag of someone dragging: only a light colour that keeps the dark text readable (contrast
// ≥ 4.5:1) is used; anything else falls back to the classic yellow.

import type { Zone } from '../../../shared/domain/zones';

export const DEFAULT_POSTIT = '#fff3a3';
/** The post-it text colour (theme.css --ink). */
export const POSTIT_INK = '#1a1a1a';
export const MIN_CONTRAST = 4.5;
/** An unassessed post-it: grey-blue, far in hue from the four zone tints (green, yellow, orange, red). */
export const UNASSESSED_POSTIT = '#dde5ef';

function channel(hex: string): number {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance (WCAG 2.1) of #rgb or #rrggbb; null for anything else. */
export function luminance(color: string): number | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!match) return null;
  let hex = match[1]!;
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  return 0.2126 * channel(hex.slice(0, 2)) + 0.7152 * channel(hex.slice(2, 4)) + 0.0722 * channel(hex.slice(4, 6));
}

export function contrast(a: string, b: string): number | null {
  const la = luminance(a);
  const lb = luminance(b);
  if (la === null || lb === null) return null;
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

export function postItColor(color: unknown): string {
  if (typeof color !== 'string') return DEFAULT_POSTIT;
  const ratio = contrast(color, POSTIT_INK);
  return ratio !== null && ratio >= MIN_CONTRAST ? color.trim().toLowerCase() : DEFAULT_POSTIT;
}

/** The fill of a post-it: its zone's tint, or the unassessed grey-blue. */
export function postItFill(zone: Zone | null): string {
  return zone ? `var(--zone-${zone})` : UNASSESSED_POSTIT;
}

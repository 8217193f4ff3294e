// A post-it's colour comes from the document (the author's colour), so it is data from other
// clients: only a light colour that keeps the dark post-it text readable (contrast ≥ 4.5:1) is
// used; anything else falls back to the classic yellow.

export const DEFAULT_POSTIT = '#fff3a3';
/** The post-it text colour (theme.css --ink). */
export const POSTIT_INK = '#1a1a1a';
export const MIN_CONTRAST = 4.5;

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

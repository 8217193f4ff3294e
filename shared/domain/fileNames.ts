// File names for downloads: safe on every system and in every browser.

const TRANSLITERATE: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'Ae', Ø: 'Oe', Å: 'Aa', ß: 'ss' };

/**
 * A file name stem from a goal's name: ASCII letters, digits and dashes (æøå spelled out,
 * accents dropped), at most 60 characters, never empty.
 */
export function safeFileStem(name: string, fallback = 'maal'): string {
  const ascii = name
    .replace(/[æøåÆØÅß]/g, (c) => TRANSLITERATE[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return ascii || fallback;
}

/**
 * A readable file name: the goal's name as written (æøå kept), without characters that a file
 * system or a header refuses (controls, quotes, slashes, `:*?<>|`), at most 80 characters,
 * then the day and the extension: `Andel breve sendt digitalt 2026-11-25.csv`.
 */
export function readableFileName(name: string, day: string, extension: string, fallback = 'maal'): string {
  const clean = name
    .replace(/[\u0000-\u001f\u007f"\\/:*?<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 80)
    .trim();
  return `${clean || fallback} ${day}.${extension}`;
}

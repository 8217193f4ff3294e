// Numbers typed by people: `12,5` (Danish), `12.5`, `1.250` (Danish thousands), `1,250.5`.

const THOUSANDS_DOT = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const THOUSANDS_COMMA = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/;

/**
 * Parse a number as a person wrote it, or null when it is not one. With `locale` 'da' a lone
 * `1.250` is one thousand two hundred and fifty; in English `1,250` is. A single separator that
 * cannot be a thousands group (`12,5`, `12.5`) is a decimal mark in either language.
 */
export function parseHumanNumber(input: string, locale: 'da' | 'en' = 'da'): number | null {
  const text = input.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/^−/, '-');
  if (text === '') return null;
  let normal: string | null = null;
  const danishThousands = THOUSANDS_DOT.test(text);
  const englishThousands = THOUSANDS_COMMA.test(text);
  if (danishThousands && (locale === 'da' || text.includes(','))) normal = text.replace(/\./g, '').replace(',', '.');
  else if (englishThousands && (locale === 'en' || text.includes('.'))) normal = text.replace(/,/g, '');
  else if (PLAIN.test(text)) normal = text.replace(',', '.');
  if (normal === null) return null;
  const value = Number(normal);
  return Number.isFinite(value) ? value : null;
}

/**
 * A number with an optional unit after it, as people write measurements: `71 %`, `12,5 dage`,
 * `1.250 kr.`. The suffix is `%` or the goal's own unit (case-insensitive); anything else that
 * is not a number gives null.
 */
export function parseNumberWithUnit(input: string, locale: 'da' | 'en' = 'da', unit = ''): number | null {
  let body = input.trim();
  const suffixes = ['%', unit.trim()].filter((s) => s !== '').sort((a, b) => b.length - a.length);
  for (const suffix of suffixes) {
    if (body.toLowerCase().endsWith(suffix.toLowerCase())) {
      body = body.slice(0, body.length - suffix.length).trim();
      break;
    }
  }
  return parseHumanNumber(body, locale);
}

/**
 * A number as plain text that parseHumanNumber reads back to the same value in either
 * language: no grouping, no exponent, the shortest digits that round-trip; `decimalMark` ','
 * for Danish spreadsheets.
 */
export function formatPlainNumber(value: number, decimalMark: '.' | ',' = '.'): string {
  let text = String(value);
  if (/e/i.test(text)) text = value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  return decimalMark === ',' ? text.replace('.', ',') : text;
}

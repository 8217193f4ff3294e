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

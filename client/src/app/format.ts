// The one set of date, time, number and period formats, in the UI language's locale (`1. okt. 2026`,
// `12,5`, `14.05`). Times of day are in the board's zone whatever the machine's. One cached set
// per locale: a board renders hundreds of cards, and building Intl formats per card cost ~80 ms
// of a full board's first render.

import { BOARD_TIME_ZONE } from '../../../shared/domain/calendar';
import { periodStart, parsePeriod } from '../../../shared/domain/periods';
import { INTL_LOCALE, pluralIn, useLocale, type Locale, type PluralForms } from './i18n';

export interface Formatters {
  locale: Locale;
  /** The plural form for `n` (Intl.PluralRules of the UI language), `{n}` filled in as a formatted number. */
  plural: (n: number, forms: PluralForms) => string;
  /** 12,5 / 1.250 in Danish. */
  number: (value: number, maximumFractionDigits?: number) => string;
  /** YYYY-MM-DD → `1. okt. 2026`. */
  date: (isoDate: string) => string;
  /** YYYY-MM-DD → `01.10.2026` (`01/10/2026` in English), as the date picker shows it. */
  dateDigits: (isoDate: string) => string;
  /** ISO timestamp → `25. nov. 2026` (the day in the board's zone). */
  day: (iso: string) => string;
  /** ISO timestamp → `14.05`. */
  time: (iso: string) => string;
  /** ISO timestamp → `9.00` (the hour without a leading zero, as after "kl."). */
  clock: (iso: string) => string;
  /** ISO timestamp → `25. nov. 2026 14.05`. */
  dateTime: (iso: string) => string;
  /** ISO timestamp → YYYY-MM-DD in the board's zone. */
  isoDay: (iso: string) => string;
  /** Period → `okt. 2026`, `uge 41 2026`, `1. kvt. 2026`. */
  period: (period: string) => string;
  /** Period, short: `okt.`, `u41`, `K1`. */
  periodShort: (period: string) => string;
}

function makeFormatters(locale: Locale): Formatters {
  const intl = INTL_LOCALE[locale];
  const inUtc = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intl, { ...options, timeZone: 'UTC' });
  const onBoard = (options: Intl.DateTimeFormatOptions, tag = intl) => new Intl.DateTimeFormat(tag, { ...options, timeZone: BOARD_TIME_ZONE });
  const dateFormat = inUtc({ day: 'numeric', month: 'short', year: 'numeric' });
  const digitsFormat = inUtc({ day: '2-digit', month: '2-digit', year: 'numeric' });
  const monthFormat = inUtc({ month: 'short', year: 'numeric' });
  const monthShort = inUtc({ month: 'short' });
  const dayFormat = onBoard({ day: 'numeric', month: 'short', year: 'numeric' });
  const timeFormat = onBoard({ hour: '2-digit', minute: '2-digit' });
  const clockFormat = onBoard({ hour: 'numeric', minute: '2-digit' });
  const isoDayFormat = onBoard({ year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA');
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const number = (value: number, maximumFractionDigits = 2) => {
    let format = numberFormats.get(maximumFractionDigits);
    if (!format) {
      format = new Intl.NumberFormat(intl, { maximumFractionDigits });
      numberFormats.set(maximumFractionDigits, format);
    }
    return format.format(value);
  };
  /** A calendar date (YYYY-MM-DD); what is not one is shown as it came. */
  const calendarDate = (format: Intl.DateTimeFormat) => (isoDate: string) => {
    const d = new Date(`${isoDate}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? isoDate : format.format(d);
  };
  /** A timestamp; what is not one is shown as nothing. */
  const instant = (format: Intl.DateTimeFormat) => (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? '' : format.format(d);
  };
  const day = instant(dayFormat);
  const time = instant(timeFormat);
  const week = locale === 'da' ? 'uge' : 'week';
  const quarter = locale === 'da' ? 'kvt.' : 'Q';
  return {
    locale,
    number,
    plural: (n, forms) => pluralIn(locale, n, forms, (value) => number(value)),
    date: calendarDate(dateFormat),
    dateDigits: calendarDate(digitsFormat),
    day,
    time,
    clock: instant(clockFormat),
    dateTime: (iso) => {
      const shown = day(iso);
      return shown ? `${shown} ${time(iso)}` : iso;
    },
    isoDay: instant(isoDayFormat),
    period: (period) => {
      const p = parsePeriod(period);
      if (!p) return period;
      if (p.frequency === 'monthly') return monthFormat.format(periodStart(period));
      if (p.frequency === 'weekly') return `${week} ${p.number} ${p.year}`;
      return locale === 'da' ? `${p.number}. ${quarter} ${p.year}` : `Q${p.number} ${p.year}`;
    },
    periodShort: (period) => {
      const p = parsePeriod(period);
      if (!p) return period;
      if (p.frequency === 'monthly') return monthShort.format(periodStart(period));
      if (p.frequency === 'weekly') return `${locale === 'da' ? 'u' : 'w'}${p.number}`;
      return `${locale === 'da' ? 'K' : 'Q'}${p.number}`;
    },
  };
}

const byLocale = new Map<Locale, Formatters>();

/** The formats of a UI language (built once per language). */
export function formattersFor(locale: Locale): Formatters {
  let formatters = byLocale.get(locale);
  if (!formatters) {
    formatters = makeFormatters(locale);
    byLocale.set(locale, formatters);
  }
  return formatters;
}

/** The formats of the current UI language. */
export function useFormat(): Formatters {
  return formattersFor(useLocale());
}

// UI language and locale formats. Danish by default, English on request; each feature folder
// keeps its own messages (see `defineMessages`) so features do not share one big dictionary.

import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { useCallback, useMemo } from 'react';
import { periodStart, parsePeriod } from '../../../shared/domain/periods';

export type Locale = 'da' | 'en';
export const LOCALES: readonly Locale[] = ['da', 'en'];

/** Intl locale per UI language. */
export const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const useLocaleStore = create<LocaleState>()(
  persist((set) => ({ locale: 'da', setLocale: (locale) => set({ locale }) }), { name: 'maaltavle.locale' }),
);

export function useLocale(): Locale {
  return useLocaleStore((s) => s.locale);
}

/** Messages of one feature: Danish is the source, English must have every key. */
export type MessageBundle<K extends string> = { da: Record<K, string>; en: Record<K, string> };

export function defineMessages<K extends string>(bundle: MessageBundle<K>): MessageBundle<K> {
  return bundle;
}

export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

export function interpolate(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Translate with a feature's bundle in the current UI language; `{name}` placeholders are filled from vars. */
export function useT<K extends string>(bundle: MessageBundle<K>): Translate<K> {
  const locale = useLocale();
  return useCallback((key: K, vars?: Record<string, string | number>) => interpolate(bundle[locale][key], vars), [bundle, locale]);
}

export interface Formatters {
  locale: Locale;
  /** 12,5 / 1.250 in Danish. */
  number: (value: number, maximumFractionDigits?: number) => string;
  /** YYYY-MM-DD → `1. okt. 2026`. */
  date: (isoDate: string) => string;
  /** ISO timestamp → `25. nov. 2026 14.05`. */
  dateTime: (iso: string) => string;
  /** Period → `okt. 2026`, `uge 41 2026`, `1. kvt. 2026`. */
  period: (period: string) => string;
  /** Period, short: `okt.`, `u41`, `K1`. */
  periodShort: (period: string) => string;
}

export function makeFormatters(locale: Locale): Formatters {
  const intl = INTL_LOCALE[locale];
  const dateFormat = new Intl.DateTimeFormat(intl, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
  const monthFormat = new Intl.DateTimeFormat(intl, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthShort = new Intl.DateTimeFormat(intl, { month: 'short', timeZone: 'UTC' });
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const number = (value: number, maximumFractionDigits = 2) => {
    let format = numberFormats.get(maximumFractionDigits);
    if (!format) {
      format = new Intl.NumberFormat(intl, { maximumFractionDigits });
      numberFormats.set(maximumFractionDigits, format);
    }
    return format.format(value);
  };
  const week = locale === 'da' ? 'uge' : 'week';
  const quarter = locale === 'da' ? 'kvt.' : 'Q';
  return {
    locale,
    number,
    date: (isoDate) => {
      const d = new Date(`${isoDate}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? isoDate : dateFormat.format(d);
    },
    dateTime: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
    },
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

export function useFormat(): Formatters {
  const locale = useLocale();
  return useMemo(() => makeFormatters(locale), [locale]);
}

// UI language and locale formats. Danish by default, English on request; each feature folder
// keeps its own messages (see `defineMessages`) so features do not share one big dictionary.

import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { useCallback } from 'react';

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

/** `{n, plural, one {# åben} other {# åbne}}`: a counted phrase inside a message (`#` is the number). */
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

/**
 * Fill a message: `{name}` from vars, and `{name, plural, one {…} other {…}}` with the form the
 * language's plural rules choose for the number in vars (`#` in the form is that number), so a
 * message says `1 åben · 2 forsinkede` whichever screen shows it.
 */
export function interpolate(template: string, vars?: Record<string, string | number>, locale: Locale = 'da'): string {
  if (!vars) return template;
  return template
    .replace(PLURAL, (whole, name: string, one: string, other: string) => {
      const n = Number(vars[name]);
      return name in vars && Number.isFinite(n) ? pluralIn(locale, n, { one, other }).replace(/#/g, String(vars[name])) : whole;
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Translate with a feature's bundle in the current UI language; `{name}` placeholders are filled from vars. */
export function useT<K extends string>(bundle: MessageBundle<K>): Translate<K> {
  const locale = useLocale();
  return useCallback((key: K, vars?: Record<string, string | number>) => interpolate(bundle[locale][key], vars, locale), [bundle, locale]);
}

/** The forms a counted phrase needs; `{n}` in a form is replaced by the formatted count. */
export interface PluralForms {
  one: string;
  other: string;
}

/**
 * The form of a counted phrase for `n` in a UI language, chosen by the language's plural rules
 * (`1 åben`, `2 åbne`; `1 month`, `0 months`), with `{n}` filled in.
 */
export function pluralIn(locale: Locale, n: number, forms: PluralForms, formatNumber: (n: number) => string = String): string {
  const form = pluralRules(locale).select(n) === 'one' ? forms.one : forms.other;
  return interpolate(form, { n: formatNumber(n) });
}

const rulesByLocale = new Map<Locale, Intl.PluralRules>();
function pluralRules(locale: Locale): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(INTL_LOCALE[locale]);
    rulesByLocale.set(locale, rules);
  }
  return rules;
}

/** A person's name without a role in parentheses after it: `Mette (gevinstansvarlig)` → `Mette`. */
export function bareName(name: string): string {
  const bare = name.replace(/\s*\([^()]*\)\s*$/, '').trim();
  return bare || name.trim();
}

/**
 * The genitive of a person's name, role left out: `Mettes`, `Lars'`, `Max'` (s, x, z take an
 * apostrophe) in Danish; `Mette’s` in English.
 */
export function possessive(name: string, locale: Locale): string {
  const bare = bareName(name);
  if (locale === 'en') return `${bare}’s`;
  return /[sxz]$/i.test(bare) ? `${bare}'` : `${bare}s`;
}

// Dansk / English switch.
import { LOCALES, useLocaleStore } from './i18n';

const NAMES = { da: 'Dansk', en: 'English' } as const;

export function LanguageSwitch() {
  const { locale, setLocale } = useLocaleStore();
  return (
    <div className="language-switch" role="group" aria-label={locale === 'da' ? 'Sprog' : 'Language'}>
      {LOCALES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === locale} onClick={() => setLocale(l)}>
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}

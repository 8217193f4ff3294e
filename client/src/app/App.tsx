// Top-level component: picks the page from the URL, keeps <html lang> in step with the UI language,
// and gives every react-aria component the UI's locale (not the browser's: the build keeps only
// react-aria's da-DK and en-GB strings, so a browser set to en-US or de-DE would find none).

import { useEffect } from 'react';
import { I18nProvider } from 'react-aria-components';
import { INTL_LOCALE, useLocale } from './i18n';
import { parseRoute, useLocationKey } from './route';
import { StartPage } from '../start/StartPage';
import { BoardPage } from '../board/BoardPage';
import { OverviewPage } from '../overview/OverviewPage';
import { Announcer } from './announcer';

export function App() {
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  useLocationKey();
  const route = parseRoute(window.location);
  return (
    <I18nProvider locale={INTL_LOCALE[locale]}>
      {route.page === 'board' ? <BoardPage key={route.boardId} boardId={route.boardId} token={route.token} /> : route.page === 'overview' ? <OverviewPage /> : <StartPage />}
      <Announcer />
    </I18nProvider>
  );
}

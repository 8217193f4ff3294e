// Top-level component: picks the page from the URL and keeps <html lang> in step with the UI language.

import { useEffect } from 'react';
import { useLocale } from './i18n';
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
    <>
      {route.page === 'board' ? <BoardPage key={route.boardId} boardId={route.boardId} token={route.token} /> : route.page === 'overview' ? <OverviewPage /> : <StartPage />}
      <Announcer />
    </>
  );
}

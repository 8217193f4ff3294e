// On the admin's start page: the way to the leader overview and the leader link to hand out.

import { useState } from 'react';
import { useT } from '../app/i18n';
import { fetchLeaderLink } from './overviewApi';
import { overviewMessages } from './messages';
import './overview.css';

export function LeaderTools({ adminToken }: { adminToken: string }) {
  const t = useT(overviewMessages);
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      const { link } = await fetchLeaderLink(adminToken);
      try {
        await navigator.clipboard.writeText(link);
        setStatus(t('copied'));
      } catch {
        window.prompt(t('copyLeaderLink'), link);
      }
    } catch (error) {
      setStatus(t('leaderLinkFailed', { error: error instanceof Error ? error.message : String(error) }));
    }
  };
  return (
    <section className="card leader-tools" aria-label={t('overviewLink')} data-testid="leader-tools">
      <a className="overview-link" href="/overblik" data-testid="overview-link">
        {t('overviewLink')}
      </a>
      <button type="button" onClick={copy} data-testid="copy-leader-link">
        {t('copyLeaderLink')}
      </button>
      <span role="status">{status}</span>
      <p className="muted">{t('leaderLinkHelp')}</p>
    </section>
  );
}

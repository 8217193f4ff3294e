// On the admin's start page: the way to the leader overview, the leader link to hand out, and
// replacing it (issue 8) when it reached someone it should not have.

import { useState } from 'react';
import { useT } from '../app/i18n';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { fetchLeaderLink, rotateLeaderLink } from './overviewApi';
import { overviewMessages } from './messages';
import './overview.css';

export function LeaderTools({ adminToken }: { adminToken: string }) {
  const t = useT(overviewMessages);
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const rotate = async () => {
    setBusy(true);
    try {
      await rotateLeaderLink(adminToken);
      setStatus(t('rotatedLeader'));
    } catch (error) {
      setStatus(t('leaderLinkFailed', { error: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
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
      <button type="button" onClick={() => setConfirming(true)} data-testid="rotate-leader-link">
        {t('rotateLeaderLink')}
      </button>
      <span role="status">{status}</span>
      {confirming && (
        <ConfirmDialog
          title={t('rotateLeaderTitle')}
          confirmLabel={t('rotateLeaderConfirm')}
          cancelLabel={t('cancel')}
          busy={busy}
          onConfirm={() => void rotate()}
          onClose={() => setConfirming(false)}
          testId="rotate-leader-dialog"
        >
          <p>{t('rotateLeaderText')}</p>
        </ConfirmDialog>
      )}
      <p className="muted">{t('leaderLinkHelp')}</p>
    </section>
  );
}

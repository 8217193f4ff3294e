// Shown when the client stopped for good: the server refuses the link (close codes 4401, 4403,
// 4404 — also when the board was deleted while open — and 4410 for a link the admin replaced), or this browser holds a change the server will never take (4413 past the board's
// bounds, 1009 over the frame limit; issue 8), which only a fresh copy from the server gets past.

import { useState } from 'react';
import { useT } from '../app/i18n';
import { useBoardConnection, useConnectionState } from '../sync/BoardProvider';
import { CloseCode, meansUnstorableChange } from '../../../shared/protocol';
import { boardMessages } from './messages';

export function DeniedNotice() {
  const t = useT(boardMessages);
  const code = useConnectionState((s) => s.deniedCode);
  const connection = useBoardConnection();
  const [reloading, setReloading] = useState(false);
  if (code !== null && meansUnstorableChange(code)) {
    return (
      <main className="denied" data-testid="unstorable-change" data-code={code}>
        <h1>{t('unstorableTitle')}</h1>
        <p role="alert">{code === 1009 ? t('unstorable1009') : t('unstorable4413')}</p>
        <p>{t('unstorableHelp')}</p>
        <p>
          <button
            type="button"
            disabled={reloading}
            onClick={() => {
              setReloading(true);
              void connection.discardLocalCopy();
            }}
          >
            {t('reloadFromServer')}
          </button>
        </p>
      </main>
    );
  }
  const reason = code === CloseCode.foreignToken ? t('denied4403') : code === CloseCode.unknownBoard ? t('denied4404') : code === CloseCode.linkReplaced ? t('denied4410') : t('denied4401');
  return (
    <main className="denied" data-testid="denied" data-code={code ?? undefined}>
      <h1>{t('deniedTitle')}</h1>
      <p role="alert">{reason}</p>
      <p>
        <a href="/">{t('toStart')}</a>
      </p>
    </main>
  );
}

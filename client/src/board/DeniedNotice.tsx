// Shown when the server refuses the link for good (close codes 4401, 4403, 4404).

import { useT } from '../app/i18n';
import { useConnectionState } from '../sync/BoardProvider';
import { boardMessages } from './messages';

export function DeniedNotice() {
  const t = useT(boardMessages);
  const code = useConnectionState((s) => s.deniedCode);
  const reason = code === 4403 ? t('denied4403') : code === 4404 ? t('denied4404') : t('denied4401');
  return (
    <main className="denied">
      <h1>{t('deniedTitle')}</h1>
      <p role="alert">{reason}</p>
      <p>
        <a href="/">{t('toStart')}</a>
      </p>
    </main>
  );
}

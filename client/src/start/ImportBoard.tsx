// "Importér tavle": a new board from a file that "Hent en kopi (JSON)" or the export API gave
// (POST /api/boards/import, issue 8). The file is read in the browser and sent as it is; the
// server checks it and says what is wrong.

import { useRef, useState } from 'react';
import { useT } from '../app/i18n';
import { importBoard } from './adminApi';
import { startMessages } from './messages';

export function ImportBoard({ adminToken, onDone, onError }: { adminToken: string; onDone: (notice: string) => void; onError: (error: unknown) => void }) {
  const t = useT(startMessages);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const created = await importBoard(adminToken, await file.text());
      onDone(t('imported', { title: created.title, ideas: created.imported.ideas, actions: created.imported.actions }));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <label className="import-board">
      <span>{t('importBoard')}</span>
      <input ref={input} type="file" accept="application/json,.json" disabled={busy} onChange={(event) => void onFile(event.target.files?.[0])} data-testid="import-board" />
    </label>
  );
}

// The admin's controls on one board of the start page (issue 8): replace the edit or the view
// link (the old one stops working at once, also for who has the board open) and delete the
// board, each after a confirmation that says what happens.

import { useState } from 'react';
import { useT } from '../app/i18n';
import { ConfirmDialog } from '../app/ConfirmDialog';
import { boardJsonUrl, deleteBoard, rotateBoardLink, type BoardListing } from './adminApi';
import { startMessages } from './messages';

type Pending = 'edit' | 'view' | 'delete';

export function BoardAdminActions({ board, adminToken, onDone, onError }: { board: BoardListing; adminToken: string; onDone: (notice: string) => void; onError: (error: unknown) => void }) {
  const t = useT(startMessages);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (what: Pending) => {
    setBusy(true);
    try {
      if (what === 'delete') {
        await deleteBoard(adminToken, board.id);
        onDone(t('deleted', { title: board.title }));
      } else {
        await rotateBoardLink(adminToken, board.id, what);
        onDone(t(what === 'edit' ? 'rotatedEdit' : 'rotatedView', { title: board.title }));
      }
      setPending(null);
    } catch (error) {
      setPending(null);
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="board-admin" role="group" aria-label={t('manage', { title: board.title })}>
      <button type="button" onClick={() => setPending('edit')} data-testid="rotate-edit">
        {t('rotateEdit')}
      </button>
      <button type="button" onClick={() => setPending('view')} data-testid="rotate-view">
        {t('rotateView')}
      </button>
      <button type="button" className="danger" onClick={() => setPending('delete')} data-testid="delete-board">
        {t('deleteBoard')}
      </button>
      {pending === 'delete' && (
        <ConfirmDialog
          title={t('deleteTitle', { title: board.title })}
          confirmLabel={t('deleteConfirm')}
          cancelLabel={t('cancel')}
          danger
          busy={busy}
          onConfirm={() => void run('delete')}
          onClose={() => setPending(null)}
          testId="delete-board-dialog"
        >
          <p>{t('deleteText')}</p>
          <p>
            <a href={boardJsonUrl(board.id, board.links.edit)} download>
              {t('downloadFirst')}
            </a>
          </p>
        </ConfirmDialog>
      )}
      {(pending === 'edit' || pending === 'view') && (
        <ConfirmDialog
          title={t(pending === 'edit' ? 'rotateEditTitle' : 'rotateViewTitle', { title: board.title })}
          confirmLabel={t('rotateConfirm')}
          cancelLabel={t('cancel')}
          busy={busy}
          onConfirm={() => void run(pending)}
          onClose={() => setPending(null)}
          testId="rotate-link-dialog"
        >
          <p>{t(pending === 'edit' ? 'rotateEditText' : 'rotateViewText')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

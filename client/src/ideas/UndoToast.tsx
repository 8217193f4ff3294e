// "Idé slettet · Fortryd" for ten seconds after a post-it is deleted. Undo puts the post-it back
// from the snapshot taken when it was deleted (restoreIdea: same id, so an action made from it
// points at it again). Independent of the board-wide Ctrl+Z: it undoes exactly this deletion,
// even when others have changed the board since.

import { useEffect, useRef, useState } from 'react';
import { useTryWrite } from '../board/limitMessage';
import { restoreIdea, type IdeaSnapshot } from '../../../shared/schema';
import { useT } from '../app/i18n';
import { useBoardDoc } from '../sync/BoardProvider';
import { ideasMessages } from './messages';
import { announce } from '../app/announcer';

export const UNDO_MS = 10_000;

export interface Deleted {
  snapshot: IdeaSnapshot;
  text: string;
  /** Changes with every deletion, so a second deletion restarts the timer. */
  key: number;
}

export function UndoToast({ deleted, onDone }: { deleted: Deleted; onDone: () => void }) {
  const t = useT(ideasMessages);
  const doc = useBoardDoc();
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    const timer = setTimeout(() => done.current(), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted.key]);

  const tryWrite = useTryWrite();
  const [refused, setRefused] = useState<string | null>(null);

  const undo = () => {
    // The board may have filled up since the deletion: then it says so and the toast stays.
    const limit = tryWrite(() => restoreIdea(doc, deleted.snapshot));
    if (limit) {
      setRefused(limit);
      announce(limit);
      return;
    }
    announce(t('undone', { text: deleted.text }));
    done.current();
    // Back to the post-it that came back: its menu, where Slet was chosen.
    requestAnimationFrame(() => {
      document.querySelector<HTMLElement>(`[data-field=ideas] [data-idea-id="${CSS.escape(deleted.snapshot.id)}"] [data-testid=idea-menu]`)?.focus();
    });
  };

  return (
    <div className="undo-toast" role="status" data-testid="undo-toast">
      <span>{refused ?? t('deletedToast', { text: deleted.text })}</span>
      <button type="button" onClick={undo} data-testid="undo-delete">
        {t('undo')}
      </button>
    </div>
  );
}

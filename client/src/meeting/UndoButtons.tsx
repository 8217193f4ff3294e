// Fortryd / Gentag in the board header: undo and redo of one's own changes (also Ctrl+Z,
// Ctrl+Shift+Z and Ctrl+Y outside text fields; see sync/undo.ts).

import { useT } from '../app/i18n';
import { useBoardDoc } from '../sync/BoardProvider';
import { undoFor, useUndoShortcuts, useUndoState } from '../sync/undo';
import { meetingMessages } from './messages';

export function UndoButtons() {
  const t = useT(meetingMessages);
  const doc = useBoardDoc();
  const { canUndo, canRedo } = useUndoState(doc);
  useUndoShortcuts(doc, true);
  return (
    <div className="undo-buttons" role="group" aria-label={`${t('undo')} / ${t('redo')}`}>
      <button type="button" onClick={() => undoFor(doc).manager.undo()} disabled={!canUndo} title={t('undoHelp')} aria-keyshortcuts="Control+Z" data-testid="undo">
        <span aria-hidden="true">↶ </span>
        {t('undo')}
      </button>
      <button type="button" onClick={() => undoFor(doc).manager.redo()} disabled={!canRedo} title={t('redoHelp')} aria-keyshortcuts="Control+Shift+Z Control+Y" data-testid="redo">
        <span aria-hidden="true">↷ </span>
        {t('redo')}
      </button>
    </div>
  );
}

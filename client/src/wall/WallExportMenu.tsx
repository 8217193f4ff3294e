// The wall shows no controls. A leader who opens the view link on a laptop still needs the
// exports: a small "Eksport" menu that appears when someone moves the pointer, touches the
// screen or presses a key, and goes again after a while without input (or at once with Escape).
// An unattended wall screen therefore never shows it.

import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../app/i18n';
import { exportUrl } from '../goals/ExportMenu';
import { currentBoardToken } from '../ideas/draftsClient';
import { useBoardConnection, useGoals } from '../sync/BoardProvider';
import { wallMessages } from './messages';

/** How long the menu stays after the last input. */
const SHOWN_MS = 8000;

/** Whether someone used pointer, touch or keyboard in the last SHOWN_MS. */
function useRecentInput(): boolean {
  const [recent, setRecent] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onInput = () => {
      setRecent(true);
      clearTimeout(timer);
      timer = setTimeout(() => setRecent(false), SHOWN_MS);
    };
    const events = ['pointermove', 'pointerdown', 'keydown'] as const;
    for (const name of events) window.addEventListener(name, onInput, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, onInput);
    };
  }, []);
  return recent;
}

export function WallExportMenu() {
  const t = useT(wallMessages);
  const recent = useRecentInput();
  const [open, setOpen] = useState(false);
  const { boardId } = useBoardConnection();
  const goals = useGoals();
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const token = currentBoardToken();
  // While focused it stays too (CSS :focus-within), so a keyboard user is never left on nothing.
  const shown = recent || open;

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    const onPointer = (event: PointerEvent) => !root.current?.contains(event.target as Node) && setOpen(false);
    window.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const actions = (format: 'csv' | 'xlsx') => `/api/boards/${encodeURIComponent(boardId)}/actions/export.${format}?token=${encodeURIComponent(token)}`;
  return (
    <div ref={root} className={`wall-export${shown ? ' is-shown' : ''}`} data-testid="wall-export">
      <button type="button" className="wall-export-button" aria-expanded={open} aria-controls={menuId} aria-label={t('exportsLabel')} onClick={() => setOpen((o) => !o)} data-testid="wall-export-button">
        {t('exports')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul id={menuId} className="wall-export-list">
          <li>
            <a href={actions('csv')} download>
              {t('exportActionsCsv')}
            </a>
          </li>
          <li>
            <a href={actions('xlsx')} download>
              {t('exportActionsXlsx')}
            </a>
          </li>
          {goals.map((goal) => (
            <li key={goal.id}>
              <a href={exportUrl(boardId, goal.id, 'csv', token)} download>
                {t('exportGoalCsv', { name: goal.name })}
              </a>
              {' · '}
              <a href={exportUrl(boardId, goal.id, 'xlsx', token)} download>
                Excel
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

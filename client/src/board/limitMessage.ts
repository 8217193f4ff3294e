// What the UI says when the board's bounds (shared/limits.ts) refuse or cut something, in one
// place for every field: a full collection, a full document, a text cut to its longest length.

import { BoardLimitError } from '../../../shared/limits';
import type { ClipboardEvent } from 'react';
import { useCallback } from 'react';
import type { Translate } from '../app/i18n';
import { useT } from '../app/i18n';
import { useFormat } from '../app/format';
import { boardMessages } from './messages';
import type { BoardMessageKey } from './messages';

/** The message for an error a writer threw, or null when it is not a board limit (rethrow it). */
export function limitMessage(error: unknown, t: Translate<BoardMessageKey>, number: (n: number) => string = String): string | null {
  if (!(error instanceof BoardLimitError)) return null;
  if (error.detail.limit === 'bytes') return t('limitBytes');
  const { root, max } = error.detail;
  const key = root === 'goals' || root === 'ideas' || root === 'actions' ? (`limitEntries_${root}` as const) : 'limitEntries';
  return t(key, { max: number(max) });
}

/** Run a writer; a board limit becomes its message (for a status line), anything else is thrown. */
export type TryWrite = (write: () => void) => string | null;

/** `tryWrite` in the UI language, numbers formatted (`1.000`). */
export function useTryWrite(): TryWrite {
  const t = useT(boardMessages);
  const format = useFormat();
  return useCallback(
    (write: () => void) => {
      try {
        write();
        return null;
      } catch (error) {
        const message = limitMessage(error, t, (n) => format.number(n));
        if (message === null) throw error;
        return message;
      }
    },
    [t, format],
  );
}

/** The message for a text cut to its longest length (`limitText`), number formatted. */
export function useCutMessage(max: number): string {
  const t = useT(boardMessages);
  return t('limitText', { max: useFormat().number(max) });
}

/**
 * Whether a paste into a field will be cut by its maxLength: the browser cuts it silently, so the
 * field says so (`limitText`) instead (a 3 MB paste must not pass unnoticed, issue 8).
 */
export function pasteIsCut(event: ClipboardEvent<HTMLTextAreaElement | HTMLInputElement>, max: number): boolean {
  const field = event.currentTarget;
  const pasted = event.clipboardData.getData('text').length;
  const selected = (field.selectionEnd ?? field.value.length) - (field.selectionStart ?? field.value.length);
  return field.value.length - selected + pasted > max;
}

// What the UI says when the board's bounds (shared/limits.ts) refuse or cut something, in one
// place for every field: a full collection, a full document, a text cut to its longest length.

import { BoardLimitError } from '../../../shared/limits';
import type { Translate } from '../app/i18n';
import type { BoardMessageKey } from './messages';

/** The message for an error a writer threw, or null when it is not a board limit (rethrow it). */
export function limitMessage(error: unknown, t: Translate<BoardMessageKey>): string | null {
  if (!(error instanceof BoardLimitError)) return null;
  return error.detail.limit === 'entries' ? t('limitEntries', { max: error.detail.max }) : t('limitBytes');
}

/** Run a writer; a board limit becomes its message (for a status line), anything else is thrown. */
export function tryWrite(write: () => void, t: Translate<BoardMessageKey>): string | null {
  try {
    write();
    return null;
  } catch (error) {
    const message = limitMessage(error, t);
    if (message === null) throw error;
    return message;
  }
}

// Rebuild a board document from its stored updates. A stored row that does not apply (junk
// from a bug, a torn write) is skipped and logged, so one bad row never makes a board unopenable;
// the next compaction drops it.

import * as Y from 'yjs';
import type { Logger } from '../log';
import type { BoardStore } from './store';

export interface LoadedDoc {
  doc: Y.Doc;
  /** Rows read, including skipped ones. */
  rows: number;
  skipped: number;
}

export async function loadDoc(store: BoardStore, boardId: string, log: Logger): Promise<LoadedDoc> {
  const updates = await store.loadUpdates(boardId);
  const doc = new Y.Doc();
  let skipped = 0;
  // One transaction for all rows: observers and the update event run once, not per row.
  doc.transact(() => {
    for (const { seq, data } of updates) {
      try {
        Y.applyUpdate(doc, data);
      } catch (error) {
        skipped++;
        log.warn('skipped a stored update that does not apply', { boardId, seq, bytes: data.byteLength, error });
      }
    }
  });
  return { doc, rows: updates.length, skipped };
}

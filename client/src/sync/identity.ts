// Who I am on boards: a name asked once and a colour, remembered in this browser.

import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { newId } from '../../../shared/ids';
import { newDraftKey } from '../../../shared/domain/drafts';

/** Post-it and presence colours; each is light enough for dark text (contrast ≥ 7:1 with #1a1a1a). */
export const PERSON_COLORS = ['#fff3a3', '#ffd6a5', '#caffbf', '#a0e7e5', '#bdb2ff', '#ffc6ff', '#d0f4de', '#fde2e4'] as const;

export function colorForName(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PERSON_COLORS[hash % PERSON_COLORS.length]!;
}

interface IdentityState {
  name: string;
  color: string;
  /** Stable per-browser participant id (turn order in rounds; public, shown to others). */
  id: string;
  /** Secret key that owns this browser's hidden ideas on the server; never in the document or awareness. */
  draftKey: string;
  setName: (name: string) => void;
}

export const useIdentity = create<IdentityState>()(
  persist(
    (set) => ({
      name: '',
      color: PERSON_COLORS[0],
      id: newId(),
      draftKey: newDraftKey(),
      setName: (name) => set({ name: name.trim(), color: colorForName(name.trim()) }),
    }),
    {
      name: 'maaltavle.identity',
      // Identities stored before ids existed get them now (kept from then on).
      merge: (persisted, current) => {
        const stored = (persisted ?? {}) as Partial<IdentityState>;
        return { ...current, ...stored, id: stored.id || current.id, draftKey: stored.draftKey || current.draftKey };
      },
    },
  ),
);

// Write the id and draft key at once, so they are the same on the next visit.
useIdentity.setState((s) => ({ id: s.id, draftKey: s.draftKey }));

// Who I am on boards: a name asked once and a colour, remembered in this browser.

import { create } from 'zustand';
import { persist } from 'zustand/middleware';

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
  setName: (name: string) => void;
}

export const useIdentity = create<IdentityState>()(
  persist(
    (set) => ({
      name: '',
      color: PERSON_COLORS[0],
      setName: (name) => set({ name: name.trim(), color: colorForName(name.trim()) }),
    }),
    { name: 'maaltavle.identity' },
  ),
);

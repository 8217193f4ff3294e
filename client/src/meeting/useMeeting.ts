// React access to the meeting state, the minutes and the facilitator: typed, cached views over
// the `meeting` root, meta.meetingMinutes and (for the facilitator, issue 9) the `brainstorm`
// root, re-read only when those change (like sync/boardViews.ts does for the four fields).

import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { create } from 'zustand';
import { roots } from '../../../shared/schema';
import { readFacilitator, readMeeting, readMinutes, readPreferredDuration, type Meeting, type MeetingMinutes } from '../../../shared/schema/meeting';
import type { Participant } from '../../../shared/domain/rounds';
import { AGENDA, type AgendaField } from '../../../shared/domain/meetingTimer';
import { useBoardDoc } from '../sync/BoardProvider';

type RootKey = 'meeting' | 'meta' | 'brainstorm';

interface CachedView<T> {
  subscribe: (listener: () => void) => () => void;
  get: () => T;
}

const views = new WeakMap<Y.Doc, Map<(doc: Y.Doc) => unknown, CachedView<unknown>>>();

function docView<T>(doc: Y.Doc, root: RootKey | readonly RootKey[], read: (doc: Y.Doc) => T): CachedView<T> {
  let byReader = views.get(doc);
  if (!byReader) views.set(doc, (byReader = new Map()));
  let view = byReader.get(read) as CachedView<T> | undefined;
  if (!view) {
    // Observed for the life of the document (like sync/boardViews.ts), so the cache is never stale.
    let valid = false;
    let value: T;
    const listeners = new Set<() => void>();
    for (const key of typeof root === 'string' ? [root] : root) {
      roots(doc)[key].observeDeep(() => {
        valid = false;
        listeners.forEach((listener) => listener());
      });
    }
    view = {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      get() {
        if (!valid) {
          value = read(doc);
          valid = true;
        }
        return value;
      },
    };
    byReader.set(read, view as CachedView<unknown>);
  }
  return view;
}

function useDocView<T>(root: RootKey | readonly RootKey[], read: (doc: Y.Doc) => T): T {
  const doc = useBoardDoc();
  const view = docView(doc, root, read);
  return useSyncExternalStore(view.subscribe, view.get);
}

/** The running meeting, or null. */
export const useMeeting = (): Meeting | null => useDocView('meeting', readMeeting);
/** The duration to offer for the next meeting. */
export const usePreferredDuration = (): number => useDocView('meeting', readPreferredDuration);
/** Every recorded meeting, newest first. */
export const useMinutes = (): MeetingMinutes[] => useDocView('meta', readMinutes);

const FACILITATOR_ROOTS = ['meeting', 'brainstorm'] as const;
// A stable snapshot: the same object while the facilitator stays the same person and name.
const facilitatorCache = new WeakMap<Y.Doc, Participant | null>();
const readFacilitatorStable = (doc: Y.Doc): Participant | null => {
  const next = readFacilitator(doc);
  const previous = facilitatorCache.get(doc);
  if (previous !== undefined && previous?.id === next?.id && previous?.name === next?.name) return previous;
  facilitatorCache.set(doc, next);
  return next;
};

/** The board's one facilitator (the running meeting's, else the brainstorm's), or null when nobody leads. */
export const useFacilitator = (): Participant | null => useDocView(FACILITATOR_ROOTS, readFacilitatorStable);

/** View state of the meeting on this screen: whether it follows the facilitator's step. */
interface MeetingViewState {
  following: boolean;
  setFollowing: (following: boolean) => void;
}

export const useMeetingView = create<MeetingViewState>()((set) => ({
  following: true,
  setFollowing: (following) => set({ following }),
}));

// Primitive snapshots: a layout that only needs "is a meeting running" or "which field" is not
// re-rendered (with all four fields) on every step or timer-length change.
const readRunning = (doc: Y.Doc): boolean => readMeeting(doc) !== null;
const readField = (doc: Y.Doc): AgendaField | null => {
  const meeting = readMeeting(doc);
  return meeting ? (AGENDA[meeting.step]?.field ?? null) : null;
};

/** Whether a meeting runs. */
export const useMeetingRunning = (): boolean => useDocView('meeting', readRunning);

/** The field the meeting is at, when a meeting runs and this screen follows it (or `forceFollow`); else null. */
export function useMeetingField(forceFollow = false): AgendaField | null {
  const field = useDocView('meeting', readField);
  const following = useMeetingView((s) => s.following);
  return following || forceFollow ? field : null;
}

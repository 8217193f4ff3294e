// React access to the brainstorm (root `brainstorm`, shared/schema/brainstorm.ts) and to who is
// here as a participant: each edit link publishes `participant: {id, name}` in awareness (the
// public participant id from sync/identity.ts, never the secret draft key), so the facilitator
// can start rounds with everyone present.

import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readBrainstorm, roots, type Brainstorm } from '../../../shared/schema';
import type { Participant } from '../../../shared/domain/rounds';
import { presentParticipants } from '../../../shared/schema/presence';
import { useBoardConnection, useBoardDoc, useCanEdit } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';

interface View {
  subscribe: (listener: () => void) => () => void;
  get: () => Brainstorm;
}

const views = new WeakMap<Y.Doc, View>();

function viewOf(doc: Y.Doc): View {
  let view = views.get(doc);
  if (!view) {
    let cached: Brainstorm | null = null;
    const listeners = new Set<() => void>();
    // Observed for the life of the document (as sync/boardViews.ts does), so the cache is never
    // stale; the meeting root too, since a running meeting's facilitator leads the brainstorm.
    const invalidate = () => {
      cached = null;
      listeners.forEach((listener) => listener());
    };
    roots(doc).brainstorm.observeDeep(invalidate);
    roots(doc).meeting.observeDeep(invalidate);
    view = {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      get: () => (cached ??= readBrainstorm(doc)),
    };
    views.set(doc, view);
  }
  return view;
}

export function useBrainstorm(): Brainstorm {
  const view = viewOf(useBoardDoc());
  return useSyncExternalStore(view.subscribe, view.get);
}

/** Me as a participant (id and the name I gave). */
export function useMe(): Participant {
  const id = useIdentity((s) => s.id);
  const name = useIdentity((s) => s.name);
  return useMemo(() => ({ id, name: name || '?' }), [id, name]);
}

/** Publish me as a participant in awareness (edit links only; a wall screen takes no turns). */
export function usePublishParticipant(): void {
  const { awareness } = useBoardConnection();
  const canEdit = useCanEdit();
  const me = useMe();
  useEffect(() => {
    awareness.setLocalStateField('participant', canEdit && me.name !== '?' ? { id: me.id, name: me.name } : null);
  }, [awareness, canEdit, me]);
}

/** Participants here now (from awareness), me first, each id once. */
export function usePresentParticipants(): Participant[] {
  const { awareness } = useBoardConnection();
  const snapshot = useSyncExternalStore(
    (listener) => {
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    () => JSON.stringify(presentParticipants(awareness.getStates(), awareness.clientID)),
  );
  return useMemo(() => JSON.parse(snapshot) as Participant[], [snapshot]);
}

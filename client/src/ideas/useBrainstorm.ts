// React access to the brainstorm (root `brainstorm`, shared/schema/brainstorm.ts) and to who is
// here as a participant: each edit link publishes `participant: {id, name}` in awareness (the
// public participant id from sync/identity.ts, never the secret draft key), so the facilitator
// can start rounds with everyone present.

import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readBrainstorm, roots, type Brainstorm } from '../../../shared/schema';
import type { Participant } from '../../../shared/domain/rounds';
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
    // Observed for the life of the document (as sync/boardViews.ts does), so the cache is never stale.
    roots(doc).brainstorm.observeDeep(() => {
      cached = null;
      listeners.forEach((listener) => listener());
    });
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
    () => {
      const list: (Participant & { me: boolean })[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const p = (state as Record<string, unknown>).participant as { id?: unknown; name?: unknown } | null | undefined;
        if (!p || typeof p.id !== 'string' || typeof p.name !== 'string' || !p.id) return;
        list.push({ id: p.id.slice(0, 64), name: p.name.slice(0, 60), me: clientId === awareness.clientID });
      });
      list.sort((a, b) => Number(b.me) - Number(a.me) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      const seen = new Set<string>();
      return JSON.stringify(list.filter((p) => !seen.has(p.id) && seen.add(p.id)).map(({ id, name }) => ({ id, name })));
    },
  );
  return useMemo(() => JSON.parse(snapshot) as Participant[], [snapshot]);
}

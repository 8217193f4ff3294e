// Others see a post-it while it is being dragged: the dragger publishes `dragging: {ideaId,
// effect, resources}` in awareness (position null while it is outside the grid), everyone else
// renders a ghost where it is and marks the post-it as taken, so it is not picked up twice.
// Awareness is not stored: a closed tab's drag disappears with its presence. What others publish
// is read through shared/schema/presence.ts, the one reader of awareness.

import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { presentDrags, type PresentDrag } from '../../../shared/schema/presence';
import { useBoardConnection } from '../sync/BoardProvider';

/** A post-it someone else is dragging, read and validated by the one presence schema. */
export type RemoteDrag = PresentDrag;

export interface PublishedDrag {
  ideaId: string;
  effect: number | null;
  resources: number | null;
}

export function publishDrag(awareness: Awareness, drag: PublishedDrag | null): void {
  const current = awareness.getLocalState()?.dragging as PublishedDrag | null | undefined;
  if (current === undefined && drag === null) return;
  if (current && drag && current.ideaId === drag.ideaId && current.effect === drag.effect && current.resources === drag.resources) return;
  awareness.setLocalStateField('dragging', drag);
}

/** Post-its others are dragging right now (never my own drags). */
export function useRemoteDrags(): RemoteDrag[] {
  const { awareness } = useBoardConnection();
  const snapshot = useSyncExternalStore(
    (listener) => {
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    () => JSON.stringify(presentDrags(awareness.getStates(), awareness.clientID)),
  );
  return useMemo(() => JSON.parse(snapshot) as RemoteDrag[], [snapshot]);
}

/** Who is dragging each post-it (the first if two are): ideaId → name. */
export function useTakenBy(): Map<string, string> {
  const drags = useRemoteDrags();
  return useMemo(() => {
    const map = new Map<string, string>();
    for (const drag of drags) if (!map.has(drag.ideaId)) map.set(drag.ideaId, drag.name);
    return map;
  }, [drags]);
}

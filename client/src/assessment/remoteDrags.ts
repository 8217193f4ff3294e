// Others see a post-it while it is being dragged: the dragger publishes `dragging: {ideaId,
// effect, resources}` in awareness (position null while it is outside the grid), everyone else
// renders a ghost where it is and marks the post-it as taken, so it is not picked up twice.
// Awareness is not stored: a closed tab's drag disappears with its presence.

import { useMemo, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { clampUnit, type Position } from '../../../shared/domain/zones';
import { useBoardConnection } from '../sync/BoardProvider';

export interface RemoteDrag {
  clientId: number;
  ideaId: string;
  name: string;
  color: string;
  position: Position | null;
}

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

function readDrags(awareness: Awareness): RemoteDrag[] {
  const result: RemoteDrag[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const record = state as Record<string, unknown>;
    const drag = record.dragging as Record<string, unknown> | null | undefined;
    if (!drag || typeof drag.ideaId !== 'string' || !drag.ideaId) return;
    const user = record.user as { name?: unknown; color?: unknown } | undefined;
    const effect = clampUnit(drag.effect);
    const resources = clampUnit(drag.resources);
    result.push({
      clientId,
      ideaId: drag.ideaId.slice(0, 64),
      name: typeof user?.name === 'string' && user.name ? user.name.slice(0, 60) : '?',
      color: typeof user?.color === 'string' ? user.color : '',
      position: effect !== null && resources !== null ? { effect, resources } : null,
    });
  });
  return result.sort((a, b) => a.clientId - b.clientId);
}

/** Post-its others are dragging right now (never my own drags). */
export function useRemoteDrags(): RemoteDrag[] {
  const { awareness } = useBoardConnection();
  const snapshot = useSyncExternalStore(
    (listener) => {
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    () => JSON.stringify(readDrags(awareness)),
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

// Collision detection for the board: a droppable is "over" when the dragged card's CENTRE is inside
// it — the same point that becomes the idea's position on the grid, so what lights up is exactly
// where the post-it will land. (Type-only imports: this file stays pure and unit-testable.)

import type { CollisionDetection } from '@dnd-kit/core';
import { centreOf, containsPoint } from './geometry';

export const GRID_DROP_ID = 'assessment-grid';
export const IDEAS_DROP_ID = 'ideas-drop';

export const centreWithin: CollisionDetection = ({ collisionRect, droppableContainers, droppableRects }) => {
  const centre = centreOf(collisionRect);
  const hits = [];
  for (const container of droppableContainers) {
    const rect = droppableRects.get(container.id);
    if (rect && containsPoint(rect, centre)) hits.push({ id: container.id, data: { droppableContainer: container, value: 0 } });
  }
  // The grid wins if droppables ever overlap: it is the precise target.
  hits.sort((a, b) => Number(b.id === GRID_DROP_ID) - Number(a.id === GRID_DROP_ID));
  return hits;
};

import { describe, expect, it } from 'vitest';
import type { ClientRect, DroppableContainer, UniqueIdentifier } from '@dnd-kit/core';
import { GRID_DROP_ID, IDEAS_DROP_ID, centreWithin } from '../../client/src/assessment/collision';

function rect(left: number, top: number, width: number, height: number): ClientRect {
  return { left, top, width, height, right: left + width, bottom: top + height };
}

function run(card: ClientRect, rects: Record<string, ClientRect>) {
  const droppableContainers = Object.keys(rects).map((id) => ({ id }) as unknown as DroppableContainer);
  const droppableRects = new Map<UniqueIdentifier, ClientRect>(Object.entries(rects));
  return centreWithin({ active: {} as never, collisionRect: card, droppableContainers, droppableRects, pointerCoordinates: null }).map((c) => c.id);
}

describe('centreWithin collision detection', () => {
  const rects = { [IDEAS_DROP_ID]: rect(0, 0, 400, 800), [GRID_DROP_ID]: rect(450, 0, 400, 400) };

  it('is over the droppable that contains the card centre', () => {
    expect(run(rect(600, 100, 100, 50), rects)).toEqual([GRID_DROP_ID]);
    expect(run(rect(100, 600, 100, 50), rects)).toEqual([IDEAS_DROP_ID]);
  });

  it('ignores overlap that does not reach the centre', () => {
    // The card overlaps the grid's left edge, but its centre (440) is in the gap.
    expect(run(rect(390, 100, 100, 50), rects)).toEqual([]);
  });

  it('prefers the grid if droppables overlap', () => {
    const overlapping = { [IDEAS_DROP_ID]: rect(0, 0, 1000, 1000), [GRID_DROP_ID]: rect(450, 0, 400, 400) };
    expect(run(rect(600, 100, 100, 50), overlapping)).toEqual([GRID_DROP_ID, IDEAS_DROP_ID]);
  });
});

import { describe, expect, it } from 'vitest';
import { zoneOf } from '../../shared/domain/zones';
import {
  KEYBOARD_STEP,
  LEVELS,
  centreOf,
  containsPoint,
  levelOf,
  nextKeyboardCentre,
  percentOf,
  pointFromPosition,
  positionFromPoint,
  resolveDrop,
  withLevel,
  type Box,
} from '../../client/src/assessment/geometry';

// A grid like the wall screen's: 400 × 400 px, 100 px from the left, 200 px from the top.
const grid: Box = { left: 100, top: 200, width: 400, height: 400 };

describe('positionFromPoint (the dragged card centre relative to the grid)', () => {
  it('maps the corners: top-left is high effect and few resources (green)', () => {
    expect(positionFromPoint({ x: 100, y: 200 }, grid)).toEqual({ effect: 1, resources: 0 });
    expect(positionFromPoint({ x: 500, y: 200 }, grid)).toEqual({ effect: 1, resources: 1 });
    expect(positionFromPoint({ x: 100, y: 600 }, grid)).toEqual({ effect: 0, resources: 0 });
    expect(positionFromPoint({ x: 500, y: 600 }, grid)).toEqual({ effect: 0, resources: 1 });
  });

  it('maps the quadrants to the zones of shared/domain/zones', () => {
    expect(zoneOf(positionFromPoint({ x: 150, y: 250 }, grid))).toBe('green');
    expect(zoneOf(positionFromPoint({ x: 450, y: 250 }, grid))).toBe('yellow');
    expect(zoneOf(positionFromPoint({ x: 150, y: 550 }, grid))).toBe('orange');
    expect(zoneOf(positionFromPoint({ x: 450, y: 550 }, grid))).toBe('red');
  });

  it('puts the exact centre in yellow (effect ≥ 0.5 is high, resources ≥ 0.5 is many)', () => {
    expect(positionFromPoint({ x: 300, y: 400 }, grid)).toEqual({ effect: 0.5, resources: 0.5 });
    expect(zoneOf({ effect: 0.5, resources: 0.5 })).toBe('yellow');
  });

  it('clamps points outside the grid onto its edge', () => {
    expect(positionFromPoint({ x: -50, y: 10_000 }, grid)).toEqual({ effect: 0, resources: 0 });
    expect(positionFromPoint({ x: 9_999, y: -3 }, grid)).toEqual({ effect: 1, resources: 1 });
  });

  it('rounds to two decimals', () => {
    const p = positionFromPoint({ x: 100 + 400 * 0.3333333, y: 200 + 400 * (1 - 0.6666666) }, grid)!;
    expect(p).toEqual({ effect: 0.67, resources: 0.33 });
  });

  it('gives null for a grid without size or a non-finite point', () => {
    expect(positionFromPoint({ x: 1, y: 1 }, { left: 0, top: 0, width: 0, height: 100 })).toBeNull();
    expect(positionFromPoint({ x: Number.NaN, y: 1 }, grid)).toBeNull();
  });

  it('is the inverse of pointFromPosition', () => {
    for (const position of [
      { effect: 0.8, resources: 0.3 },
      { effect: 0.7, resources: 0.8 },
      { effect: 0.3, resources: 0.6 },
      { effect: 0.06, resources: 0.99 },
    ]) {
      expect(positionFromPoint(pointFromPosition(position, grid), grid)).toEqual(position);
    }
  });

  it('places cards with CSS percentages, effect up', () => {
    expect(percentOf({ effect: 0.8, resources: 0.3 })).toEqual({ left: '30%', top: `${(1 - 0.8) * 100}%` });
    expect(percentOf({ effect: 2, resources: -1 })).toEqual({ left: '0%', top: '0%' });
  });
});

describe('nextKeyboardCentre (keyboard dragging in 5 % steps)', () => {
  const centre = centreOf(grid);

  it('ignores keys that are not arrows', () => {
    expect(nextKeyboardCentre('Space', centre, grid)).toBeNull();
    expect(nextKeyboardCentre('KeyA', centre, grid)).toBeNull();
  });

  it('jumps from outside the grid (the Idéer field) to the grid centre on any arrow', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']) {
      expect(nextKeyboardCentre(key, { x: 900, y: 50 }, grid)).toEqual(centre);
    }
  });

  it('moves one step of the grid size per arrow on the grid', () => {
    const step = KEYBOARD_STEP * 400;
    expect(nextKeyboardCentre('ArrowUp', centre, grid)).toEqual({ x: 300, y: 400 - step });
    expect(nextKeyboardCentre('ArrowDown', centre, grid)).toEqual({ x: 300, y: 400 + step });
    expect(nextKeyboardCentre('ArrowLeft', centre, grid)).toEqual({ x: 300 - step, y: 400 });
    expect(nextKeyboardCentre('ArrowRight', centre, grid)).toEqual({ x: 300 + step, y: 400 });
  });

  it('stays on the grid at its edges', () => {
    expect(nextKeyboardCentre('ArrowUp', { x: 300, y: 205 }, grid)).toEqual({ x: 300, y: 200 });
    expect(nextKeyboardCentre('ArrowUp', { x: 300, y: 200 }, grid)).toEqual({ x: 300, y: 200 });
    expect(nextKeyboardCentre('ArrowRight', { x: 500, y: 300 }, grid)).toEqual({ x: 500, y: 300 });
  });

  it('assesses as documented: first arrow to the centre, 4 × up and 4 × left → effect 0.7, resources 0.3 (green)', () => {
    let point = { x: 900, y: 50 };
    for (const key of ['ArrowRight', 'ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']) {
      point = nextKeyboardCentre(key, point, grid)!;
    }
    const position = positionFromPoint(point, grid);
    expect(position).toEqual({ effect: 0.7, resources: 0.3 });
    expect(zoneOf(position)).toBe('green');
  });

  it('works for a grid at fractional pixel positions', () => {
    const odd: Box = { left: 10.25, top: 33.7, width: 537.4, height: 537.4 };
    let point = { x: 0, y: 0 };
    for (const key of ['ArrowLeft', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowRight']) {
      point = nextKeyboardCentre(key, point, odd)!;
    }
    expect(positionFromPoint(point, odd)).toEqual({ effect: 0.4, resources: 0.65 });
  });
});

describe('containsPoint', () => {
  it('includes the edges', () => {
    expect(containsPoint(grid, { x: 100, y: 200 })).toBe(true);
    expect(containsPoint(grid, { x: 500, y: 600 })).toBe(true);
    expect(containsPoint(grid, { x: 500.1, y: 600 })).toBe(false);
  });
});

describe('resolveDrop', () => {
  it('assesses at the centre when dropped on the grid, from Idéer or within the grid', () => {
    expect(resolveDrop('ideas', 'grid', { x: 150, y: 250 }, grid)).toEqual({ kind: 'assess', position: { effect: 0.88, resources: 0.13 }, zone: 'green' });
    expect(resolveDrop('grid', 'grid', { x: 450, y: 550 }, grid)).toMatchObject({ kind: 'assess', zone: 'red' });
  });

  it('takes the assessment away only when a grid card is dropped on Idéer', () => {
    expect(resolveDrop('grid', 'ideas', { x: 0, y: 0 }, grid)).toEqual({ kind: 'unassess' });
    expect(resolveDrop('ideas', 'ideas', { x: 0, y: 0 }, grid)).toEqual({ kind: 'none' });
  });

  it('changes nothing when dropped elsewhere or when the grid is unknown', () => {
    expect(resolveDrop('grid', null, { x: 0, y: 0 }, grid)).toEqual({ kind: 'none' });
    expect(resolveDrop('ideas', null, null, grid)).toEqual({ kind: 'none' });
    expect(resolveDrop('ideas', 'grid', { x: 1, y: 1 }, null)).toEqual({ kind: 'none' });
  });
});

describe('levels of the non-drag control', () => {
  it('never crosses the zone threshold', () => {
    for (let i = 0; i <= 100; i++) {
      const value = i / 100;
      expect(levelOf(value) >= 0.5).toBe(value >= 0.5);
      expect(LEVELS).toContain(levelOf(value));
    }
    expect(levelOf(0.5)).toBe(0.7);
    expect(levelOf(0.49)).toBe(0.3);
    expect(levelOf(0.85)).toBe(0.9);
    expect(levelOf(0.05)).toBe(0.1);
  });

  it('keeps the other axis exact when the idea is assessed', () => {
    expect(withLevel({ effect: 0.62, resources: 0.41 }, {}, 'resources', 0.9)).toEqual({ position: { effect: 0.62, resources: 0.9 }, pending: {} });
  });

  it('waits for both axes when the idea is not assessed', () => {
    const first = withLevel(null, {}, 'effect', 0.7);
    expect(first).toEqual({ position: null, pending: { effect: 0.7 } });
    const second = withLevel(null, first.pending, 'resources', 0.3);
    expect(second).toEqual({ position: { effect: 0.7, resources: 0.3 }, pending: {} });
    expect(zoneOf(second.position)).toBe('green');
  });
});

// Pure geometry of the assessment grid: screen points ↔ effect/resources (0..1), keyboard steps,
// drop outcomes and the coarse levels of the non-drag "Vurdér" control. No React, no DOM.
//
// Axes: effect is vertical with HIGH AT THE TOP; resources are horizontal with FEW AT THE LEFT.
// So green (high effect, few resources) is top-left and red (low effect, many resources) is
// bottom-right, like the paper board.

import { clampUnit, zoneOf, type Position, type Zone } from '../../../shared/domain/zones';

export interface Point {
  x: number;
  y: number;
}

/** A viewport rectangle (what getBoundingClientRect and dnd-kit's ClientRect both satisfy). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Positions are stored with two decimals: 1 % of the grid is finer than anyone can drop. */
export const POSITION_DECIMALS = 2;

/** One arrow key moves a post-it this share of the grid. */
export const KEYBOARD_STEP = 0.05;

export function roundUnit(value: number): number {
  const factor = 10 ** POSITION_DECIMALS;
  return Math.round(value * factor) / factor;
}

function clamp01(value: number): number {
  return clampUnit(value) ?? 0;
}

export function centreOf(box: Box): Point {
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/** Whether a point lies inside a box (edges included). */
export function containsPoint(box: Box, point: Point): boolean {
  return point.x >= box.left && point.x <= box.left + box.width && point.y >= box.top && point.y <= box.top + box.height;
}

/**
 * Where on the grid a point is: resources from the left edge (0) to the right edge (1), effect from
 * the bottom edge (0) to the top edge (1). Points outside are clamped onto the edge; values are
 * rounded to POSITION_DECIMALS. A grid with no size gives null.
 */
export function positionFromPoint(point: Point, grid: Box): Position | null {
  if (!(grid.width > 0) || !(grid.height > 0) || !Number.isFinite(point.x) || !Number.isFinite(point.y)) return null;
  const resources = clamp01((point.x - grid.left) / grid.width);
  const effect = clamp01(1 - (point.y - grid.top) / grid.height);
  return { effect: roundUnit(effect), resources: roundUnit(resources) };
}

/** The screen point of a grid position (the inverse of positionFromPoint, without rounding). */
export function pointFromPosition(position: Position, grid: Box): Point {
  return {
    x: grid.left + clamp01(position.resources) * grid.width,
    y: grid.top + (1 - clamp01(position.effect)) * grid.height,
  };
}

/** CSS percentages for placing a card's centre on the grid. */
export function percentOf(position: Position): { left: string; top: string } {
  const left = clamp01(position.resources) * 100;
  const top = (1 - clamp01(position.effect)) * 100;
  return { left: `${left}%`, top: `${top}%` };
}

const ARROWS: Record<string, Point> = {
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
};

export function isArrowKey(code: string): boolean {
  return code in ARROWS;
}

/**
 * Keyboard dragging: where the dragged card's centre goes on an arrow key.
 * - Not an arrow key: null (the key is not ours).
 * - Centre not on the grid yet (picked up in the Idéer field): any arrow jumps to the grid's
 *   centre (effect 50 %, resources 50 %), so the first arrow always lands on the grid wherever the
 *   fields happen to be laid out.
 * - On the grid: one step of `step` × the grid's size in the arrow's direction, clamped to the grid.
 */
export function nextKeyboardCentre(code: string, centre: Point, grid: Box, step = KEYBOARD_STEP): Point | null {
  const direction = ARROWS[code];
  if (!direction || !(grid.width > 0) || !(grid.height > 0)) return null;
  // Half a pixel of slack: a centre exactly on the edge (clamped there) counts as on the grid.
  const slack = { left: grid.left - 0.5, top: grid.top - 0.5, width: grid.width + 1, height: grid.height + 1 };
  if (!containsPoint(slack, centre)) return centreOf(grid);
  const x = centre.x + direction.x * step * grid.width;
  const y = centre.y + direction.y * step * grid.height;
  return {
    x: Math.min(grid.left + grid.width, Math.max(grid.left, x)),
    y: Math.min(grid.top + grid.height, Math.max(grid.top, y)),
  };
}

export type DragSource = 'ideas' | 'grid';
export type DropTarget = 'grid' | 'ideas' | null;

export type DropOutcome = { kind: 'assess'; position: Position; zone: Zone } | { kind: 'unassess' } | { kind: 'none' };

/**
 * What a drop does:
 * - on the grid: the card's centre becomes its position (from anywhere, also moving within the grid);
 * - on the Idéer field, coming from the grid: the idea is no longer assessed;
 * - anything else (dropped outside, or an Idéer card dropped back on Idéer): nothing changes.
 *   A post-it picked up in Idéer and let go in Idéer keeps its assessment — a slip of the mouse
 *   must not undo the team's judgement.
 */
export function resolveDrop(source: DragSource, target: DropTarget, centre: Point | null, grid: Box | null): DropOutcome {
  if (target === 'grid' && centre && grid) {
    const position = positionFromPoint(centre, grid);
    const zone = zoneOf(position);
    if (position && zone) return { kind: 'assess', position, zone };
    return { kind: 'none' };
  }
  if (target === 'ideas' && source === 'grid') return { kind: 'unassess' };
  return { kind: 'none' };
}

/** Percent (0..100, whole) of a 0..1 value, for labels and announcements. */
export function percent(value: number): number {
  return Math.round(clamp01(value) * 100);
}

// ---- Coarse levels for the non-drag control (WCAG 2.1: an alternative to dragging) ----------------

/** Four levels per axis, two on each side of the zone threshold, so every choice has a clear zone. */
export const LEVELS = [0.1, 0.3, 0.7, 0.9] as const;
export type Level = (typeof LEVELS)[number];

/** The level a stored value shows as; it never crosses the 0.5 threshold, so the zone shown stays right. */
export function levelOf(value: number): Level {
  const v = clamp01(value);
  if (v >= 0.5) return v >= 0.8 ? 0.9 : 0.7;
  return v < 0.2 ? 0.1 : 0.3;
}

export function isLevel(value: number): value is Level {
  return (LEVELS as readonly number[]).includes(value);
}

/**
 * The position after choosing a level on one axis. The other axis keeps its exact stored value
 * (a card placed by dragging at 0.62 does not jump to 0.7 when only its resources are changed);
 * when the idea is not assessed yet, the other axis comes from `pending` or stays unknown (null).
 */
export function withLevel(
  current: Position | null,
  pending: Partial<Position>,
  axis: keyof Position,
  level: Level,
): { position: Position | null; pending: Partial<Position> } {
  if (current) return { position: { ...current, [axis]: level }, pending: {} };
  const next: Partial<Position> = { ...pending, [axis]: level };
  if (next.effect !== undefined && next.resources !== undefined) {
    return { position: { effect: next.effect, resources: next.resources }, pending: {} };
  }
  return { position: null, pending: next };
}

// Where the edit board DRAWS each assessed idea on the effect × resources grid, so that no idea
// hides another and no zone label is covered. The stored effect/resources never change here: this
// is display only. Pure (no React, no DOM), unit-tested in tests/unit/assessment-grid-layout.test.ts.
//
// Deterministic, quadrant by quadrant (a card never leaves its zone's quadrant). First greedy:
// ideas are taken in a fixed order (by id); each goes to its true point if that is free, otherwise
// to the nearest free spot among the places that touch an obstacle already there (a placed card or
// a zone label) and, failing that, the nearest free point of a fine lattice over the quadrant. When
// greedy gets stuck (an early card blocks the middle), the quadrant is laid out on a lattice of
// card-sized cells instead, ideas and cells matched closest pair first. Card sizes are tried
// largest first; when the ideas do not fit even as the smallest cards (or would cover more than
// 60 % of their quadrant), the grid condenses to small round numbered markers, shrinking them
// until they fit (a lattice always does, once small enough). No two placed rectangles overlap.
//
// Coordinates: px on the plot, (0, 0) top-left; resources run right, effect runs UP.

import { ZONES, zoneOf, type Position, type Zone } from '../../../shared/domain/zones';

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface LayoutItem {
  id: string;
  position: Position;
}

export interface LayoutInput {
  /** The plot's inner size in px. */
  plot: Size;
  items: readonly LayoutItem[];
  /** Post-it card sizes to try, largest first (px): the largest that fits is used. */
  cards: readonly Size[];
  /** The largest marker when the grid condenses (px; round, or a pill for long numbers). */
  marker: Size;
  /** The smallest share of `marker` the greedy placement may shrink to before packing (0..1). */
  minMarkerScale?: number;
  /** Space kept between markers (px); default `gap`. */
  markerGap?: number;
  /** Areas no card may cover: the zone labels (plot px). */
  reserved?: readonly Rect[];
  /** Space kept between cards, and between a card and its quadrant's edges (px). */
  gap?: number;
  /** Condense when the cards would cover more than this share of a quadrant's free area. */
  maxDensity?: number;
}

export interface PlacedItem {
  id: string;
  zone: Zone;
  /** The centre as drawn (plot px). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** How far it was moved from its true point (px). */
  moved: number;
}

export interface GridLayout {
  mode: 'cards' | 'markers';
  /** The marker size (px) in markers mode; the card size otherwise. */
  size: Size;
  items: PlacedItem[];
}

interface Centre {
  x: number;
  y: number;
}

interface Obstacle {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const EPS = 1e-6;

/** A zone's quadrant on the plot (green top-left, yellow top-right, orange bottom-left, red bottom-right). */
export function quadrantOf(zone: Zone, plot: Size): Rect {
  const halfW = plot.width / 2;
  const halfH = plot.height / 2;
  const right = zone === 'yellow' || zone === 'red';
  const bottom = zone === 'orange' || zone === 'red';
  return { left: right ? halfW : 0, top: bottom ? halfH : 0, width: halfW, height: halfH };
}

/** The true point of a position on the plot. */
export function pointOf(position: Position, plot: Size): Centre {
  const unit = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
  return { x: unit(position.resources) * plot.width, y: (1 - unit(position.effect)) * plot.height };
}

/** Whether two rectangles share any area (touching edges do not count). */
export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width - EPS && b.left < a.left + a.width - EPS && a.top < b.top + b.height - EPS && b.top < a.top + a.height - EPS;
}

/** The rectangle of a placed item. */
export function rectOf(item: Pick<PlacedItem, 'x' | 'y' | 'width' | 'height'>): Rect {
  return { left: item.x - item.width / 2, top: item.y - item.height / 2, width: item.width, height: item.height };
}

function toObstacle(rect: Rect): Obstacle {
  return { left: rect.left, top: rect.top, right: rect.left + rect.width, bottom: rect.top + rect.height };
}

/** The range a centre may take so the item stays inside its quadrant, `gap` from its edges. */
function centreRange(quadrant: Rect, size: Size, gap: number): Obstacle | null {
  const range = {
    left: quadrant.left + gap + size.width / 2,
    right: quadrant.left + quadrant.width - gap - size.width / 2,
    top: quadrant.top + gap + size.height / 2,
    bottom: quadrant.top + quadrant.height - gap - size.height / 2,
  };
  return range.left <= range.right + EPS && range.top <= range.bottom + EPS ? range : null;
}

function clampInto(point: Centre, range: Obstacle): Centre {
  return { x: Math.min(range.right, Math.max(range.left, point.x)), y: Math.min(range.bottom, Math.max(range.top, point.y)) };
}

/** Free when the item (grown by `gap`) shares no area with any obstacle. */
function isFree(centre: Centre, size: Size, gap: number, obstacles: readonly Obstacle[]): boolean {
  const left = centre.x - size.width / 2 - gap;
  const right = centre.x + size.width / 2 + gap;
  const top = centre.y - size.height / 2 - gap;
  const bottom = centre.y + size.height / 2 + gap;
  for (const o of obstacles) {
    if (left < o.right - EPS && o.left < right - EPS && top < o.bottom - EPS && o.top < bottom - EPS) return false;
  }
  return true;
}

function distance(a: Centre, b: Centre): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Places that touch an obstacle (beside, above, below, at its corners), kept in range. */
function touchingCandidates(target: Centre, size: Size, gap: number, obstacles: readonly Obstacle[], range: Obstacle): Centre[] {
  const halfW = size.width / 2 + gap;
  const halfH = size.height / 2 + gap;
  const out: Centre[] = [];
  for (const o of obstacles) {
    const xs = [o.left - halfW, o.right + halfW];
    const ys = [o.top - halfH, o.bottom + halfH];
    for (const x of xs) out.push({ x, y: target.y });
    for (const y of ys) out.push({ x: target.x, y });
    for (const x of xs) for (const y of ys) out.push({ x, y });
  }
  return out.map((c) => clampInto(c, range));
}

/** The nearest free point of a lattice over the range (step: a quarter of the smaller side). */
function latticeCandidate(target: Centre, size: Size, gap: number, obstacles: readonly Obstacle[], range: Obstacle): Centre | null {
  const step = Math.max(1, Math.min(size.width, size.height) / 4);
  let best: Centre | null = null;
  let bestDistance = Infinity;
  for (let y = range.top; y <= range.bottom + EPS; y += step) {
    for (let x = range.left; x <= range.right + EPS; x += step) {
      const c = { x: Math.min(x, range.right), y: Math.min(y, range.bottom) };
      const d = distance(c, target);
      if (d < bestDistance && isFree(c, size, gap, obstacles)) {
        best = c;
        bestDistance = d;
      }
    }
  }
  return best;
}

function byId(a: LayoutItem, b: LayoutItem): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface ZoneGroup {
  zone: Zone;
  quadrant: Rect;
  items: LayoutItem[];
  reserved: Obstacle[];
}

function groupsOf(input: LayoutInput): ZoneGroup[] {
  const reserved = (input.reserved ?? []).map(toObstacle);
  return ZONES.map((zone) => {
    const quadrant = quadrantOf(zone, input.plot);
    const q = toObstacle(quadrant);
    return {
      zone,
      quadrant,
      items: input.items.filter((item) => zoneOf(item.position) === zone).sort(byId),
      reserved: reserved.filter((r) => r.left < q.right && q.left < r.right && r.top < q.bottom && q.top < r.bottom),
    };
  });
}

/** Greedy placement of one quadrant's items at one size; null when they do not all fit. */
function placeGreedy(group: ZoneGroup, plot: Size, size: Size, gap: number): PlacedItem[] | null {
  const range = centreRange(group.quadrant, size, gap);
  if (!range) return group.items.length === 0 ? [] : null;
  const obstacles: Obstacle[] = [...group.reserved];
  const placed: PlacedItem[] = [];
  for (const item of group.items) {
    const truth = pointOf(item.position, plot);
    const target = clampInto(truth, range);
    let spot: Centre | null = isFree(target, size, gap, obstacles) ? target : null;
    if (!spot) {
      const candidates = touchingCandidates(target, size, gap, obstacles, range).sort((a, b) => distance(a, target) - distance(b, target));
      spot = candidates.find((c) => isFree(c, size, gap, obstacles)) ?? null;
    }
    spot ??= latticeCandidate(target, size, gap, obstacles, range);
    if (!spot) return null;
    placed.push({ id: item.id, zone: group.zone, x: spot.x, y: spot.y, width: size.width, height: size.height, moved: distance(spot, truth) });
    // The obstacle keeps half a gap on its side; the newcomer's own gap is added in isFree.
    obstacles.push({ left: spot.x - size.width / 2, top: spot.y - size.height / 2, right: spot.x + size.width / 2, bottom: spot.y + size.height / 2 });
  }
  return placed;
}

/** Cells of a lattice over the quadrant at the item's pitch, centred in it, free of reserved areas. */
function latticeCells(group: ZoneGroup, size: Size, gap: number): Centre[] {
  const range = centreRange(group.quadrant, size, gap);
  if (!range) return [];
  const pitchX = size.width + gap;
  const pitchY = size.height + gap;
  const columns = Math.floor((range.right - range.left) / pitchX + EPS) + 1;
  const rows = Math.floor((range.bottom - range.top) / pitchY + EPS) + 1;
  // Spread the slack evenly, so the lattice sits in the middle of the quadrant.
  const x0 = (range.left + range.right) / 2 - ((columns - 1) * pitchX) / 2;
  const y0 = (range.top + range.bottom) / 2 - ((rows - 1) * pitchY) / 2;
  const cells: Centre[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const c = { x: x0 + column * pitchX, y: y0 + row * pitchY };
      if (isFree(c, size, gap, group.reserved)) cells.push(c);
    }
  }
  return cells;
}

/**
 * Every item on its own lattice cell; null when there are too few cells. Pairs are matched
 * closest first over all items and cells (not item by item), so no early item takes the cell
 * that sits right on another's true point.
 */
function placeOnLattice(group: ZoneGroup, plot: Size, size: Size, gap: number): PlacedItem[] | null {
  const cells = latticeCells(group, size, gap);
  if (cells.length < group.items.length) return null;
  const truths = group.items.map((item) => pointOf(item.position, plot));
  const pairs: [number, number, number][] = [];
  truths.forEach((truth, i) => cells.forEach((cell, c) => pairs.push([distance(cell, truth), i, c])));
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const cellOf = new Array<number>(truths.length).fill(-1);
  const taken = new Set<number>();
  for (const [, i, c] of pairs) {
    if (cellOf[i]! >= 0 || taken.has(c)) continue;
    cellOf[i] = c;
    taken.add(c);
  }
  return group.items.map((item, i) => {
    const cell = cells[cellOf[i]!]!;
    return { id: item.id, zone: group.zone, x: cell.x, y: cell.y, width: size.width, height: size.height, moved: distance(cell, truths[i]!) };
  });
}

/** All quadrants at one size (each greedy, truest, else on a lattice, densest); null when one does not fit. */
function placeAll(groups: readonly ZoneGroup[], plot: Size, size: Size, gap: number, greedy = true): PlacedItem[] | null {
  const placed: PlacedItem[] = [];
  for (const group of groups) {
    const items = (greedy ? placeGreedy(group, plot, size, gap) : null) ?? placeOnLattice(group, plot, size, gap);
    if (!items) return null;
    placed.push(...items);
  }
  return placed;
}

function tooDense(group: ZoneGroup, card: Size, gap: number, maxDensity: number): boolean {
  const area = group.quadrant.width * group.quadrant.height;
  const reserved = group.reserved.reduce((sum, r) => sum + (r.right - r.left) * (r.bottom - r.top), 0);
  const cards = group.items.length * (card.width + gap) * (card.height + gap);
  return cards > maxDensity * Math.max(0, area - reserved);
}

/** Lay out the ideas: cards when they fit, numbered markers when they do not. */
export function layoutGrid(input: LayoutInput): GridLayout {
  const gap = input.gap ?? 3;
  const maxDensity = input.maxDensity ?? 0.6;
  const groups = groupsOf(input);
  if (!(input.plot.width > 0) || !(input.plot.height > 0) || input.items.length === 0) {
    return { mode: 'cards', size: input.cards[0] ?? { width: 0, height: 0 }, items: [] };
  }

  for (const card of input.cards) {
    if (groups.some((group) => tooDense(group, card, gap, maxDensity))) continue;
    const placed = placeAll(groups, input.plot, card, gap);
    if (placed) return { mode: 'cards', size: card, items: placed };
  }

  // Condensed: markers, shrinking until they fit; below minMarker on a lattice only, which always
  // fits once the markers are small enough.
  const minScale = input.minMarkerScale ?? 0.6;
  const markerGap = input.markerGap ?? gap;
  for (let scale = 1; ; scale *= 0.9) {
    const size = { width: input.marker.width * scale, height: input.marker.height * scale };
    const placed = placeAll(groups, input.plot, size, markerGap, scale >= minScale - EPS);
    if (placed || size.height < 1) return { mode: 'markers', size, items: placed ?? [] };
  }
}

// Where the wall draws each idea on the effect × resources grid: a numbered round marker as
// close as it can be to the idea's true point, never covering another marker and never leaving
// the idea's zone (its quadrant), so the picture stays true and nothing hides. d3-force does the
// spreading (pull towards the true point, collision between markers); every tick is followed by
// clamping into the quadrant. Deterministic: a seeded random source, a fixed number of ticks.
// Pure: no DOM, unit-tested in tests/unit/wall-marker-layout.test.ts.

import { forceCollide, forceSimulation, forceX, forceY, randomLcg, type SimulationNodeDatum } from 'd3';
import { zoneOf, type Position, type Zone } from '../../../shared/domain/zones';

export interface MarkerInput {
  id: string;
  position: Position;
}

export interface PlacedMarker {
  id: string;
  zone: Zone;
  /** Centre on the plot, in px from its top-left corner. */
  x: number;
  y: number;
  /** How far the marker was moved from the idea's true point, in px. */
  moved: number;
}

export interface Plot {
  width: number;
  height: number;
}

/** Free space kept between two markers and between a marker and a zone border. */
export const MARKER_GAP = 3;
const TICKS = 240;

interface Node extends SimulationNodeDatum {
  id: string;
  zone: Zone;
  tx: number;
  ty: number;
  bounds: { x0: number; x1: number; y0: number; y1: number };
}

/** The true point of a position: resources run right (few → many), effect runs up (low → high). */
export function truePoint(position: Position, plot: Plot): { x: number; y: number } {
  return { x: position.resources * plot.width, y: (1 - position.effect) * plot.height };
}

/** The part of the plot a marker of `radius` of a zone may occupy (its quadrant, inset). */
function quadrant(zone: Zone, plot: Plot, radius: number) {
  const inset = radius + MARKER_GAP;
  const midX = plot.width / 2;
  const midY = plot.height / 2;
  const left = zone === 'green' || zone === 'orange';
  const top = zone === 'green' || zone === 'yellow';
  return {
    x0: left ? inset : midX + inset,
    x1: left ? midX - inset : plot.width - inset,
    y0: top ? inset : midY + inset,
    y1: top ? midY - inset : plot.height - inset,
  };
}

const clamp = (value: number, low: number, high: number) => (low > high ? (low + high) / 2 : Math.min(high, Math.max(low, value)));

/** Pairs of markers closer than two radii (touching is fine): 0 when nothing covers anything. */
export function countOverlaps(markers: readonly { x: number; y: number }[], radius: number): number {
  let overlaps = 0;
  const min = 2 * radius - 0.5;
  for (let i = 0; i < markers.length; i++) {
    for (let j = i + 1; j < markers.length; j++) {
      const dx = markers[i]!.x - markers[j]!.x;
      const dy = markers[i]!.y - markers[j]!.y;
      if (dx * dx + dy * dy < min * min) overlaps++;
    }
  }
  return overlaps;
}

/** Markers of one radius for every assessed idea; may overlap when the quadrant is too full. */
export function layoutMarkers(inputs: readonly MarkerInput[], plot: Plot, radius: number): PlacedMarker[] {
  const nodes: Node[] = [];
  for (const input of inputs) {
    const zone = zoneOf(input.position);
    if (!zone) continue;
    const bounds = quadrant(zone, plot, radius);
    const point = truePoint(input.position, plot);
    const tx = clamp(point.x, bounds.x0, bounds.x1);
    const ty = clamp(point.y, bounds.y0, bounds.y1);
    nodes.push({ id: input.id, zone, tx, ty, bounds, x: tx, y: ty });
  }
  if (nodes.length > 1) {
    const simulation = forceSimulation(nodes)
      .randomSource(randomLcg(0.4242))
      .force('x', forceX<Node>((d) => d.tx).strength(0.08))
      .force('y', forceY<Node>((d) => d.ty).strength(0.08))
      .force('collide', forceCollide<Node>(radius + MARKER_GAP / 2).strength(0.9).iterations(3))
      .stop();
    for (let i = 0; i < TICKS; i++) {
      simulation.tick();
      for (const node of nodes) keepInside(node);
    }
    // Settle: collision only, so the last pull towards the points cannot push two back together.
    simulation.force('x', null).force('y', null).alpha(0.3);
    for (let i = 0; i < 60; i++) {
      simulation.tick();
      for (const node of nodes) keepInside(node);
    }
  }
  return nodes.map((node) => {
    const point = truePoint(inputs.find((input) => input.id === node.id)!.position, plot);
    return { id: node.id, zone: node.zone, x: node.x!, y: node.y!, moved: Math.hypot(node.x! - point.x, node.y! - point.y) };
  });
}

function keepInside(node: Node): void {
  const { x0, x1, y0, y1 } = node.bounds;
  const x = clamp(node.x!, x0, x1);
  const y = clamp(node.y!, y0, y1);
  if (x !== node.x) node.vx = 0;
  if (y !== node.y) node.vy = 0;
  node.x = x;
  node.y = y;
}

/** max, then 15 % smaller each step, down to min. */
function candidateRadii({ min, max }: { min: number; max: number }): number[] {
  const radii: number[] = [];
  for (let radius = max; radius > min; radius = Math.floor(radius * 0.85)) radii.push(radius);
  radii.push(min);
  return radii;
}

export interface MarkerFit {
  radius: number;
  markers: PlacedMarker[];
  /** False when even the smallest radius could not keep markers apart: draw dots, not numbers. */
  fits: boolean;
}

/**
 * The largest radius (from `max` down to `min`, in steps) at which no two markers overlap. Tried
 * only where each quadrant's area can hold its markers, so a full grid costs few layouts.
 */
export function fitMarkers(inputs: readonly MarkerInput[], plot: Plot, range: { min: number; max: number }): MarkerFit {
  const perZone = new Map<Zone, number>();
  for (const input of inputs) {
    const zone = zoneOf(input.position);
    if (zone) perZone.set(zone, (perZone.get(zone) ?? 0) + 1);
  }
  const fullest = Math.max(0, ...perZone.values());
  const quadrantArea = (plot.width / 2) * (plot.height / 2);
  for (const radius of candidateRadii(range)) {
    // Circles pack at best ~0.9 of a plane; a force layout with a border reaches about half of that.
    const cell = (2 * radius + MARKER_GAP) ** 2;
    if (fullest * cell > quadrantArea * 0.55) continue;
    const markers = layoutMarkers(inputs, plot, radius);
    if (countOverlaps(markers, radius) === 0) return { radius, markers, fits: true };
  }
  const radius = Math.max(2, Math.min(range.min, Math.floor(range.min / 3)));
  return { radius, markers: layoutMarkers(inputs, plot, radius), fits: false };
}

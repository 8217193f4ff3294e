import { describe, expect, it } from 'vitest';
import { ZONES, zoneOf, type Position } from '../../shared/domain/zones';
import { seeded } from '../seeded';
import { layoutGrid, pointOf, quadrantOf, rectOf, rectsOverlap, type GridLayout, type LayoutInput, type LayoutItem, type Rect } from '../../client/src/assessment/gridLayout';

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Random positions; about a third of them copies of an earlier one (identical values are common). */
function randomItems(random: () => number, count: number): LayoutItem[] {
  const items: LayoutItem[] = [];
  for (let i = 0; i < count; i++) {
    const earlier = items.length > 0 && random() < 0.35 ? items[Math.floor(random() * items.length)]! : null;
    const position: Position = earlier ? { ...earlier.position } : { effect: round2(random()), resources: round2(random()) };
    items.push({ id: `idea-${String(i).padStart(3, '0')}`, position });
  }
  return items;
}

const PLOT = { width: 520, height: 520 };
const CARD = { width: 99, height: 46 };
// The four zone labels in their corners, as the grid draws them.
const LABELS: Rect[] = [
  { left: 4, top: 4, width: 150, height: 36 },
  { left: PLOT.width - 154, top: 4, width: 150, height: 36 },
  { left: 4, top: PLOT.height - 40, width: 150, height: 36 },
  { left: PLOT.width - 154, top: PLOT.height - 40, width: 150, height: 36 },
];

function input(items: LayoutItem[], extra: Partial<LayoutInput> = {}): LayoutInput {
  return { plot: PLOT, items, cards: [CARD], marker: { width: 24, height: 24 }, reserved: LABELS, ...extra };
}

function overlapping(layout: GridLayout): string[] {
  const found: string[] = [];
  for (let i = 0; i < layout.items.length; i++) {
    for (let j = i + 1; j < layout.items.length; j++) {
      if (rectsOverlap(rectOf(layout.items[i]!), rectOf(layout.items[j]!))) found.push(`${layout.items[i]!.id} × ${layout.items[j]!.id}`);
    }
  }
  return found;
}

function inside(inner: Rect, outer: Rect): boolean {
  const e = 1e-6;
  return inner.left >= outer.left - e && inner.top >= outer.top - e && inner.left + inner.width <= outer.left + outer.width + e && inner.top + inner.height <= outer.top + outer.height + e;
}

describe('assessment grid layout', () => {
  it('never lets two placed ideas overlap, for random boards with many identical positions', () => {
    const random = seeded(9);
    for (let round = 0; round < 60; round++) {
      const count = 1 + Math.floor(random() * (round < 40 ? 40 : 260));
      const layout = layoutGrid(input(randomItems(random, count)));
      expect(layout.items).toHaveLength(count);
      expect(overlapping(layout)).toEqual([]);
    }
  });

  it('keeps every idea inside its own zone quadrant and off the zone labels', () => {
    const random = seeded(42);
    for (let round = 0; round < 40; round++) {
      const items = randomItems(random, 1 + Math.floor(random() * 120));
      const layout = layoutGrid(input(items));
      for (const placed of layout.items) {
        const item = items.find((i) => i.id === placed.id)!;
        expect(placed.zone).toBe(zoneOf(item.position));
        expect(inside(rectOf(placed), quadrantOf(placed.zone, PLOT))).toBe(true);
        for (const label of LABELS) expect(rectsOverlap(rectOf(placed), label)).toBe(false);
      }
    }
  });

  it('leaves an idea on its true point when there is room', () => {
    const items: LayoutItem[] = [
      { id: 'a', position: { effect: 0.7, resources: 0.25 } },
      { id: 'b', position: { effect: 0.7, resources: 0.75 } },
      { id: 'c', position: { effect: 0.25, resources: 0.3 } },
      { id: 'd', position: { effect: 0.3, resources: 0.7 } },
    ];
    const layout = layoutGrid(input(items));
    expect(layout.mode).toBe('cards');
    for (const placed of layout.items) expect(placed.moved).toBeLessThan(1e-6);
  });

  it('moves ideas with the same values only as far as needed to show each of them', () => {
    const same = { effect: 0.7, resources: 0.25 };
    const items: LayoutItem[] = [
      { id: 'a', position: same },
      { id: 'b', position: same },
      { id: 'c', position: same },
    ];
    const layout = layoutGrid(input(items));
    expect(layout.mode).toBe('cards');
    expect(overlapping(layout)).toEqual([]);
    // The first stays put; the others sit right next to it, within about one card.
    const moved = layout.items.map((p) => p.moved).sort((x, y) => x - y);
    expect(moved[0]).toBeLessThan(1e-6);
    for (const m of moved) expect(m).toBeLessThanOrEqual(CARD.height + 3 + 1e-6);
    const truth = pointOf(same, PLOT);
    for (const placed of layout.items) expect(Math.hypot(placed.x - truth.x, placed.y - truth.y)).toBeLessThanOrEqual(CARD.width);
  });

  it('keeps the displacement small for a dozen ideas spread over the four zones', () => {
    const random = seeded(7);
    const corners = [
      [0.5, 0],
      [0.5, 0.5],
      [0, 0],
      [0, 0.5],
    ] as const;
    for (let round = 0; round < 20; round++) {
      // Three per zone, anywhere in it (also under its label).
      const items = Array.from({ length: 12 }, (_, i) => {
        const [effect, resources] = corners[i % 4]!;
        return { id: `i${i}`, position: { effect: round2(effect + random() * 0.5), resources: round2(resources + random() * 0.49) } };
      });
      const layout = layoutGrid(input(items));
      expect(layout.mode).toBe('cards');
      const mean = layout.items.reduce((sum, p) => sum + p.moved, 0) / layout.items.length;
      expect(mean).toBeLessThan(CARD.width);
    }
  });

  it('condenses to numbered markers when the ideas do not fit as cards', () => {
    const random = seeded(240);
    const items = randomItems(random, 240);
    const layout = layoutGrid(input(items));
    expect(layout.mode).toBe('markers');
    expect(layout.items).toHaveLength(240);
    expect(layout.size.width).toBeLessThanOrEqual(24);
    expect(overlapping(layout)).toEqual([]);
  });

  it('still shows every idea, without overlap, when all of them sit on one point', () => {
    const items = Array.from({ length: 240 }, (_, i) => ({ id: `x${i}`, position: { effect: 0.95, resources: 0.05 } }));
    const layout = layoutGrid(input(items));
    expect(layout.items).toHaveLength(240);
    expect(overlapping(layout)).toEqual([]);
    for (const placed of layout.items) {
      expect(placed.zone).toBe('green');
      expect(inside(rectOf(placed), quadrantOf('green', PLOT))).toBe(true);
    }
  });

  it('puts an idea on the zone border into its own zone', () => {
    const layout = layoutGrid(input([{ id: 'edge', position: { effect: 0.5, resources: 0.5 } }]));
    const [placed] = layout.items;
    expect(placed!.zone).toBe('yellow');
    expect(inside(rectOf(placed!), quadrantOf('yellow', PLOT))).toBe(true);
  });

  it('is the same for the same ideas in any order', () => {
    const random = seeded(3);
    const items = randomItems(random, 30);
    const a = layoutGrid(input(items));
    const b = layoutGrid(input([...items].reverse()));
    const key = (l: GridLayout) => l.items.map((p) => `${p.id}:${p.x.toFixed(3)},${p.y.toFixed(3)}`).sort();
    expect(key(b)).toEqual(key(a));
  });

  it('uses the largest card size that fits, before condensing to markers', () => {
    const small = { width: 70, height: 33 };
    const items = Array.from({ length: 9 }, (_, i) => ({ id: `g${i}`, position: { effect: 0.8, resources: 0.2 } }));
    expect(layoutGrid(input(items)).mode).toBe('markers');
    const layout = layoutGrid(input(items, { cards: [CARD, small] }));
    expect(layout.mode).toBe('cards');
    expect(layout.size).toEqual(small);
    expect(overlapping(layout)).toEqual([]);
  });

  it('places nothing on a plot that has no size yet', () => {
    expect(layoutGrid(input([{ id: 'a', position: { effect: 1, resources: 0 } }], { plot: { width: 0, height: 0 } })).items).toEqual([]);
  });

  it('has a quadrant for every zone that together cover the plot', () => {
    const area = ZONES.reduce((sum, zone) => sum + quadrantOf(zone, PLOT).width * quadrantOf(zone, PLOT).height, 0);
    expect(area).toBe(PLOT.width * PLOT.height);
  });
});

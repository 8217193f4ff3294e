import { describe, expect, it } from 'vitest';
import { countOverlaps, fitMarkers, layoutMarkers, truePoint, type MarkerInput } from '../../client/src/wall/markerLayout';
import { zoneOf } from '../../shared/domain/zones';

/** A small seeded generator, so every run tests the same "random" boards. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const plot = { width: 800, height: 800 };

function zoneOfPoint(x: number, y: number) {
  return zoneOf({ resources: x / plot.width, effect: 1 - y / plot.height });
}

describe('wall grid markers', () => {
  it('puts a lone marker on its true point', () => {
    const [marker] = layoutMarkers([{ id: 'a', position: { effect: 0.8, resources: 0.2 } }], plot, 20);
    expect(marker).toMatchObject({ id: 'a', zone: 'green' });
    expect(marker!.x).toBeCloseTo(160);
    expect(marker!.y).toBeCloseTo(160);
    expect(marker!.moved).toBeCloseTo(0);
  });

  it('separates ideas given exactly the same values, close to their point', () => {
    const inputs: MarkerInput[] = ['a', 'b', 'c'].map((id) => ({ id, position: { effect: 0.8, resources: 0.2 } }));
    const markers = layoutMarkers(inputs, plot, 20);
    expect(countOverlaps(markers, 20)).toBe(0);
    for (const marker of markers) expect(marker.moved).toBeLessThan(3 * 20);
  });

  it('keeps a marker on the zone border inside its own zone', () => {
    const inputs: MarkerInput[] = [
      { id: 'yellow', position: { effect: 0.5, resources: 0.5 } },
      { id: 'orange', position: { effect: 0.49, resources: 0.49 } },
    ];
    const markers = layoutMarkers(inputs, plot, 20);
    for (const marker of markers) expect(zoneOfPoint(marker.x, marker.y)).toBe(marker.id);
  });

  it('never overlaps and never leaves the zone on random boards, identical points included', () => {
    const random = seeded(7);
    for (let board = 0; board < 25; board++) {
      const count = 5 + Math.floor(random() * 40);
      const inputs: MarkerInput[] = [];
      for (let i = 0; i < count; i++) {
        // A third of the ideas share one of a few spots, as a team's quick votes do.
        const shared = random() < 0.33;
        const effect = shared ? [0.8, 0.2, 0.5][i % 3]! : random();
        const resources = shared ? [0.2, 0.8, 0.5][i % 3]! : random();
        inputs.push({ id: `i${i}`, position: { effect, resources } });
      }
      const fit = fitMarkers(inputs, plot, { min: 14, max: 28 });
      expect(fit.fits).toBe(true);
      expect(fit.markers).toHaveLength(count);
      expect(countOverlaps(fit.markers, fit.radius)).toBe(0);
      for (const marker of fit.markers) {
        const input = inputs.find((i) => i.id === marker.id)!;
        expect(zoneOfPoint(marker.x, marker.y)).toBe(zoneOf(input.position));
        expect(marker.x).toBeGreaterThanOrEqual(fit.radius);
        expect(marker.y).toBeLessThanOrEqual(plot.height - fit.radius);
      }
    }
  });

  it('shrinks the markers before they would overlap, and says so when even the smallest cannot fit', () => {
    const crowd: MarkerInput[] = Array.from({ length: 60 }, (_, i) => ({ id: `c${i}`, position: { effect: 0.9, resources: 0.1 } }));
    const fit = fitMarkers(crowd, plot, { min: 14, max: 40 });
    expect(fit.fits).toBe(true);
    expect(fit.radius).toBeLessThan(40);
    expect(countOverlaps(fit.markers, fit.radius)).toBe(0);

    const many: MarkerInput[] = Array.from({ length: 240 }, (_, i) => ({ id: `m${i}`, position: { effect: 0.9, resources: 0.1 } }));
    const tooMany = fitMarkers(many, { width: 400, height: 400 }, { min: 14, max: 20 });
    expect(tooMany.fits).toBe(false);
    expect(tooMany.markers).toHaveLength(240);
  });

  it('maps effect upwards and resources to the right', () => {
    expect(truePoint({ effect: 1, resources: 0 }, plot)).toEqual({ x: 0, y: 0 });
    expect(truePoint({ effect: 0, resources: 1 }, plot)).toEqual({ x: 800, y: 800 });
  });
});

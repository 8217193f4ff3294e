// The assessment grid: an idea's zone follows from its effect and resources (both 0..1).
// effect ≥ 0.5 is high, resources ≥ 0.5 is many (docs/contract.md, "Board document").

export type Zone = 'green' | 'yellow' | 'orange' | 'red';

/** Zones in the order the team takes ideas from them: best first. */
export const ZONES: readonly Zone[] = ['green', 'yellow', 'orange', 'red'];

export const ZONE_THRESHOLD = 0.5;

export interface Position {
  effect: number;
  resources: number;
}

export function isHighEffect(effect: number): boolean {
  return effect >= ZONE_THRESHOLD;
}

export function isManyResources(resources: number): boolean {
  return resources >= ZONE_THRESHOLD;
}

/** The zone of a position, or null when the idea is not assessed. */
export function zoneOf(position: Position | null): Zone | null {
  if (!position) return null;
  const high = isHighEffect(position.effect);
  const many = isManyResources(position.resources);
  if (high) return many ? 'yellow' : 'green';
  return many ? 'red' : 'orange';
}

/** Clamp a value into 0..1; NaN and non-numbers become null. */
export function clampUnit(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return Math.min(1, Math.max(0, value));
}

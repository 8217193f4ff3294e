// The order ideas are listed in when the team picks actions: green first, then yellow, orange,
// red; inside a zone the highest effect first (then the fewest resources); ideas not assessed
// yet come last, oldest first.

import { ZONES, type Position, type Zone } from './zones';

interface OrderedIdea {
  id: string;
  createdAt: string;
  zone: Zone | null;
  position: Position | null;
}

export function compareByZone(a: OrderedIdea, b: OrderedIdea): number {
  const rank = (idea: OrderedIdea) => (idea.zone ? ZONES.indexOf(idea.zone) : ZONES.length);
  return (
    rank(a) - rank(b) ||
    (b.position?.effect ?? 0) - (a.position?.effect ?? 0) ||
    (a.position?.resources ?? 0) - (b.position?.resources ?? 0) ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.id.localeCompare(b.id)
  );
}

export function sortByZone<T extends OrderedIdea>(ideas: readonly T[]): T[] {
  return [...ideas].sort(compareByZone);
}

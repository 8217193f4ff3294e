// The wall numbers the ideas 1, 2, 3 … in the order they came (created first = 1), so a marker
// on the grid and a post-it in Idéer carry the same number and the team can say "nummer 7".
// The order is the document's, the same on every screen (ties by id).

import type { Idea } from '../../../shared/schema';

export interface NumberedIdea {
  idea: Idea;
  number: number;
}

export function numberIdeas(ideas: readonly Idea[]): NumberedIdea[] {
  return [...ideas]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((idea, index) => ({ idea, number: index + 1 }));
}

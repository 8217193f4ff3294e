// Assessing by choosing a level per axis (the non-drag way): one axis chosen alone is kept
// pending until the other is chosen too; with both, the idea is placed at once.

import { useState } from 'react';
import type * as Y from 'yjs';
import { assessIdea, type Idea } from '../../../shared/schema';
import type { Position } from '../../../shared/domain/zones';
import { isLevel, levelOf, withLevel } from './geometry';

export function useLevelChoice(doc: Y.Doc, idea: Idea) {
  const [pending, setPending] = useState<Partial<Position>>({});
  const position = idea.position;

  const choose = (axis: keyof Position, raw: string) => {
    const value = Number(raw);
    if (!isLevel(value)) return;
    const next = withLevel(position, pending, axis, value);
    setPending(next.pending);
    if (next.position) assessIdea(doc, idea.id, next.position);
  };

  /** The select's value for an axis: the level of the stored position, else what is pending. */
  const valueOf = (axis: keyof Position): string => {
    if (position) return String(levelOf(position[axis]));
    const chosen = pending[axis];
    return chosen === undefined ? '' : String(chosen);
  };

  return { choose, valueOf };
}

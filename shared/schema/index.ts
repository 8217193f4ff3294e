// The one door to the board document: typed readers and named writers over a Y.Doc.

import type * as Y from 'yjs';
import { readMeta, type BoardMeta } from './board';
import { readGoals, type Goal } from './goal';
import { readIdeas, type Idea } from './idea';
import { readActions, type Action } from './action';

export * from './board';
export * from './goal';
export * from './idea';
export * from './action';
export * from './meeting';
export * from './ideaEdits';
export * from './brainstorm';
export { replaceText, MAX_TEXT_LENGTH } from './text';

export interface Board {
  meta: BoardMeta;
  goals: Goal[];
  ideas: Idea[];
  actions: Action[];
}

/** The whole board as plain typed data (never throws on junk). */
export function readBoard(doc: Y.Doc): Board {
  return { meta: readMeta(doc), goals: readGoals(doc), ideas: readIdeas(doc), actions: readActions(doc) };
}

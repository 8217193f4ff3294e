// Cached, typed views of the board's root collections for useSyncExternalStore: a view is read
// again only after its own root changed, so typing in an action does not re-read the goals.

import type * as Y from 'yjs';
import { readActions, readGoals, readIdeas, readMeta, roots, type Action, type BoardMeta, type Goal, type Idea } from '../../../shared/schema';

export interface ViewTypes {
  meta: BoardMeta;
  goals: Goal[];
  ideas: Idea[];
  actions: Action[];
}

export type RootName = keyof ViewTypes;

const READERS: { [K in RootName]: (doc: Y.Doc) => ViewTypes[K] } = {
  meta: readMeta,
  goals: readGoals,
  ideas: readIdeas,
  actions: readActions,
};

export interface BoardViews {
  subscribe: (root: RootName, listener: () => void) => () => void;
  get: <K extends RootName>(root: K) => ViewTypes[K];
}

export function createBoardViews(doc: Y.Doc): BoardViews {
  const cache = new Map<RootName, unknown>();
  const listeners = new Map<RootName, Set<() => void>>();
  const observed = new Set<RootName>();

  const observe = (root: RootName) => {
    if (observed.has(root)) return;
    observed.add(root);
    roots(doc)[root].observeDeep(() => {
      cache.delete(root);
      listeners.get(root)?.forEach((listener) => listener());
    });
  };

  return {
    subscribe(root, listener) {
      observe(root);
      let set = listeners.get(root);
      if (!set) listeners.set(root, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    get(root) {
      observe(root);
      if (!cache.has(root)) cache.set(root, READERS[root](doc));
      return cache.get(root) as ViewTypes[typeof root];
    },
  };
}

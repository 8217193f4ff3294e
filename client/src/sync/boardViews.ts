// Cached, typed views of the board's roots for useSyncExternalStore. A root is read again only
// after it changed, and then only the entries that changed are read again: an idea whose Y.Map
// (or text) was not touched keeps its object, so `useIdea(id)` and a plain `memo` skip it, and
// typing into one post-it re-renders that post-it only. Which entries changed comes from the
// Yjs events themselves (the first step of each event's path below the root).

import type * as Y from 'yjs';
import {
  compareActions,
  compareGoals,
  compareIdeas,
  readAction,
  readGoal,
  readIdea,
  readMeta,
  roots,
  type Action,
  type BoardMeta,
  type Goal,
  type Idea,
} from '../../../shared/schema';
import { entryMaps } from '../../../shared/schema/values';

export interface ViewTypes {
  meta: BoardMeta;
  goals: Goal[];
  ideas: Idea[];
  actions: Action[];
}

export type RootName = keyof ViewTypes;
export type CollectionName = 'goals' | 'ideas' | 'actions';
export type EntryOf<K extends CollectionName> = ViewTypes[K][number];

interface Collection<T extends { id: string }> {
  read: (id: string, map: Y.Map<unknown>) => T;
  compare: (a: T, b: T) => number;
}

const COLLECTIONS: { [K in CollectionName]: Collection<EntryOf<K>> } = {
  goals: { read: readGoal, compare: compareGoals },
  ideas: { read: readIdea, compare: compareIdeas },
  actions: { read: readAction, compare: compareActions },
};

export interface BoardViews {
  subscribe: (root: RootName, listener: () => void) => () => void;
  get: <K extends RootName>(root: K) => ViewTypes[K];
  /** One entry of a collection (the same object while it is unchanged), or null. */
  entry: <K extends CollectionName>(root: K, id: string) => EntryOf<K> | null;
}

/** The ids of a collection's entries that a batch of deep events touched; null: all of them. */
export function touchedEntries(events: readonly Y.YEvent<Y.AbstractType<unknown>>[], collection: Y.Map<unknown>): Set<string> | null {
  const touched = new Set<string>();
  for (const event of events) {
    if ((event.target as unknown) === collection) {
      for (const key of (event as Y.YMapEvent<unknown>).keysChanged) touched.add(key);
      continue;
    }
    const first = event.path[0];
    if (typeof first !== 'string') return null;
    touched.add(first);
  }
  return touched;
}

class CollectionView<T extends { id: string }> {
  private byId = new Map<string, T>();
  private list: T[] | null = null;
  /** Entries to read again at the next get; null: every entry. */
  private dirty: Set<string> | null = null;

  constructor(
    private readonly map: Y.Map<unknown>,
    private readonly kind: Collection<T>,
  ) {}

  invalidate(events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): void {
    const touched = touchedEntries(events, this.map);
    if (touched === null) this.dirty = null;
    else if (this.dirty !== null) for (const id of touched) this.dirty.add(id);
    this.list = null;
  }

  get(): T[] {
    if (this.list) return this.list;
    const next = new Map<string, T>();
    for (const [id, map] of entryMaps(this.map)) {
      const previous = this.byId.get(id);
      next.set(id, previous && this.dirty !== null && !this.dirty.has(id) ? previous : this.kind.read(id, map));
    }
    this.byId = next;
    this.dirty = new Set();
    this.list = [...next.values()].sort(this.kind.compare);
    return this.list;
  }

  entry(id: string): T | null {
    this.get();
    return this.byId.get(id) ?? null;
  }
}

export function createBoardViews(doc: Y.Doc): BoardViews {
  const { meta, goals, ideas, actions } = roots(doc);
  const collections = {
    goals: new CollectionView(goals, COLLECTIONS.goals),
    ideas: new CollectionView(ideas, COLLECTIONS.ideas),
    actions: new CollectionView(actions, COLLECTIONS.actions),
  };
  let metaView: BoardMeta | null = null;
  const listeners = new Map<RootName, Set<() => void>>();
  const observed = new Set<RootName>();
  const shared = { meta, goals, ideas, actions };

  // Observed for the life of the document, from the first subscription or read of a root.
  const observe = (root: RootName) => {
    if (observed.has(root)) return;
    observed.add(root);
    shared[root].observeDeep((events) => {
      if (root === 'meta') metaView = null;
      else collections[root].invalidate(events);
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
      if (root === 'meta') return (metaView ??= readMeta(doc)) as ViewTypes[typeof root];
      return collections[root as CollectionName].get() as ViewTypes[typeof root];
    },
    entry(root, id) {
      observe(root);
      return collections[root].entry(id) as EntryOf<typeof root> | null;
    },
  };
}

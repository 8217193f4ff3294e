// React access to the open board: the connection, typed views of the document and presence.
// Components read through these hooks and write through the named verbs in shared/schema.

import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { useStore } from 'zustand';
import { createBoardViews, type BoardViews, type CollectionName, type EntryOf, type RootName, type ViewTypes } from './boardViews';
import type { BoardConnection, ConnectionState } from './connection';
import { useIdentity } from './identity';
import { presentPeople, type PresentPerson } from '../../../shared/schema/presence';

interface BoardContextValue {
  connection: BoardConnection;
  views: BoardViews;
}

const BoardContext = createContext<BoardContextValue | null>(null);

export function BoardProvider({ connection, children }: { connection: BoardConnection; children: ReactNode }) {
  const value = useMemo(() => ({ connection, views: createBoardViews(connection.doc) }), [connection]);
  const { name, color } = useIdentity();
  useEffect(() => {
    // A view link (wall screen, leader) has no name; it shows up as "wall screen", never as a prompt.
    const role = connection.capability;
    connection.awareness.setLocalStateField('user', { name: role === 'edit' ? name : '', color: role === 'edit' ? color : '#e3e8ee', role });
  }, [connection, name, color]);
  return <BoardContext.Provider value={value}>{children}</BoardContext.Provider>;
}

function useBoardContext(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('Board hooks must be used inside <BoardProvider>');
  return value;
}

export function useBoardConnection(): BoardConnection {
  return useBoardContext().connection;
}

/** The Y.Doc, only to hand to the verbs in shared/schema (never to read or write maps directly). */
export function useBoardDoc(): Y.Doc {
  return useBoardContext().connection.doc;
}

/** Whether this link may change the board (edit token) or only look (view token). */
export function useCanEdit(): boolean {
  return useBoardContext().connection.capability === 'edit';
}

export function useConnectionState<T>(select: (state: ConnectionState) => T): T {
  return useStore(useBoardContext().connection.state, select);
}

/**
 * Whether what this browser shows is stored on the server (ConnectionState.saved, issue 8.1),
 * for a "Gemt"/"Ikke gemt" badge next to the connection state (board header, wall header).
 */
export function useSaveState(): boolean {
  return useConnectionState((state) => state.saved);
}

function useView<K extends RootName>(root: K): ViewTypes[K] {
  const { views } = useBoardContext();
  return useSyncExternalStore(
    (listener) => views.subscribe(root, listener),
    () => views.get(root),
  );
}

/**
 * One entry, re-rendering only when that entry changed (the view cache keeps an unchanged
 * entry's object), so a post-it, an action row or a goal card can subscribe to itself.
 */
function useEntry<K extends CollectionName>(root: K, id: string): EntryOf<K> | null {
  const { views } = useBoardContext();
  return useSyncExternalStore(
    (listener) => views.subscribe(root, listener),
    () => views.entry(root, id),
  );
}

export const useIdea = (id: string) => useEntry('ideas', id);
export const useAction = (id: string) => useEntry('actions', id);
export const useGoal = (id: string) => useEntry('goals', id);

export const useMeta = () => useView('meta');
export const useGoals = () => useView('goals');
export const useIdeas = () => useView('ideas');
export const useActions = () => useView('actions');

export type Person = PresentPerson;

/** Everyone on the board now, from awareness (me first), read through the presence schema (shared/schema/presence.ts). */
export function usePresence(): Person[] {
  const { connection } = useBoardContext();
  const { awareness } = connection;
  const snapshot = useSyncExternalStore(
    (listener) => {
      awareness.on('change', listener);
      return () => awareness.off('change', listener);
    },
    () => JSON.stringify(presentPeople(awareness.getStates(), awareness.clientID)),
  );
  return useMemo(() => JSON.parse(snapshot) as Person[], [snapshot]);
}

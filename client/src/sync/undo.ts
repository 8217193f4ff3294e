// Undo/redo of one's own changes on a board (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y). One Y.UndoManager
// per open document over the four fields and the meta, tracking only transactions with origin
// null: our own verbs. Updates from the server (origin: the websocket provider) and from the
// offline copy (origin: the IndexedDB persistence) are never tracked, so nobody undoes someone
// else's change. The meeting's writers use MEETING_ORIGIN and are not undone either (the step,
// the timer and the minutes are the meeting's record, not an edit).

import * as Y from 'yjs';
import { useEffect, useSyncExternalStore } from 'react';
import { roots } from '../../../shared/schema';

/** Edits closer together than this are one undo step (typing a word, dragging a post-it). */
const CAPTURE_MS = 600;

export interface BoardUndo {
  manager: Y.UndoManager;
  subscribe: (listener: () => void) => () => void;
  state: () => string;
}

const undos = new WeakMap<Y.Doc, BoardUndo>();

/** The undo manager of a document, made on first use and destroyed with the document. */
export function undoFor(doc: Y.Doc): BoardUndo {
  let undo = undos.get(doc);
  if (!undo) {
    const { meta, goals, ideas, actions } = roots(doc);
    const manager = new Y.UndoManager([meta, goals, ideas, actions], { trackedOrigins: new Set([null]), captureTimeout: CAPTURE_MS });
    const listeners = new Set<() => void>();
    const notify = () => listeners.forEach((listener) => listener());
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) manager.on(event, notify);
    undo = {
      manager,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      state: () => `${manager.canUndo() ? 'u' : ''}${manager.canRedo() ? 'r' : ''}`,
    };
    undos.set(doc, undo);
  }
  return undo;
}

/** Whether undo and redo have something to do now. */
export function useUndoState(doc: Y.Doc): { canUndo: boolean; canRedo: boolean } {
  const undo = undoFor(doc);
  const state = useSyncExternalStore(undo.subscribe, undo.state);
  return { canUndo: state.includes('u'), canRedo: state.includes('r') };
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'month', 'week', 'time', 'datetime-local', '']);

/** Text fields keep the browser's own undo of what is being typed. */
export function isTextEntry(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLTextAreaElement) return true;
  if (element instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}

/** What a key press means for undo: 'undo', 'redo' or null. */
export function undoKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !event.shiftKey) return 'redo';
  return null;
}

/** Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y anywhere on the page, except while typing in a text field. */
export function useUndoShortcuts(doc: Y.Doc, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const { manager } = undoFor(doc);
    const onKeyDown = (event: KeyboardEvent) => {
      const action = undoKey(event);
      if (!action || event.defaultPrevented || isTextEntry(event.target instanceof Element ? event.target : document.activeElement)) return;
      event.preventDefault();
      if (action === 'undo') manager.undo();
      else manager.redo();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [doc, enabled]);
}

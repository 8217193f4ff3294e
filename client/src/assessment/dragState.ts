// Shared state of a post-it drag: what is being dragged, from where, and where it would land now.
// The DOM nodes of the two drop targets are registered here so a drop is computed from what is on
// screen at that moment (fresh rects), not from measurements taken when the drag began.

import { createContext, useContext } from 'react';
import { create } from 'zustand';
import type { Position, Zone } from '../../../shared/domain/zones';
import type { DragSource, DropTarget } from './geometry';

/** `data` of every post-it draggable. */
export interface DragData {
  ideaId: string;
  from: DragSource;
  text: string;
  /** The stored position, when assessed (keyboard moves start from it). */
  position?: Position | null;
}

export function dragId(from: DragSource, ideaId: string): string {
  return `${from}:${ideaId}`;
}

export function isDragData(value: unknown): value is DragData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return typeof data.ideaId === 'string' && (data.from === 'ideas' || data.from === 'grid') && typeof data.text === 'string';
}

interface DragState {
  /** The post-it being dragged, or null. */
  active: DragData | null;
  /** Where it would land if dropped now. */
  target: DropTarget;
  /** The zone it would land in (when the target is the grid). */
  zone: Zone | null;
  set: (next: Partial<Omit<DragState, 'set'>>) => void;
}

export const useDragState = create<DragState>()((set) => ({
  active: null,
  target: null,
  zone: null,
  set: (next) => set(next),
}));

export interface DropNodes {
  grid: HTMLElement | null;
  ideas: HTMLElement | null;
}

export const DropNodesContext = createContext<DropNodes>({ grid: null, ideas: null });

/** The registry of drop-target nodes (a stable mutable object owned by <AssessmentDnd>). */
export function useDropNodes(): DropNodes {
  return useContext(DropNodesContext);
}

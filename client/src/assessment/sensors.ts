// Sensors for dragging post-its: mouse and pen (PointerSensor), touch (TouchSensor, long press so
// lists still scroll) and keyboard (a grid-aware keyboard sensor, see GridKeyboardSensor).

import {
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  type KeyboardCoordinateGetter,
  type KeyboardSensorOptions,
  type Modifier,
  type PointerSensorOptions,
  type SensorInstance,
  type SensorProps,
  type TouchSensorOptions,
} from '@dnd-kit/core';
import type { PointerEvent as ReactPointerEvent, TouchEvent as ReactTouchEvent } from 'react';
import type { Position } from '../../../shared/domain/zones';
import { isArrowKey, nextKeyboardCentre, pointFromPosition, type Box } from './geometry';

/** dnd-kit's keys: Space/Enter pick up; Space/Enter/Tab drop; Escape cancels. */
const KEYS = { start: ['Space', 'Enter'], cancel: ['Escape'], end: ['Space', 'Enter', 'Tab'] };

/** Controls inside a post-it (its buttons, the text editor, selects) never start a drag. */
const INTERACTIVE = 'button, input, textarea, select, a[href], label, [contenteditable], [data-no-drag]';

export function startsOnControl(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  const control = target.closest(INTERACTIVE);
  // The drag handle is a button on purpose (keyboard focus), and a post-it's text (a button that
  // opens the editor on click) is where people grab it: both may start a pointer drag. A drag never
  // becomes a click: dnd-kit swallows the click that ends a drag.
  return control !== null && !control.hasAttribute('data-drag-handle') && !control.hasAttribute('data-drag-grip');
}

/** Mouse and pen. Touch is left to BoardTouchSensor, which waits for a long press. */
export class BoardPointerSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === 'touch') return false;
        if (startsOnControl(event.target)) return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

export class BoardTouchSensor extends TouchSensor {
  static override activators = [
    {
      eventName: 'onTouchStart' as const,
      handler: ({ nativeEvent: event }: ReactTouchEvent, { onActivation }: TouchSensorOptions) => {
        if (event.touches.length > 1 || startsOnControl(event.target)) return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

/** Where an assessed post-it starts a keyboard drag from (see gridCoordinateGetter). */
export interface KeyboardStart {
  position: Position;
  /** true: the first arrow lands on `position`; false: it steps from `position`. */
  jump: boolean;
}

function boxOf(node: Element): Box | null {
  const { left, top, width, height } = node.getBoundingClientRect();
  return width > 0 && height > 0 ? { left, top, width, height } : null;
}

function fullyVisible(box: Box, win: Window): boolean {
  return box.top >= 0 && box.left >= 0 && box.top + box.height <= win.innerHeight && box.left + box.width <= win.innerWidth;
}

/**
 * Keyboard moves in steps of the grid (geometry.nextKeyboardCentre): the first arrow brings a post-it
 * from the Idéer field onto the grid (its middle, or where it already is), the next ones move it
 * 5 % at a time. The step is worked out as a share of the grid; then the grid is scrolled into view
 * if it is not, measured again, and the share mapped back to the screen — so the post-it (a fixed
 * overlay) lands on the right spot of the grid as it is on screen now.
 * `takeStart` hands over, once per drag, the stored position of an assessed post-it: picked up on
 * the grid, the first step starts from that exact point (not from the card as drawn, which is kept
 * inside the grid at the edges); picked up in Idéer, the first arrow puts it back on that point.
 */
export function gridCoordinateGetter(
  getGridNode: () => HTMLElement | null,
  takeStart: () => KeyboardStart | null = () => null,
): KeyboardCoordinateGetter {
  return (event, { currentCoordinates, context }) => {
    if (!isArrowKey(event.code)) return undefined;
    // Ours from here on: never let the arrow scroll the page as well.
    event.preventDefault();
    const card = context.collisionRect;
    const node = getGridNode();
    const before = node ? boxOf(node) : null;
    if (!card || !node || !before) return undefined;
    const start = takeStart();
    const from = start ? pointFromPosition(start.position, before) : null;
    const centre = from ?? { x: currentCoordinates.x + card.width / 2, y: currentCoordinates.y + card.height / 2 };
    const next = start?.jump ? from : nextKeyboardCentre(event.code, centre, before);
    if (!next) return undefined;
    const share = { x: (next.x - before.left) / before.width, y: (next.y - before.top) / before.height };
    const win = node.ownerDocument.defaultView;
    if (win && !fullyVisible(before, win)) node.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const grid = boxOf(node) ?? before;
    return { x: grid.left + share.x * grid.width - card.width / 2, y: grid.top + share.y * grid.height - card.height / 2 };
  };
}

/**
 * Keyboard dragging with dnd-kit's keys, activator and coordinate-getter contract, minus two
 * things of its KeyboardSensor that break here:
 * - its scroll compensation assumes the dragged node sits inside the scrolled container; with a
 *   DragOverlay jumping from the Idéer field to the grid it put post-its hundreds of pixels off
 *   (the coordinate getter keeps the grid in view instead);
 * - it attaches its key listener a tick late, so an arrow pressed right after Space was lost; here
 *   the listener is attached at once and ignores the very key press that picked the post-it up.
 */
export class GridKeyboardSensor implements SensorInstance {
  autoScrollEnabled = false;
  private reference: { x: number; y: number } | null = null;
  private readonly doc: Document;
  private readonly win: Window;

  static activators = KeyboardSensor.activators;

  constructor(private readonly props: SensorProps<KeyboardSensorOptions>) {
    const target = props.event.target;
    this.doc = target instanceof Node && target.ownerDocument ? target.ownerDocument : document;
    this.win = this.doc.defaultView ?? window;
    this.handleKeyDown = this.handleKeyDown.bind(this);
    this.handleCancel = this.handleCancel.bind(this);
    this.doc.addEventListener('keydown', this.handleKeyDown);
    this.win.addEventListener('resize', this.handleCancel);
    this.win.addEventListener('visibilitychange', this.handleCancel);
    this.props.onStart({ x: 0, y: 0 });
  }

  private handleKeyDown(event: KeyboardEvent): void {
    if (event === this.props.event) return; // the key press that started the drag
    const { keyboardCodes = KEYS, coordinateGetter } = this.props.options;
    if (keyboardCodes.end.includes(event.code)) {
      event.preventDefault();
      this.detach();
      this.props.onEnd();
      return;
    }
    if (keyboardCodes.cancel.includes(event.code)) {
      this.handleCancel(event);
      return;
    }
    if (!coordinateGetter) return;
    const context = this.props.context.current;
    const rect = context.collisionRect;
    const current = rect ? { x: rect.left, y: rect.top } : { x: 0, y: 0 };
    this.reference ??= current;
    const next = coordinateGetter(event, { active: this.props.active, context, currentCoordinates: current });
    if (!next) return;
    event.preventDefault();
    this.props.onMove({ x: next.x - this.reference.x, y: next.y - this.reference.y });
  }

  private handleCancel(event: Event): void {
    event.preventDefault();
    this.detach();
    this.props.onCancel();
  }

  private detach(): void {
    this.doc.removeEventListener('keydown', this.handleKeyDown);
    this.win.removeEventListener('resize', this.handleCancel);
    this.win.removeEventListener('visibilitychange', this.handleCancel);
  }
}

function eventPoint(event: Event): { x: number; y: number } | null {
  if (typeof TouchEvent !== 'undefined' && event instanceof TouchEvent) {
    const touch = event.touches[0] ?? event.changedTouches[0];
    return touch ? { x: touch.clientX, y: touch.clientY } : null;
  }
  if ('clientX' in event && 'clientY' in event) {
    const { clientX, clientY } = event as MouseEvent;
    return { x: clientX, y: clientY };
  }
  return null;
}

/**
 * With a pointer, the dragged card's centre sits under the pointer: the point you drop at is the
 * point stored. (Keyboard drags have no pointer and are left alone.)
 */
export const snapCentreToPointer: Modifier = ({ activatorEvent, draggingNodeRect, transform }) => {
  if (!activatorEvent || !draggingNodeRect) return transform;
  const point = eventPoint(activatorEvent);
  if (!point) return transform;
  return {
    ...transform,
    x: transform.x + point.x - draggingNodeRect.left - draggingNodeRect.width / 2,
    y: transform.y + point.y - draggingNodeRect.top - draggingNodeRect.height / 2,
  };
};

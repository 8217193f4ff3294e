// The board-wide drag-and-drop context for post-its: drag from Idéer onto the assessment grid,
// move on the grid, drag back to Idéer to take an assessment away. Mouse/pen, touch (long press)
// and keyboard (Space, arrows in 5 % steps, Space; Escape cancels), with Danish/English
// screen-reader announcements that say which post-it and, at the drop, which zone it landed in.
// Auto-scrolling (issue 9) never scrolls the page nor the Vurdering field while a post-it is
// dragged: on a laptop it overshot by a screen and more, and the grid's "Ikke placeret" tray keeps
// the ideas to place next to the grid; the lists in the other fields still scroll near their edges.

import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import {
  DndContext,
  DragOverlay,
  getClientRect,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type MeasuringConfiguration,
  type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { assessIdea } from '../../../shared/schema';
import { zoneOf } from '../../../shared/domain/zones';
import { useT } from '../app/i18n';
import { useBoardConnection, useBoardDoc, useIdeas } from '../sync/BoardProvider';
import { centreWithin } from './collision';
import { DropNodesContext, isDragData, useDragState, type DragData, type DropNodes } from './dragState';
import { centreOf, containsPoint, percent, positionFromPoint, resolveDrop, type Box, type DropOutcome, type DropTarget, type Point } from './geometry';
import { GridCardFace } from './GridCardFace';
import { assessmentMessages } from './messages';
import { BoardPointerSensor, BoardTouchSensor, GridKeyboardSensor, gridCoordinateGetter, snapCentreToPointer, type KeyboardStart } from './sensors';
import { zoneText } from './ZoneBadge';
import { publishDrag, type PublishedDrag } from './remoteDrags';
import './assessment.css';

const MODIFIERS = [snapCentreToPointer];

const MEASURING: MeasuringConfiguration = {
  // The overlay is measured where it starts, without its transform: dnd-kit adds the transform.
  dragOverlay: { measure: (element) => getClientRect(element, { ignoreTransform: true }) },
  // The Idéer droppable counts as its whole field (header included): a generous target.
  droppable: {
    measure: (element) => getClientRect(dropFrame(element), { ignoreTransform: true }),
  },
};

/** Scrolled while dragging: the lists in the fields, never the page or the Vurdering field with the grid. */
const AUTO_SCROLL = {
  threshold: { x: 0.1, y: 0.1 },
  acceleration: 5,
  canScroll: (element: Element) =>
    element !== element.ownerDocument.scrollingElement && element !== element.ownerDocument.body && element.closest('[data-field=assessment]') === null,
};

/** The "Ikke placeret" tray next to the grid: dropping a grid card there takes its assessment away. */
function trayOf(grid: HTMLElement | null): HTMLElement | null {
  return grid?.closest('[data-field]')?.querySelector<HTMLElement>('[data-drop-tray]') ?? null;
}

/** A droppable marked data-drop-field stands for the whole board field it sits in. */
function dropFrame(element: HTMLElement): HTMLElement {
  return element.hasAttribute('data-drop-field') ? (element.closest<HTMLElement>('[data-field]') ?? element) : element;
}

function rectOf(element: Element | null | undefined): Box | null {
  if (!element) return null;
  const { left, top, width, height } = element.getBoundingClientRect();
  return width > 0 && height > 0 ? { left, top, width, height } : null;
}

function isKeyboard(event: Event | null): boolean {
  return typeof KeyboardEvent !== 'undefined' && event instanceof KeyboardEvent;
}

/** Others see a drag at most this often (awareness, see remoteDrags.ts). */
const PUBLISH_EVERY_MS = 80;

export function AssessmentDnd({ children }: { children: ReactNode }) {
  const doc = useBoardDoc();
  const { awareness } = useBoardConnection();
  const publishTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const publishedAt = useRef(0);
  const pendingPublish = useRef<PublishedDrag | null>(null);
  // Throttled, with the last position always sent; null (the drag ended) goes out at once.
  const publish = useCallback(
    (drag: PublishedDrag | null) => {
      if (publishTimer.current) clearTimeout(publishTimer.current);
      publishTimer.current = null;
      const wait = PUBLISH_EVERY_MS - (Date.now() - publishedAt.current);
      if (drag === null || wait <= 0) {
        publishedAt.current = Date.now();
        publishDrag(awareness, drag);
        return;
      }
      pendingPublish.current = drag;
      publishTimer.current = setTimeout(() => {
        publishTimer.current = null;
        publishedAt.current = Date.now();
        publishDrag(awareness, pendingPublish.current);
      }, wait);
    },
    [awareness],
  );
  useEffect(
    () => () => {
      if (publishTimer.current) clearTimeout(publishTimer.current);
    },
    [],
  );
  const t = useT(assessmentMessages);
  const nodes = useRef<DropNodes>({ grid: null, ideas: null }).current;
  const setDrag = useDragState((s) => s.set);
  const lastOutcome = useRef<DropOutcome>({ kind: 'none' });
  const keyboardDrag = useRef(false);
  const lastZoneAnnounced = useRef<string | null>(null);
  const keyboardStart = useRef<KeyboardStart | null>(null);
  const takeKeyboardStart = useCallback(() => {
    const start = keyboardStart.current;
    keyboardStart.current = null;
    return start;
  }, []);

  // Fresh measurements, so scrolling during a drag never skews where a post-it lands.
  const gridNode = useCallback(() => nodes.grid, [nodes]);
  const gridBox = useCallback(() => rectOf(nodes.grid), [nodes]);
  const targetAt = useCallback(
    (point: Point): DropTarget => {
      const grid = gridBox();
      if (grid && containsPoint(grid, point)) return 'grid';
      const tray = rectOf(trayOf(nodes.grid));
      if (tray && containsPoint(tray, point)) return 'ideas';
      const ideas = rectOf(nodes.ideas && dropFrame(nodes.ideas));
      if (ideas && containsPoint(ideas, point)) return 'ideas';
      return null;
    },
    [gridBox, nodes],
  );
  const cardCentre = useCallback((active: Active): Point | null => {
    const rect = active.rect.current.translated;
    return rect ? centreOf(rect) : null;
  }, []);

  const pointerOptions = useMemo(() => ({ activationConstraint: { distance: 6 } }), []);
  const touchOptions = useMemo(() => ({ activationConstraint: { delay: 220, tolerance: 8 } }), []);
  const keyboardOptions = useMemo(
    () => ({ coordinateGetter: gridCoordinateGetter(gridNode, takeKeyboardStart) }),
    [gridNode, takeKeyboardStart],
  );
  const sensors = useSensors(
    useSensor(BoardPointerSensor, pointerOptions),
    useSensor(BoardTouchSensor, touchOptions),
    useSensor(GridKeyboardSensor, keyboardOptions),
  );

  const onDragStart = useCallback(
    (event: DragStartEvent) => {
      const data = event.active.data.current;
      if (!isDragData(data)) return;
      keyboardDrag.current = isKeyboard(event.activatorEvent);
      keyboardStart.current = keyboardDrag.current && data.position ? { position: data.position, jump: data.from === 'ideas' } : null;
      lastZoneAnnounced.current = null;
      lastOutcome.current = { kind: 'none' };
      setDrag({ active: data, target: data.from, zone: null });
      publish({ ideaId: data.ideaId, effect: data.position?.effect ?? null, resources: data.position?.resources ?? null });
    },
    [publish, setDrag],
  );

  const onDragMove = useCallback(
    (event: DragMoveEvent) => {
      const centre = cardCentre(event.active);
      const target = centre ? targetAt(centre) : null;
      const grid = gridBox();
      const zone = target === 'grid' && centre && grid ? zoneOf(positionFromPoint(centre, grid)) : null;
      const state = useDragState.getState();
      if (state.target !== target || state.zone !== zone) setDrag({ target, zone });
      const data = event.active.data.current;
      if (isDragData(data)) {
        const position = target === 'grid' && centre && grid ? positionFromPoint(centre, grid) : null;
        publish({ ideaId: data.ideaId, effect: position?.effect ?? null, resources: position?.resources ?? null });
      }
    },
    [cardCentre, gridBox, publish, setDrag, targetAt],
  );

  const onDragEnd = useCallback(
    (event: DragEndEvent) => {
      const data = event.active.data.current;
      setDrag({ active: null, target: null, zone: null });
      publish(null);
      if (!isDragData(data)) return;
      // Picked up and put down without moving (Space, Space): nothing changes.
      const moved = event.delta.x !== 0 || event.delta.y !== 0;
      const centre = moved ? cardCentre(event.active) : null;
      const target = centre ? targetAt(centre) : null;
      const outcome = resolveDrop(data.from, target, centre, gridBox());
      lastOutcome.current = outcome;
      if (outcome.kind === 'assess') assessIdea(doc, data.ideaId, outcome.position);
      else if (outcome.kind === 'unassess') assessIdea(doc, data.ideaId, null);
    },
    [cardCentre, doc, gridBox, publish, setDrag, targetAt],
  );

  const onDragCancel = useCallback(() => {
    setDrag({ active: null, target: null, zone: null });
    publish(null);
  }, [publish, setDrag]);

  const accessibility = useMemo(() => {
    const zones = zoneText(t);
    const textOf = (active: Active) => {
      const data = active.data.current;
      return isDragData(data) ? data.text : '';
    };
    const describePosition = (active: Active): string | undefined => {
      const centre = cardCentre(active);
      const grid = gridBox();
      if (!centre) return undefined;
      const target = targetAt(centre);
      if (target === 'grid' && grid) {
        const position = positionFromPoint(centre, grid);
        const zone = zoneOf(position);
        if (!position || !zone) return undefined;
        if (keyboardDrag.current) {
          return t('announceMove', { effect: percent(position.effect), resources: percent(position.resources), zone: zones.name(zone), desc: zones.desc(zone) });
        }
        // A pointer moves every frame: speak only when the zone changes.
        if (lastZoneAnnounced.current === zone) return undefined;
        lastZoneAnnounced.current = zone;
        return t('announceOverZone', { zone: zones.name(zone), desc: zones.desc(zone) });
      }
      const key = target ?? 'outside';
      if (lastZoneAnnounced.current === key) return undefined;
      lastZoneAnnounced.current = key;
      if (target === 'ideas') {
        const data = active.data.current;
        return isDragData(data) && data.from === 'grid' ? t('announceOverIdeas') : t('announceOverIdeasStay');
      }
      return t('announceOutside');
    };
    const announcements: Announcements = {
      onDragStart: ({ active }) => t('announcePickUp', { text: textOf(active) }),
      onDragMove: ({ active }) => describePosition(active),
      // Movement is described by onDragMove (with the zone), which knows more than "over a droppable".
      onDragOver: () => undefined,
      onDragEnd: ({ active }) => {
        const text = textOf(active);
        const outcome = lastOutcome.current;
        if (outcome.kind === 'assess') {
          return t('announceDrop', { text, zone: zones.name(outcome.zone).toLocaleLowerCase(), desc: zones.desc(outcome.zone) });
        }
        if (outcome.kind === 'unassess') return t('announceUnassess', { text });
        return t('announceNoChange', { text });
      },
      onDragCancel: ({ active }) => t('announceCancel', { text: textOf(active) }),
    };
    const screenReaderInstructions: ScreenReaderInstructions = { draggable: t('instructions') };
    return { announcements, screenReaderInstructions };
  }, [cardCentre, gridBox, t, targetAt]);

  return (
    <DropNodesContext.Provider value={nodes}>
      <DndContext
        sensors={sensors}
        collisionDetection={centreWithin}
        modifiers={MODIFIERS}
        measuring={MEASURING}
        autoScroll={AUTO_SCROLL}
        accessibility={accessibility}
        onDragStart={onDragStart}
        onDragMove={onDragMove}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
      >
        {children}
        <PostItOverlay />
      </DndContext>
    </DropNodesContext.Provider>
  );
}

const overlayTransition = (event: Event | null) => (isKeyboard(event) ? 'transform 120ms ease-out' : '');

/** The post-it following the pointer (or the arrow keys): the small grid card with its live zone. */
function PostItOverlay() {
  const active = useDragState((s) => s.active);
  const target = useDragState((s) => s.target);
  const zone = useDragState((s) => s.zone);
  const ideas = useIdeas();
  const idea = active ? ideas.find((i) => i.id === active.ideaId) : undefined;
  return (
    // The wrapper would take the size of the card it came from; the grid card has its own size.
    <DragOverlay dropAnimation={null} transition={overlayTransition} style={{ width: 'auto', height: 'auto' }} zIndex={1000}>
      {active ? (
        <div className={`grid-card is-overlay ${target === 'ideas' && active.from === 'grid' ? 'is-leaving' : ''}`} data-dragging="true">
          <GridCardFace text={idea?.text ?? active.text} zone={target === 'grid' ? zone : null} />
        </div>
      ) : null}
    </DragOverlay>
  );
}

export type { DragData };

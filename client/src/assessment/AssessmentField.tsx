// Field 3, Vurdering: the effect × resources grid. Effect runs up (high at the top), resources run
// right (few at the left): green top-left, yellow top-right, orange bottom-left, red bottom-right.
// Each quadrant is tinted AND named, with its count ("Grøn · 4") in a label no card may cover.
// Post-its are DRAWN by gridLayout.ts: at their true point when it is free, otherwise as close as
// possible inside their own quadrant, so no idea hides another; the stored effect/resources are
// exactly where the centre was dropped. When there are too many to show as cards the grid
// condenses to numbered markers and the texts are read in the zone lists below the grid (the text
// alternative, and the list the team picks actions from). Gitter/Liste switches to a table of the
// same assessment with the Vurdér controls, for those who cannot use the grid and for the
// follow-up. A post-it someone else is dragging shows as a ghost with their name where it is now,
// and cannot be picked up meanwhile.
//
// Above the grid, "Ikke placeret" (issue 9) holds the ideas not on the grid yet as small cards to
// drag from (mouse, touch, or Space and arrows), so the grid and the ideas to place are always
// within reach of each other, whatever the board layout (a laptop needs no page scroll to assess);
// dropping a grid card there takes its assessment away, as dropping it on Idéer does.

import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { Idea } from '../../../shared/schema';
import { ZONES, zoneOf, type Zone } from '../../../shared/domain/zones';
import { sortByZone } from '../../../shared/domain/ideaOrder';
import { Field } from '../board/Field';
import { useT } from '../app/i18n';
import { boardMessages } from '../board/messages';
import { useCanEdit, useIdeas } from '../sync/BoardProvider';
import { GRID_DROP_ID } from './collision';
import { dragId, useDragState, useDropNodes, type DragData } from './dragState';
import { percent, percentOf } from './geometry';
import { layoutGrid, type GridLayout, type Rect, type Size } from './gridLayout';
import { GridCardFace, GridMarkerFace } from './GridCardFace';
import { assessmentMessages } from './messages';
import { ZoneBadge, useZoneText } from './ZoneBadge';
import { AssessmentList } from './AssessmentList';
import { useRemoteDrags, useTakenBy, type RemoteDrag } from './remoteDrags';
import { postItColor, postItFill } from '../ideas/postItColor';
import { numberIdeas } from '../wall/numberedIdeas';

/** Quadrants in reading order (top-left, top-right, bottom-left, bottom-right). */
const QUADRANTS: readonly Zone[] = ['green', 'yellow', 'orange', 'red'];

/** Grid card sizes, largest first, and the largest marker, in rem (the layout works in px of the current rem). */
const CARDS_REM = [
  { width: 6.4, height: 3 },
  { width: 5.4, height: 2.6 },
  { width: 4.4, height: 2.3 },
] as const;
const MARKER_REM = 1.6;

type View = 'grid' | 'list';

export function AssessmentField() {
  const t = useT(boardMessages);
  const ta = useT(assessmentMessages);
  const [view, setView] = useState<View>('grid');
  const toggle = (
    <div className="segmented view-toggle" role="group" aria-label={ta('viewLabel')}>
      <button type="button" aria-pressed={view === 'grid'} onClick={() => setView('grid')} data-testid="assessment-view-grid">
        {ta('viewGrid')}
      </button>
      <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')} data-testid="assessment-view-list">
        {ta('viewList')}
      </button>
    </div>
  );
  return (
    <Field id="assessment" number={3} title={t('assessment')} actions={toggle} ownScroll>
      {/* The field's scrolling region: reachable and named for keyboard users (WCAG 2.1.1). */}
      <div className="assessment" data-view={view} tabIndex={0} role="region" aria-label={ta('scrollLabel')} data-testid="assessment-scroll">
        {view === 'grid' ? <GridView /> : <AssessmentList />}
      </div>
    </Field>
  );
}

/** Ideas numbered as on the wall screen (the same rule, so "nummer 7" is the same idea on both). */
function numberOf(ideas: readonly Idea[]): Map<string, number> {
  return new Map(numberIdeas(ideas).map(({ idea, number }) => [idea.id, number]));
}

interface Measured {
  plot: Size;
  rem: number;
  labels: Rect[];
}

const NOT_MEASURED: Measured = { plot: { width: 0, height: 0 }, rem: 16, labels: [] };

function sameMeasure(a: Measured, b: Measured): boolean {
  const near = (x: number, y: number) => Math.abs(x - y) < 0.5;
  return (
    near(a.plot.width, b.plot.width) &&
    near(a.plot.height, b.plot.height) &&
    a.rem === b.rem &&
    a.labels.length === b.labels.length &&
    a.labels.every((l, i) => {
      const m = b.labels[i]!;
      return near(l.left, m.left) && near(l.top, m.top) && near(l.width, m.width) && near(l.height, m.height);
    })
  );
}

/** The plot's inner size and its zone labels (plot px, unscaled), kept current by a ResizeObserver. */
function usePlotMeasure(): [(node: HTMLDivElement | null) => void, Measured] {
  const [measured, setMeasured] = useState<Measured>(NOT_MEASURED);
  const node = useRef<HTMLDivElement | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const measure = useCallback(() => {
    const plot = node.current;
    if (!plot) return;
    const box = plot.getBoundingClientRect();
    // A scaled ancestor (transform) scales client rects but not clientWidth: measure unscaled.
    const scale = plot.offsetWidth > 0 ? box.width / plot.offsetWidth : 1;
    const labels = [...plot.querySelectorAll<HTMLElement>('.quadrant-label')].map((label) => {
      const r = label.getBoundingClientRect();
      return { left: (r.left - box.left) / scale - plot.clientLeft, top: (r.top - box.top) / scale - plot.clientTop, width: r.width / scale, height: r.height / scale };
    });
    const rem = parseFloat(getComputedStyle(plot.ownerDocument.documentElement).fontSize) || 16;
    const next = { plot: { width: plot.clientWidth, height: plot.clientHeight }, rem, labels };
    setMeasured((previous) => (sameMeasure(previous, next) ? previous : next));
  }, []);
  const ref = useCallback(
    (element: HTMLDivElement | null) => {
      observer.current?.disconnect();
      node.current = element;
      if (!element || typeof ResizeObserver === 'undefined') return;
      observer.current = new ResizeObserver(measure);
      observer.current.observe(element);
      element.querySelectorAll('.quadrant-label').forEach((label) => observer.current!.observe(label));
    },
    [measure],
  );
  // Labels change width with their counts: measure after every render (cheap; state only changes
  // when something moved by half a pixel or more).
  useLayoutEffect(measure);
  return [ref, measured];
}

/** The layout of the assessed ideas; recomputed only when positions or the plot change. */
function useGridLayout(ideas: readonly Idea[], measured: Measured): GridLayout {
  // A string of what the layout reads, so a text edit or a remote drag does not lay out again.
  const key = JSON.stringify(ideas.filter((idea) => idea.position).map((idea) => [idea.id, idea.position!.effect, idea.position!.resources]));
  const items = useMemo(() => (JSON.parse(key) as [string, number, number][]).map(([id, effect, resources]) => ({ id, position: { effect, resources } })), [key]);
  return useMemo(
    () =>
      layoutGrid({
        plot: measured.plot,
        items,
        cards: CARDS_REM.map((card) => ({ width: card.width * measured.rem, height: card.height * measured.rem })),
        // A pill once numbers have three digits, so they stay readable.
        marker: { width: MARKER_REM * measured.rem * (items.length >= 100 ? 1.35 : 1), height: MARKER_REM * measured.rem },
        minMarkerScale: 0.7,
        reserved: measured.labels,
        gap: Math.max(2, measured.rem * 0.2),
        markerGap: 2,
      }),
    [items, measured],
  );
}

/** The tray above the grid, the grid and, below it, the same ideas by zone. */
function GridView() {
  const ideas = useIdeas();
  const canEdit = useCanEdit();
  const [measureRef, measured] = usePlotMeasure();
  const layout = useGridLayout(ideas, measured);
  const numbers = useMemo(() => numberOf(ideas), [ideas]);
  const condensed = layout.mode === 'markers';
  return (
    <>
      {canEdit && <UnplacedTray ideas={ideas} numbers={numbers} />}
      <AssessmentGrid ideas={ideas} layout={layout} numbers={numbers} measureRef={measureRef} />
      <ZoneSummary ideas={ideas} numbers={condensed ? numbers : null} />
    </>
  );
}

function AssessmentGrid({
  ideas,
  layout,
  numbers,
  measureRef,
}: {
  ideas: readonly Idea[];
  layout: GridLayout;
  numbers: Map<string, number>;
  measureRef: (node: HTMLDivElement | null) => void;
}) {
  const t = useT(assessmentMessages);
  const zones = useZoneText();
  const canEdit = useCanEdit();
  const nodes = useDropNodes();
  const { setNodeRef } = useDroppable({ id: GRID_DROP_ID, disabled: !canEdit });
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      setNodeRef(node);
      measureRef(node);
      nodes.grid = node;
    },
    [measureRef, nodes, setNodeRef],
  );
  const dragging = useDragState((s) => s.active !== null);
  const target = useDragState((s) => s.target);
  const targetZone = useDragState((s) => s.zone);
  const placed = useMemo(() => ideas.filter((idea) => idea.position !== null), [ideas]);
  const remote = useRemoteDrags();
  const takenBy = useTakenBy();
  const places = useMemo(() => new Map(layout.items.map((item) => [item.id, item])), [layout]);
  const counts = useMemo(() => {
    const byZone = new Map<Zone, number>(ZONES.map((zone) => [zone, 0]));
    for (const idea of placed) if (idea.zone) byZone.set(idea.zone, (byZone.get(idea.zone) ?? 0) + 1);
    return byZone;
  }, [placed]);
  const condensed = layout.mode === 'markers';
  // The sizes the layout used, so what is drawn is exactly what was laid out.
  const plotStyle: Record<string, string> = condensed
    ? { '--marker-w': `${layout.size.width}px`, '--marker-h': `${layout.size.height}px` }
    : { '--card-w': `${layout.size.width}px`, '--card-h': `${layout.size.height}px` };

  return (
    <div className={`assess-chart ${dragging ? 'is-dragging' : ''}`} data-layout={layout.mode}>
      <div className="axis axis-y" aria-hidden="true">
        <span>{t('effectLow')}</span>
        <span className="axis-title">{t('effect')} →</span>
        <span>{t('effectHigh')}</span>
      </div>
      <div
        className={`assess-plot ${condensed ? 'is-condensed' : ''}`}
        ref={ref}
        style={layout.items.length > 0 ? (plotStyle as CSSProperties) : undefined}
        data-testid="assessment-grid"
        data-layout={layout.mode}
        role="group"
        aria-label={t('gridLabel')}
      >
        {QUADRANTS.map((zone) => (
          <div key={zone} className={`quadrant quadrant-${zone} zone-${zone} ${dragging && target === 'grid' && targetZone === zone ? 'is-target' : ''}`}>
            <span className="quadrant-label" data-testid={`zone-label-${zone}`} data-count={counts.get(zone) ?? 0}>
              <strong>{t('zoneLabel', { zone: zones.name(zone), count: counts.get(zone) ?? 0 })}</strong>
              <span className="quadrant-desc">{zones.desc(zone)}</span>
            </span>
          </div>
        ))}
        {placed.length === 0 && !dragging && remote.length === 0 && <p className="grid-hint">{t('gridHint')}</p>}
        {placed.map((idea) => (
          <GridCard
            key={idea.id}
            idea={idea}
            canEdit={canEdit}
            takenBy={takenBy.get(idea.id) ?? null}
            x={places.get(idea.id)?.x ?? null}
            y={places.get(idea.id)?.y ?? null}
            number={condensed ? (numbers.get(idea.id) ?? null) : null}
          />
        ))}
        {remote.map((drag) => (
          <RemoteGhost key={drag.clientId} drag={drag} idea={ideas.find((i) => i.id === drag.ideaId)} />
        ))}
      </div>
      <div className="axis axis-x" aria-hidden="true">
        <span>{t('resourcesFew')}</span>
        <span className="axis-title">{t('resources')} →</span>
        <span>{t('resourcesMany')}</span>
      </div>
      {condensed && (
        <p className="grid-condensed-note muted" data-testid="grid-condensed-note">
          {t('condensed')}
        </p>
      )}
    </div>
  );
}

/**
 * A grid card re-renders only when its own props changed: the view cache keeps an unchanged
 * idea's object (sync/boardViews.ts), and the drawn place comes as plain numbers.
 */
const GridCard = memo(GridCardView);

interface GridCardProps {
  idea: Idea;
  canEdit: boolean;
  takenBy: string | null;
  /** Where the layout draws its centre, in plot px (null before the plot is measured: at its true point). */
  x: number | null;
  y: number | null;
  /** Its number when the grid is condensed to markers, else null. */
  number: number | null;
}

function GridCardView({ idea, canEdit, takenBy, x, y, number }: GridCardProps) {
  const t = useT(assessmentMessages);
  const zones = useZoneText();
  const effect = idea.position?.effect;
  const resources = idea.position?.resources;
  const data = useMemo<DragData>(
    () => ({
      ideaId: idea.id,
      from: 'grid',
      text: idea.text,
      position: effect !== undefined && resources !== undefined ? { effect, resources } : null,
    }),
    [idea.id, idea.text, effect, resources],
  );
  const { setNodeRef, attributes, listeners, isDragging } = useDraggable({
    id: dragId('grid', idea.id),
    data,
    disabled: !canEdit || takenBy !== null,
    attributes: { roleDescription: t('postIt') },
  });
  if (!idea.position || !idea.zone) return null;
  const { left, top } = percentOf(idea.position);
  const style = (x !== null && y !== null ? { '--x': `${x}px`, '--y': `${y}px` } : { '--x': left, '--y': top }) as CSSProperties;
  const description = t('cardDesc', {
    zone: zones.name(idea.zone),
    desc: zones.desc(idea.zone),
    effect: percent(idea.position.effect),
    resources: percent(idea.position.resources),
  });
  const marker = number !== null;
  return (
    <div
      ref={setNodeRef}
      className={`grid-card ${marker ? 'is-marker' : ''} ${isDragging ? 'is-dragging' : ''} ${takenBy ? 'is-taken' : ''}`}
      style={style}
      data-testid="idea-card"
      data-idea-id={idea.id}
      data-zone={idea.zone}
      data-effect={idea.position.effect}
      data-resources={idea.position.resources}
      data-number={number ?? undefined}
      data-taken-by={takenBy ?? undefined}
      title={takenBy ? `${idea.text} – ${t('takenBy', { name: takenBy })}` : idea.text}
      {...(canEdit && !takenBy ? { ...attributes, ...listeners } : {})}
    >
      {marker ? (
        <>
          <GridMarkerFace number={number} zone={idea.zone} />
          <span className="visually-hidden">{t('markerName', { number, text: idea.text })}</span>
        </>
      ) : (
        <GridCardFace text={idea.text} zone={idea.zone} />
      )}
      <span className="visually-hidden"> – {description}</span>
      {takenBy && <span className="visually-hidden"> – {t('takenBy', { name: takenBy })}</span>}
    </div>
  );
}

/**
 * "Ikke placeret": the ideas not on the grid yet, oldest first, as small cards to drag onto the
 * grid (data-drop-tray: a grid card dropped here loses its assessment, see AssessmentDnd).
 */
function UnplacedTray({ ideas, numbers }: { ideas: readonly Idea[]; numbers: Map<string, number> }) {
  const t = useT(assessmentMessages);
  const takenBy = useTakenBy();
  const dragFrom = useDragState((s) => s.active?.from ?? null);
  const target = useDragState((s) => s.target);
  const unplaced = useMemo(() => ideas.filter((idea) => idea.position === null), [ideas]);
  const leaving = dragFrom === 'grid' && target === 'ideas';
  return (
    <section className={`unplaced-tray ${leaving ? 'is-unassess-target' : ''}`} aria-labelledby="unplaced-heading" data-drop-tray="" data-testid="unplaced-tray">
      <h3 id="unplaced-heading">{t('unplacedHeading', { count: unplaced.length })}</h3>
      {dragFrom === 'grid' ? (
        <p className="unplaced-hint">{t('unplacedDrop')}</p>
      ) : unplaced.length === 0 ? (
        <p className="unplaced-hint muted">{t('unplacedNone')}</p>
      ) : (
        <ul className="chip-row">
          {unplaced.map((idea) => (
            <TrayCard key={idea.id} idea={idea} number={numbers.get(idea.id) ?? 0} takenBy={takenBy.get(idea.id) ?? null} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TrayCard({ idea, number, takenBy }: { idea: Idea; number: number; takenBy: string | null }) {
  const t = useT(assessmentMessages);
  const data = useMemo<DragData>(() => ({ ideaId: idea.id, from: 'ideas', text: idea.text, position: null }), [idea.id, idea.text]);
  // Its own draggable id (the post-it in Idéer has `ideas:<id>`); it drags as one from Idéer.
  const { setNodeRef, attributes, listeners, isDragging } = useDraggable({
    id: `tray:${idea.id}`,
    data,
    disabled: takenBy !== null,
    attributes: { roleDescription: t('postIt') },
  });
  return (
    <li>
      <div
        ref={setNodeRef}
        className={`tray-card ${isDragging ? 'is-dragging' : ''} ${takenBy ? 'is-taken' : ''}`}
        style={{ '--postit': postItFill(null) } as CSSProperties}
        data-testid="tray-card"
        data-idea-id={idea.id}
        data-taken-by={takenBy ?? undefined}
        {...(takenBy ? {} : { ...attributes, ...listeners })}
      >
        <span className="tray-number">
          <span aria-hidden="true">{number}</span>
          <span className="visually-hidden">{t('markerNumber', { number })}: </span>
        </span>
        <span className="tray-text">{idea.text}</span>
        {takenBy && <span className="tray-taken"> – {t('takenBy', { name: takenBy })}</span>}
      </div>
    </li>
  );
}

/** Where someone else is dragging a post-it right now: a dashed ghost with their name. */
function RemoteGhost({ drag, idea }: { drag: RemoteDrag; idea: Idea | undefined }) {
  const t = useT(assessmentMessages);
  if (!drag.position || !idea) return null;
  const { left, top } = percentOf(drag.position);
  const zone = zoneOf(drag.position);
  const style = { '--x': left, '--y': top, '--postit': postItFill(zone), '--who': postItColor(drag.color) } as CSSProperties;
  return (
    <div className="grid-card remote-ghost" style={style} aria-hidden="true" data-testid="remote-drag" data-idea-id={drag.ideaId} data-zone={zone ?? 'none'}>
      <span className="remote-ghost-who">{t('takenBy', { name: drag.name })}</span>
      <GridCardFace text={idea.text} zone={zone} />
    </div>
  );
}

/**
 * The ideas by zone, best first inside each zone: the grid as text, and the shortlist for
 * Handleplan. When the grid shows numbered markers, each text carries its number and each zone
 * is in number order (the Liste view keeps the best-first order).
 */
function ZoneSummary({ ideas, numbers }: { ideas: readonly Idea[]; numbers: Map<string, number> | null }) {
  const t = useT(assessmentMessages);
  const byZone = useMemo(() => {
    const groups = new Map<Zone, Idea[]>(ZONES.map((zone) => [zone, []]));
    // Highest effect first inside a zone (the same order as the list view and Idéer).
    for (const idea of sortByZone(ideas)) if (idea.zone) groups.get(idea.zone)!.push(idea);
    // Numbered (condensed grid): by number, so a number seen on the grid is quick to find.
    if (numbers) for (const list of groups.values()) list.sort((a, b) => (numbers.get(a.id) ?? 0) - (numbers.get(b.id) ?? 0));
    return groups;
  }, [ideas, numbers]);
  const notAssessed = ideas.filter((idea) => !idea.zone).length;
  if (ideas.length === 0) return null;
  return (
    <section className={`zone-summary ${numbers ? 'is-numbered' : ''}`} aria-labelledby="zone-summary-heading">
      <h3 id="zone-summary-heading">{t('summaryHeading')}</h3>
      <div className="zone-lists">
        {ZONES.map((zone) => {
          const list = byZone.get(zone) ?? [];
          return (
            <div key={zone} className={`zone-list zone-${zone}`} data-testid={`zone-list-${zone}`}>
              <h4>
                <ZoneBadge zone={zone} /> <span className="zone-count">{list.length}</span>
              </h4>
              {list.length > 0 ? (
                <ul>
                  {list.map((idea) => (
                    <li key={idea.id} data-idea-id={idea.id}>
                      {numbers && (
                        <span className={`zone-badge zone-list-number zone-${zone}`} data-testid="zone-list-number">
                          <span aria-hidden="true">{numbers.get(idea.id)}</span>
                          <span className="visually-hidden">{t('markerNumber', { number: numbers.get(idea.id) ?? 0 })}: </span>
                        </span>
                      )}
                      {idea.text}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t('noneInZone')}</p>
              )}
            </div>
          );
        })}
      </div>
      {notAssessed > 0 && <p className="muted not-assessed-count">{t('notAssessedCount', { count: notAssessed })}</p>}
    </section>
  );
}

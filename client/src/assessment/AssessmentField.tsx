// Field 3, Vurdering: the effect × resources grid. Effect runs up (high at the top), resources run
// right (few at the left): green top-left, yellow top-right, orange bottom-left, red bottom-right.
// Each quadrant is tinted AND named. Post-its sit where their centre was dropped; below the grid the
// same ideas are listed by zone (the text alternative, and the list the team picks actions from).
// Gitter/Liste switches to a table of the same assessment with the Vurdér controls, for those who
// cannot use the grid and for the follow-up. A post-it someone else is dragging shows as a ghost
// with their name where it is now, and cannot be picked up meanwhile.

import { memo, useCallback, useMemo, useState, type CSSProperties } from 'react';
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
import { GridCardFace } from './GridCardFace';
import { assessmentMessages } from './messages';
import { ZoneBadge, useZoneText } from './ZoneBadge';
import { AssessmentList } from './AssessmentList';
import { useRemoteDrags, useTakenBy, type RemoteDrag } from './remoteDrags';
import { postItColor } from '../ideas/postItColor';

/** Quadrants in reading order (top-left, top-right, bottom-left, bottom-right). */
const QUADRANTS: readonly Zone[] = ['green', 'yellow', 'orange', 'red'];

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
    <Field id="assessment" number={3} title={t('assessment')} actions={toggle}>
      <div className="assessment" data-view={view}>
        {view === 'grid' ? (
          <>
            <AssessmentGrid />
            <ZoneSummary />
          </>
        ) : (
          <AssessmentList />
        )}
      </div>
    </Field>
  );
}

function AssessmentGrid() {
  const t = useT(assessmentMessages);
  const zones = useZoneText();
  const ideas = useIdeas();
  const canEdit = useCanEdit();
  const nodes = useDropNodes();
  const { setNodeRef } = useDroppable({ id: GRID_DROP_ID, disabled: !canEdit });
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      setNodeRef(node);
      nodes.grid = node;
    },
    [nodes, setNodeRef],
  );
  const dragging = useDragState((s) => s.active !== null);
  const target = useDragState((s) => s.target);
  const targetZone = useDragState((s) => s.zone);
  const placed = ideas.filter((idea) => idea.position !== null);
  const remote = useRemoteDrags();
  const takenBy = useTakenBy();

  return (
    <div className={`assess-chart ${dragging ? 'is-dragging' : ''}`}>
      <div className="axis axis-y" aria-hidden="true">
        <span>{t('effectLow')}</span>
        <span className="axis-title">{t('effect')} →</span>
        <span>{t('effectHigh')}</span>
      </div>
      <div className="assess-plot" ref={ref} data-testid="assessment-grid" role="group" aria-label={t('gridLabel')}>
        {QUADRANTS.map((zone) => (
          <div key={zone} className={`quadrant quadrant-${zone} zone-${zone} ${dragging && target === 'grid' && targetZone === zone ? 'is-target' : ''}`}>
            <span className="quadrant-label">
              <strong>{zones.name(zone)}</strong>
              <span className="quadrant-desc">{zones.desc(zone)}</span>
            </span>
          </div>
        ))}
        {placed.length === 0 && !dragging && remote.length === 0 && <p className="grid-hint">{t('gridHint')}</p>}
        {placed.map((idea) => (
          <GridCard key={idea.id} idea={idea} canEdit={canEdit} takenBy={takenBy.get(idea.id) ?? null} />
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
    </div>
  );
}

/** A grid card re-renders only when what it shows changed (ideas are re-read on every change). */
const GridCard = memo(
  GridCardView,
  (a, b) =>
    a.canEdit === b.canEdit &&
    a.takenBy === b.takenBy &&
    a.idea.id === b.idea.id &&
    a.idea.text === b.idea.text &&
    a.idea.color === b.idea.color &&
    a.idea.zone === b.idea.zone &&
    a.idea.position?.effect === b.idea.position?.effect &&
    a.idea.position?.resources === b.idea.position?.resources,
);

function GridCardView({ idea, canEdit, takenBy }: { idea: Idea; canEdit: boolean; takenBy: string | null }) {
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
  const style = { '--x': left, '--y': top } as CSSProperties;
  const description = t('cardDesc', {
    zone: zones.name(idea.zone),
    desc: zones.desc(idea.zone),
    effect: percent(idea.position.effect),
    resources: percent(idea.position.resources),
  });
  return (
    <div
      ref={setNodeRef}
      className={`grid-card ${isDragging ? 'is-dragging' : ''} ${takenBy ? 'is-taken' : ''}`}
      style={style}
      data-testid="idea-card"
      data-idea-id={idea.id}
      data-zone={idea.zone}
      data-effect={idea.position.effect}
      data-resources={idea.position.resources}
      data-taken-by={takenBy ?? undefined}
      title={takenBy ? `${idea.text} – ${t('takenBy', { name: takenBy })}` : idea.text}
      {...(canEdit && !takenBy ? { ...attributes, ...listeners } : {})}
    >
      <GridCardFace text={idea.text} color={idea.color} zone={idea.zone} />
      <span className="visually-hidden"> – {description}</span>
      {takenBy && <span className="visually-hidden"> – {t('takenBy', { name: takenBy })}</span>}
    </div>
  );
}

/** Where someone else is dragging a post-it right now: a dashed ghost with their name. */
function RemoteGhost({ drag, idea }: { drag: RemoteDrag; idea: Idea | undefined }) {
  const t = useT(assessmentMessages);
  if (!drag.position || !idea) return null;
  const { left, top } = percentOf(drag.position);
  const zone = zoneOf(drag.position);
  const style = { '--x': left, '--y': top, '--postit': postItColor(idea.color), '--who': postItColor(drag.color) } as CSSProperties;
  return (
    <div className="grid-card remote-ghost" style={style} aria-hidden="true" data-testid="remote-drag" data-idea-id={drag.ideaId} data-zone={zone ?? 'none'}>
      <span className="remote-ghost-who">{t('takenBy', { name: drag.name })}</span>
      <GridCardFace text={idea.text} color={idea.color} zone={zone} />
    </div>
  );
}

/** The ideas by zone, best first inside each zone: the grid as text, and the shortlist for Handleplan. */
function ZoneSummary() {
  const t = useT(assessmentMessages);
  const ideas = useIdeas();
  const byZone = useMemo(() => {
    const groups = new Map<Zone, Idea[]>(ZONES.map((zone) => [zone, []]));
    // Highest effect first inside a zone (the same order as the list view and Idéer).
    for (const idea of sortByZone(ideas)) if (idea.zone) groups.get(idea.zone)!.push(idea);
    return groups;
  }, [ideas]);
  const notAssessed = ideas.filter((idea) => !idea.zone).length;
  if (ideas.length === 0) return null;
  return (
    <section className="zone-summary" aria-labelledby="zone-summary-heading">
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
                    <li key={idea.id}>{idea.text}</li>
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

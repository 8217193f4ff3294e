// Field 3, Vurdering: the effect × resources grid. Effect runs up (high at the top), resources run
// right (few at the left): green top-left, yellow top-right, orange bottom-left, red bottom-right.
// Each quadrant is tinted AND named. Post-its sit where their centre was dropped; below the grid the
// same ideas are listed by zone (the text alternative, and the list the team picks actions from).

import { memo, useCallback, useMemo, type CSSProperties } from 'react';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { Idea } from '../../../shared/schema';
import { ZONES, type Zone } from '../../../shared/domain/zones';
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

/** Quadrants in reading order (top-left, top-right, bottom-left, bottom-right). */
const QUADRANTS: readonly Zone[] = ['green', 'yellow', 'orange', 'red'];

export function AssessmentField() {
  const t = useT(boardMessages);
  return (
    <Field id="assessment" number={3} title={t('assessment')}>
      <div className="assessment">
        <AssessmentGrid />
        <ZoneSummary />
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
        {placed.length === 0 && !dragging && <p className="grid-hint">{t('gridHint')}</p>}
        {placed.map((idea) => (
          <GridCard key={idea.id} idea={idea} canEdit={canEdit} />
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
    a.idea.id === b.idea.id &&
    a.idea.text === b.idea.text &&
    a.idea.color === b.idea.color &&
    a.idea.zone === b.idea.zone &&
    a.idea.position?.effect === b.idea.position?.effect &&
    a.idea.position?.resources === b.idea.position?.resources,
);

function GridCardView({ idea, canEdit }: { idea: Idea; canEdit: boolean }) {
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
    disabled: !canEdit,
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
      className={`grid-card ${isDragging ? 'is-dragging' : ''}`}
      style={style}
      data-testid="idea-card"
      data-idea-id={idea.id}
      data-zone={idea.zone}
      data-effect={idea.position.effect}
      data-resources={idea.position.resources}
      title={idea.text}
      {...(canEdit ? { ...attributes, ...listeners } : {})}
    >
      <GridCardFace text={idea.text} color={idea.color} zone={idea.zone} />
      <span className="visually-hidden"> – {description}</span>
    </div>
  );
}

/** The ideas by zone, best first inside each zone: the grid as text, and the shortlist for Handleplan. */
function ZoneSummary() {
  const t = useT(assessmentMessages);
  const ideas = useIdeas();
  const byZone = useMemo(() => {
    const groups = new Map<Zone, Idea[]>(ZONES.map((zone) => [zone, []]));
    for (const idea of ideas) if (idea.zone) groups.get(idea.zone)!.push(idea);
    for (const list of groups.values()) {
      list.sort((a, b) => b.position!.effect - b.position!.resources - (a.position!.effect - a.position!.resources));
    }
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

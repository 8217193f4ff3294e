// Field 3 on the wall, Vurdering: the effect × resources grid with each assessed idea as a
// numbered marker (the number of its post-it in Idéer) as near its true point as the others
// allow, never covering another and never outside its zone (markerLayout.ts). The zone names
// and counts stand in bands above and below the plot, where no marker can cover them. When the
// meeting is at Vurdering the grid is large and the ideas are listed beside it by zone with their
// numbers, in type read from three metres. Too many ideas to number: plain dots and the counts.

import { useMemo, useRef, type CSSProperties } from 'react';
import { ZONES, type Zone } from '../../../shared/domain/zones';
import { useT } from '../app/i18n';
import { boardMessages } from '../board/messages';
import { useZoneText } from '../assessment/ZoneBadge';
import { useIdeas } from '../sync/BoardProvider';
import { fitMarkers } from './markerLayout';
import { hyphenate } from './hyphenate';
import { numberIdeas, type NumberedIdea } from './numberedIdeas';
import { useBoxSize } from './useBoxSize';
import { useFit } from './useFit';
import { wallMessages } from './messages';
import { FLOOR, MoreLine, WallField, type WallMode } from './WallField';

/** Quadrants in reading order: top-left, top-right, bottom-left, bottom-right. */
const TOP: readonly Zone[] = ['green', 'yellow'];
const BOTTOM: readonly Zone[] = ['orange', 'red'];

/** Marker radius range per mode: the number inside is about 1.1 × the radius. */
const RADIUS: Record<WallMode, { min: number; max: number }> = { board: { min: 18, max: 26 }, focus: { min: 26, max: 40 } };

export function WallGrid({ mode }: { mode: WallMode }) {
  const t = useT(wallMessages);
  const tb = useT(boardMessages);
  const ideas = numberIdeas(useIdeas());
  const unassessed = ideas.filter(({ idea }) => idea.zone === null).length;
  return (
    <WallField
      field="assessment"
      number={3}
      title={tb('assessment')}
      className={`is-${mode}`}
      aside={unassessed > 0 ? t('unassessedCount', { n: unassessed }) : undefined}
    >
      <div className={`wall-grid is-${mode}`}>
        <GridPlot ideas={ideas} mode={mode} />
        {mode === 'focus' && <ZoneList ideas={ideas} />}
      </div>
    </WallField>
  );
}

function GridPlot({ ideas, mode }: { ideas: NumberedIdea[]; mode: WallMode }) {
  const t = useT(wallMessages);
  const zoneText = useZoneText();
  const [area, size] = useBoxSize<HTMLDivElement>();
  const floor = FLOOR[mode];
  // Bands for the zone names above and below the plot, and the axis names beside and below it.
  const band = Math.ceil(floor * 1.7);
  const axis = Math.ceil(floor * 1.5);
  const side = Math.max(0, Math.min(size.width - axis, size.height - 2 * band - axis));
  const plot = { width: side, height: side };
  const assessed = ideas.filter(({ idea }) => idea.position !== null);
  const key = assessed.map(({ idea }) => `${idea.id}:${idea.position!.effect}:${idea.position!.resources}`).join();
  const layout = useMemo(
    () => (side > 0 ? fitMarkers(assessed.map(({ idea }) => ({ id: idea.id, position: idea.position! })), plot, RADIUS[mode]) : null),
    // `key` stands for the assessed positions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, side, mode],
  );
  const numberOf = new Map(ideas.map(({ idea, number }) => [idea.id, number]));
  const textOf = new Map(ideas.map(({ idea }) => [idea.id, idea.text]));
  const count = (zone: Zone) => ideas.filter(({ idea }) => idea.zone === zone).length;
  const label = (zone: Zone) => (
    <span key={zone} className={`wall-zone-label zone-${zone}`} data-testid="wall-zone-label" data-zone={zone}>
      {zoneText.name(zone)} · {count(zone)}
    </span>
  );
  return (
    <div ref={area} className="wall-grid-area" style={{ '--band': `${band}px`, '--axis': `${axis}px` } as CSSProperties}>
      {side > 0 && layout && (
        <div className="wall-grid-frame" style={{ width: side + axis }}>
          <p className="wall-zone-band">{TOP.map(label)}</p>
          <div className="wall-grid-row">
            <p className="wall-axis wall-axis-effect" style={{ width: axis, height: side }}>
              <span>
                {t('effectAxis')} ↑
              </span>
            </p>
            <ol className={`wall-plot${layout.fits ? '' : ' is-dense'}`} style={{ width: side, height: side }} aria-label={t('gridLabel')} data-testid="wall-plot">
              {ZONES.map((zone) => (
                <li key={zone} className={`wall-quadrant zone-${zone}`} aria-hidden="true" />
              ))}
              {layout.markers.map((marker) => {
                const number = numberOf.get(marker.id) ?? 0;
                const digits = String(number).length;
                return (
                  <li
                    key={marker.id}
                    className={`wall-marker zone-${marker.zone}`}
                    data-testid="grid-marker"
                    data-idea-id={marker.id}
                    style={{
                      left: marker.x - layout.radius,
                      top: marker.y - layout.radius,
                      width: 2 * layout.radius,
                      height: 2 * layout.radius,
                      fontSize: layout.fits ? Math.max(floor, Math.round(layout.radius * (digits > 2 ? 0.85 : 1.1))) : 0,
                    }}
                  >
                    <span aria-hidden="true">{layout.fits ? number : ''}</span>
                    <span className="visually-hidden">{t('gridMarker', { n: number, text: textOf.get(marker.id) ?? '', zone: zoneText.name(marker.zone) })}</span>
                  </li>
                );
              })}
            </ol>
          </div>
          <p className="wall-zone-band">{BOTTOM.map(label)}</p>
          <p className="wall-axis wall-axis-resources" style={{ marginLeft: axis, width: side }}>
            {t('resourcesAxis')} →
          </p>
          {!layout.fits && <p className="wall-grid-note">{t('tooManyMarkers')}</p>}
        </div>
      )}
    </div>
  );
}

/** Beside the large grid: the ideas by zone, best zone first, with the numbers of their markers. */
function ZoneList({ ideas }: { ideas: NumberedIdea[] }) {
  const t = useT(wallMessages);
  const zoneText = useZoneText();
  const box = useRef<HTMLDivElement>(null);
  const groups: { zone: Zone | null; ideas: NumberedIdea[] }[] = [...ZONES, null]
    .map((zone) => ({ zone, ideas: ideas.filter(({ idea }) => idea.zone === zone) }))
    .filter((group) => group.ideas.length > 0);
  const contentKey = ideas.map(({ idea }) => `${idea.id}:${idea.zone}:${idea.text.length}`).join();
  const fit = useFit(box, { min: FLOOR.focus, max: 40, contentKey });
  const total = groups.reduce((sum, group) => sum + group.ideas.length, 0);
  return (
    <div ref={box} className="wall-zone-list" data-testid="wall-zone-list">
      {groups.map((group) => (
        <section key={group.zone ?? 'none'} className="wall-zone-group" aria-label={group.zone ? zoneText.name(group.zone) : t('unassessed')}>
          <h3 className={`wall-zone-heading zone-${group.zone ?? 'none'}`}>
            {group.zone ? zoneText.name(group.zone) : t('unassessed')} · {group.ideas.length}
          </h3>
          <ol>
            {group.ideas.map(({ idea, number }) => (
              <li key={idea.id} data-fit-item className="wall-zone-item" data-testid="wall-zone-item" data-idea-id={idea.id}>
                <span className={`wall-zone-number zone-${group.zone ?? 'none'}`}>{number}</span>
                <span lang="da">{hyphenate(idea.text)}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <MoreLine text={t('more', { n: Math.max(0, total - fit.shown) })} />
    </div>
  );
}

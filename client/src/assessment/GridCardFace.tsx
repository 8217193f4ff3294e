// The small post-it as it sits on the grid (and as it follows the pointer while dragged): filled
// with its zone's tint and naming the zone in words ("GRØN"); unassessed (dragged off the grid)
// it is grey-blue with a dashed edge and says "Ikke vurderet". Condensed grids draw a numbered
// marker instead (GridMarkerFace); the text is then in the zone list below the grid.

import type { CSSProperties } from 'react';
import type { Zone } from '../../../shared/domain/zones';
import { useT } from '../app/i18n';
import { postItFill } from '../ideas/postItColor';
import { assessmentMessages } from './messages';
import { useZoneText } from './ZoneBadge';

/** The zone's tint as the fill and its ink as the edge (unassessed: grey-blue, muted dashed edge). */
const fill = (zone: Zone | null) => ({ '--postit': postItFill(zone), '--edge': zone ? `var(--zone-${zone}-ink)` : 'var(--ink-muted)' }) as CSSProperties;

export function GridCardFace({ text, zone }: { text: string; zone: Zone | null }) {
  const zones = useZoneText();
  const t = useT(assessmentMessages);
  return (
    <span className={`grid-card-face ${zone ? `zone-${zone}` : 'zone-none'}`} style={fill(zone)}>
      <span className="grid-card-text">{text}</span>
      <span className="grid-card-zone" aria-hidden="true">
        {zone && <span className="zone-dot" />}
        {zone ? zones.name(zone) : t('notAssessed')}
      </span>
    </span>
  );
}

/** A condensed idea on the grid: its number on its zone's tint. */
export function GridMarkerFace({ number, zone }: { number: number; zone: Zone }) {
  return (
    <span className={`grid-marker-face zone-${zone}`} style={fill(zone)} aria-hidden="true">
      {number}
    </span>
  );
}

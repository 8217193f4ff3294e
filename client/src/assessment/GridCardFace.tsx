// The small post-it as it sits on the grid (and as it follows the pointer while dragged).

import type { CSSProperties } from 'react';
import type { Zone } from '../../../shared/domain/zones';
import { postItColor } from '../ideas/postItColor';
import { useZoneText } from './ZoneBadge';

export function GridCardFace({ text, color, zone }: { text: string; color: string; zone: Zone | null }) {
  const zones = useZoneText();
  const style = { '--postit': postItColor(color) } as CSSProperties;
  return (
    <span className={`grid-card-face ${zone ? `zone-${zone}` : 'zone-none'}`} style={style}>
      <span className="grid-card-text">{text}</span>
      {zone && (
        <span className="grid-card-zone" aria-hidden="true">
          <span className="zone-dot" />
          {zones.name(zone)}
        </span>
      )}
    </span>
  );
}

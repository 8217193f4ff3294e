// An idea's zone on the wall, always as a word on the zone's colour (never colour alone); an idea
// not yet assessed gets a neutral, dashed tag no zone uses.

import type { Zone } from '../../../shared/domain/zones';
import { useT } from '../app/i18n';
import { useZoneText } from '../assessment/ZoneBadge';
import { wallMessages } from './messages';

export function WallZoneTag({ zone }: { zone: Zone | null }) {
  const t = useT(wallMessages);
  const text = useZoneText();
  return (
    <span className={`wall-zone-tag zone-${zone ?? 'none'}`} data-zone={zone ?? 'none'}>
      {zone ? text.name(zone) : t('unassessed')}
    </span>
  );
}

// A zone always shows its name next to its colour (never colour alone).

import { useCallback } from 'react';
import type { Zone } from '../../../shared/domain/zones';
import { useT, type Translate } from '../app/i18n';
import { assessmentMessages, type AssessmentMessage } from './messages';
import './assessment.css';

export interface ZoneText {
  name: (zone: Zone) => string;
  desc: (zone: Zone) => string;
}

export function zoneText(t: Translate<AssessmentMessage>): ZoneText {
  return {
    name: (zone) => t(`zone_${zone}`),
    desc: (zone) => t(`zoneDesc_${zone}`),
  };
}

export function useZoneText(): ZoneText {
  const t = useT(assessmentMessages);
  const name = useCallback((zone: Zone) => t(`zone_${zone}`), [t]);
  const desc = useCallback((zone: Zone) => t(`zoneDesc_${zone}`), [t]);
  return { name, desc };
}

/** "Grøn" on the zone's tint, with the description as a tooltip and for screen readers. */
export function ZoneBadge({ zone, long = false }: { zone: Zone | null; long?: boolean }) {
  const t = useT(assessmentMessages);
  const text = useZoneText();
  if (!zone) {
    return (
      <span className="zone-badge zone-none" data-zone="none">
        {t('notAssessed')}
      </span>
    );
  }
  return (
    <span className={`zone-badge zone-${zone}`} data-zone={zone} title={text.desc(zone)}>
      <span className="zone-dot" aria-hidden="true" />
      {long ? (
        <span>
          {text.name(zone)}
          <span className="zone-badge-desc">: {text.desc(zone)}</span>
        </span>
      ) : (
        <>
          {text.name(zone)}
          <span className="visually-hidden">: {text.desc(zone)}</span>
        </>
      )}
    </span>
  );
}

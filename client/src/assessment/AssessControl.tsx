// "Vurdér" without dragging (WCAG 2.1: 2.1.1 keyboard, 2.5.x pointer alternatives): two selects
// with four levels each, two on each side of the zone threshold, applied at once.

import { useEffect, useId, useRef } from 'react';
import { assessIdea, type Idea } from '../../../shared/schema';
import type { Position } from '../../../shared/domain/zones';
import { zoneOf } from '../../../shared/domain/zones';
import { useT } from '../app/i18n';
import { useBoardDoc } from '../sync/BoardProvider';
import { LEVELS, type Level } from './geometry';
import { assessmentMessages } from './messages';
import { ZoneBadge } from './ZoneBadge';
import { useLevelChoice } from './useLevelChoice';

const LEVEL_KEY = { 0.1: '0_1', 0.3: '0_3', 0.7: '0_7', 0.9: '0_9' } as const satisfies Record<Level, string>;

export function AssessControl({ idea, id, onClose }: { idea: Idea; id: string; onClose: () => void }) {
  const t = useT(assessmentMessages);
  const doc = useBoardDoc();
  const titleId = useId();
  const first = useRef<HTMLSelectElement>(null);
  const { choose, valueOf } = useLevelChoice(doc, idea);
  const position = idea.position;

  useEffect(() => {
    first.current?.focus();
  }, []);

  const select = (axis: keyof Position) => (
    <label className="stacked">
      {t(axis)}
      <select ref={axis === 'effect' ? first : undefined} value={valueOf(axis)} onChange={(e) => choose(axis, e.target.value)} data-testid={`assess-${axis}`}>
        {valueOf(axis) === '' && <option value="">{t('choose')}</option>}
        {[...LEVELS].reverse().map((level) => (
          <option key={level} value={String(level)}>
            {t(`${axis}_${LEVEL_KEY[level]}`)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div
      className="assess-control"
      id={id}
      role="group"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <p className="assess-control-title" id={titleId}>
        {t('assessTitle')}
      </p>
      <div className="form-row">
        {select('effect')}
        {select('resources')}
      </div>
      <p className="assess-control-result" aria-live="polite">
        {position ? <ZoneBadge zone={zoneOf(position)} long /> : t('pickBoth')}
      </p>
      <div className="form-row">
        {position && (
          <button type="button" onClick={() => assessIdea(doc, idea.id, null)} data-testid="assess-clear">
            {t('clear')}
          </button>
        )}
        <button type="button" className="quiet" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}

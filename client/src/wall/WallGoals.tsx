// Field 1 on the wall, Mål: each goal as its latest number in big type, the sentence that says
// where it stands against its target (worded for the goal's direction), how long it has missed,
// and its chart. Side by side with the other fields a card stacks these; when the meeting is at
// Mål the cards lie wide, number beside a chart large enough to read period by period. Goals
// that cannot fit even so are counted in a "+ n more" line.

import { useRef } from 'react';
import { latestActualPeriod, latestGap, underTargetPeriods } from '../../../shared/domain/goalProgress';
import type { Goal } from '../../../shared/schema';
import { useT } from '../app/i18n';
import { boardMessages } from '../board/messages';
import { withUnit } from '../goals/goalView';
import { useTargetWording } from '../goals/targetWording';
import { useGoals } from '../sync/BoardProvider';
import { hyphenate } from './hyphenate';
import { useBoxSize } from './useBoxSize';
import { useFit } from './useFit';
import { wallMessages } from './messages';
import { FLOOR, MoreLine, WallField, type WallMode } from './WallField';
import { WallChart } from './WallChart';
import { useFormat } from '../app/format';

export function WallGoals({ mode }: { mode: WallMode }) {
  const t = useT(wallMessages);
  const tb = useT(boardMessages);
  const goals = useGoals();
  const box = useRef<HTMLDivElement>(null);
  const floor = FLOOR[mode];
  const fit = useFit(box, { min: floor, max: floor, contentKey: `${mode}:${goals.map((g) => g.id).join()}` });
  return (
    <WallField field="goals" number={1} title={tb('goals')} className={`is-${mode}`}>
      <div ref={box} className={`wall-goals is-${mode}`} data-testid="wall-goals">
        {goals.length === 0 && <p className="wall-empty">{t('noGoals')}</p>}
        {goals.map((goal) => (
          <WallGoalCard key={goal.id} goal={goal} mode={mode} />
        ))}
        <MoreLine text={t('more', { n: Math.max(0, goals.length - fit.shown) })} />
      </div>
    </WallField>
  );
}

function WallGoalCard({ goal, mode }: { goal: Goal; mode: WallMode }) {
  const t = useT(wallMessages);
  const fmt = useFormat();
  const wording = useTargetWording();
  const [chartBox, size] = useBoxSize<HTMLDivElement>();
  const latest = latestActualPeriod(goal);
  const gap = latestGap(goal);
  const missed = gap !== null && !gap.met;
  const sentence = wording.gap(goal);
  const streak = wording.streak(goal);
  const chartFont = mode === 'focus' ? 24 : 20;
  return (
    <article className={`wall-goal is-${mode}`} data-fit-item data-testid="wall-goal" data-goal-id={goal.id} data-missed={missed}>
      <div className="wall-goal-text">
        <h3 className="wall-goal-name" lang="da">
          {hyphenate(goal.name)}
        </h3>
        <div className="wall-goal-latest">
          <p className="wall-goal-number" data-testid="wall-goal-number">
            {latest !== null ? withUnit(fmt.number(goal.actuals[latest]!), goal.unit, fmt.locale) : t('noNumber')}
          </p>
          {latest !== null && <p className="wall-goal-period">{t('latestIn', { period: fmt.period(latest) })}</p>}
        </div>
        {sentence && (
          <p className={`wall-goal-gap ${missed ? 'is-missed' : 'is-met'}`} data-testid="wall-goal-gap">
            <span aria-hidden="true">{missed ? '◆ ' : '✓ '}</span>
            {sentence}
          </p>
        )}
        {streak && (
          <p className="wall-goal-streak" data-testid="wall-goal-streak">
            {streak}
          </p>
        )}
      </div>
      <div className="wall-goal-chart">
        <p className="wall-chart-legend" aria-hidden="true">
          <span className="legend-target">{t('legendTarget')}</span>
          <span className="legend-actual">{t('legendActual')}</span>
          {underTargetPeriods(goal).length > 0 && <span className="legend-miss">{wording.statusWord(goal.direction, false)}</span>}
        </p>
        <div ref={chartBox} className="wall-goal-chart-box">
          <WallChart goal={goal} width={size.width} height={size.height} font={chartFont} />
        </div>
      </div>
    </article>
  );
}

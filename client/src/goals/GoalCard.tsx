// One goal: what it is, the latest result against its target, the under-target streak, the
// chart and the numbers (table and, with an edit link, entry).

import { useEffect, useId, useRef, useState } from 'react';
import { actualTrend, latestActualPeriod, latestGap, isUnderTarget, trendImproves, underTargetStreak, type Trend } from '../../../shared/domain/goalProgress';
import type { Goal } from '../../../shared/schema/goal';
import { useLocale, useT, type Translate } from '../app/i18n';
import { GoalChart } from './GoalChart';
import { GoalTable } from './GoalTable';
import { DIRECTION_LABEL, KIND_LABEL } from './GoalDialog';
import { chartPeriods, chartSeries, entryPeriods, viewPeriods, withUnit, WINDOW_STEP, type ChartPoint } from './goalView';
import { ExportMenu } from './ExportMenu';
import { ImportDialog } from './ImportDialog';
import { GenerateTargetsDialog } from './GenerateTargetsDialog';
import { goalMessages, type GoalMessageKey } from './messages';
import { useTargetWording, type TargetWording } from './targetWording';
import { type Formatters, useFormat } from '../app/format';

/** Periods named one by one in the chart's text alternative before "and n more". */
const ARIA_MAX_PERIODS = 6;

export function chartAriaLabel(goal: Goal, points: ChartPoint[], t: Translate<GoalMessageKey>, fmt: Formatters, wording: TargetWording): string {
  const value = (n: number) => withUnit(fmt.number(n), goal.unit, fmt.locale);
  const latest = latestActualPeriod(goal);
  let result: string;
  if (latest !== null) {
    const target = goal.targets[latest];
    result = `${t('ariaLatest', { actual: value(goal.actuals[latest]!), period: fmt.period(latest) })}, ${
      target !== undefined ? t('ariaTarget', { target: value(target) }) : t('ariaNoTarget')
    }`;
  } else {
    result = t('ariaNoActual');
    const withTarget = points.filter((p) => p.target !== null);
    const first = withTarget[0];
    const last = withTarget[withTarget.length - 1];
    if (first && last) result += `, ${t('ariaTargets', { from: `${value(first.target!)} (${fmt.period(first.period)})`, to: `${value(last.target!)} (${fmt.period(last.period)})` })}`;
  }
  const under = points.filter((p) => p.under).map((p) => fmt.period(p.period));
  if (latest !== null) {
    let names = under.slice(0, ARIA_MAX_PERIODS).join(', ');
    if (under.length > ARIA_MAX_PERIODS) names += ` ${t('ariaMore', { count: under.length - ARIA_MAX_PERIODS })}`;
    const status = wording.statusWord(goal.direction, false).toLocaleLowerCase(fmt.locale);
    result += `; ${under.length === 0 ? t('ariaMissNone') : t('ariaMiss', { status, count: under.length, periods: names })}`;
  }
  return `${goal.name}: ${result}`;
}

export function GoalCard(props: {
  goal: Goal;
  current: string;
  canEdit: boolean;
  focusOnMount?: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { goal, current, canEdit } = props;
  const t = useT(goalMessages);
  const fmt = useFormat();
  const wording = useTargetWording();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasData = Object.keys(goal.targets).length > 0 || Object.keys(goal.actuals).length > 0;
  const [open, setOpen] = useState(canEdit && !hasData);
  const [extra, setExtra] = useState({ before: 0, after: 0 });
  const [dialog, setDialog] = useState<'none' | 'import' | 'generate'>('none');
  const [saved, setSaved] = useState<number | null>(null);
  const cardRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!props.focusOnMount) return;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'nearest' });
    // Only on mount: a later change of the prop is not a new request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const points = chartSeries(goal, chartPeriods(goal));
  const tablePeriods = canEdit ? entryPeriods(goal, current, extra.before, extra.after) : viewPeriods(goal);
  const step = WINDOW_STEP[goal.frequency];

  return (
    <article ref={cardRef} className="goal-card" aria-labelledby={headingId} data-testid="goal-card" data-goal-id={goal.id} data-under-target={isUnderTarget(goal) ? 'true' : 'false'}>
      <header className="goal-card-head">
        <h3 id={headingId} ref={headingRef} tabIndex={-1} className="goal-name" data-testid="goal-name">
          {goal.name}
        </h3>
        {canEdit && (
          <div className="goal-tools">
            <button type="button" className="quiet" onClick={props.onEdit} data-testid="goal-edit">
              <span aria-hidden="true">✎ </span>
              {t('edit')}
              <span className="visually-hidden"> – {goal.name}</span>
            </button>
            <button type="button" className="quiet danger" onClick={props.onDelete} data-testid="goal-delete">
              {t('delete')}
              <span className="visually-hidden"> – {goal.name}</span>
            </button>
          </div>
        )}
      </header>
      <p className="goal-meta">
        <span className={`goal-kind goal-kind-${goal.kind}`} data-testid="goal-kind">
          {t(KIND_LABEL[goal.kind])}
        </span>
        <span className="goal-meta-item">
          <span aria-hidden="true">{goal.direction === 'up' ? '▲ ' : '▼ '}</span>
          {t(DIRECTION_LABEL[goal.direction])}
        </span>
        {goal.owner && (
          <span className="goal-meta-item" data-testid="goal-owner">
            {t('ownerLine', { owner: goal.owner })}
          </span>
        )}
        {/* With a chart the unit stands above its y axis and after every number. */}
        {goal.unit && points.length === 0 && <span className="goal-meta-item">{t('unitLine', { unit: goal.unit })}</span>}
        {goal.baseline !== null && (
          <span className="goal-meta-item" data-testid="goal-baseline">
            {t('baselineLine', { value: withUnit(fmt.number(goal.baseline), goal.unit, fmt.locale) })}
          </span>
        )}
      </p>
      {goal.description && (
        <p className="goal-description" data-testid="goal-description">
          {goal.description}
        </p>
      )}

      <Headline goal={goal} />

      {points.length > 0 ? (
        <GoalChart points={points} direction={goal.direction} unit={goal.unit} name={goal.name} ariaLabel={chartAriaLabel(goal, points, t, fmt, wording)} />
      ) : (
        <p className="goal-no-data muted">{t(canEdit ? 'noDataEdit' : 'noData')}</p>
      )}

      <div className="goal-data-tools">
        {canEdit && (
          <>
            <button type="button" className="quiet" onClick={() => setDialog('import')} data-testid="goal-import">
              <span aria-hidden="true">⤒ </span>
              {t('importNumbers')}
              <span className="visually-hidden"> – {goal.name}</span>
            </button>
            <button type="button" className="quiet" onClick={() => setDialog('generate')} data-testid="goal-generate">
              <span aria-hidden="true">↗ </span>
              {t('generateTargets')}
              <span className="visually-hidden"> – {goal.name}</span>
            </button>
          </>
        )}
        <ExportMenu goal={goal} cardRef={cardRef} />
        <p className="goal-saved" role="status" data-testid="goal-saved">
          {saved !== null ? t('importDone', { count: saved }) : ''}
        </p>
      </div>

      {canEdit && dialog === 'import' && (
        <ImportDialog
          goal={goal}
          onClose={() => setDialog('none')}
          onDone={(count) => {
            setDialog('none');
            setSaved(count);
          }}
        />
      )}
      {canEdit && dialog === 'generate' && (
        <GenerateTargetsDialog
          goal={goal}
          current={current}
          onClose={() => setDialog('none')}
          onDone={(count) => {
            setDialog('none');
            setSaved(count);
          }}
        />
      )}

      {(canEdit || tablePeriods.length > 0) && (
        <details className="goal-numbers" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary data-testid="goal-numbers-toggle">{t(canEdit ? 'showAndEnter' : 'showNumbers')}</summary>
          {open && (
            <GoalTable
              goal={goal}
              periods={tablePeriods}
              current={current}
              canEdit={canEdit}
              onEarlier={() => setExtra((e) => ({ ...e, before: e.before + step }))}
              onLater={() => setExtra((e) => ({ ...e, after: e.after + step }))}
            />
          )}
        </details>
      )}
    </article>
  );
}

const TREND_ARROW: Record<Trend, string> = { rising: '↗', falling: '↘', flat: '→' };
const TREND_WORD: Record<Trend, GoalMessageKey> = { rising: 'trendRising', falling: 'trendFalling', flat: 'trendFlat' };

function Headline({ goal }: { goal: Goal }) {
  const t = useT(goalMessages);
  const fmt = useFormat();
  const locale = useLocale();
  const wording = useTargetWording();
  const latest = latestActualPeriod(goal);
  if (latest === null) return hasAnyTarget(goal) ? <p className="goal-latest-none muted">{t('noActual')}</p> : null;
  const value = (n: number) => withUnit(fmt.number(n), goal.unit, locale);
  const target = goal.targets[latest];
  const under = isUnderTarget(goal);
  const streak = under ? underTargetStreak(goal) : 0;
  const gap = latestGap(goal);
  const trend = actualTrend(goal);
  const improves = trend === null ? null : trendImproves(goal.direction, trend);
  const trendWords = trend === null ? '' : `${t('trendLine', { trend: t(TREND_WORD[trend]) })}${improves === null ? '' : ` (${t(improves ? 'trendGood' : 'trendBad')})`}`;
  return (
    <div className="goal-summary">
      <div className="goal-latest" data-testid="goal-latest" data-period={latest}>
        <span className="goal-latest-label">
          {t('latest')} · {fmt.period(latest)}
        </span>
        <span className="goal-latest-value">
          {value(goal.actuals[latest]!)}
          {trend !== null && (
            <span
              className={`goal-trend ${improves === null ? 'is-flat' : improves ? 'is-good' : 'is-bad'}`}
              title={trendWords}
              data-testid="goal-trend"
              data-trend={trend}
            >
              <span aria-hidden="true">{TREND_ARROW[trend]}</span>
              <span className="visually-hidden">{trendWords}</span>
            </span>
          )}
        </span>
        <span className="goal-latest-target">
          <span className="goal-target-text">{target !== undefined ? t('target', { value: value(target) }) : t('noTargetThen')}</span>
          {gap && (
            <span className={`goal-gap ${gap.met ? 'is-ok' : 'is-under'}`} data-testid="goal-gap" data-difference={gap.difference} data-met={gap.met ? 'true' : 'false'}>
              <span className="visually-hidden">, </span>
              {wording.gap(goal)}
            </span>
          )}
        </span>
      </div>
      {target !== undefined && (
        <p className={`goal-status ${under ? 'is-under' : 'is-ok'}`} data-testid="goal-status" data-under-target={under ? 'true' : 'false'} data-streak={streak}>
          <span aria-hidden="true" className="goal-status-icon">
            {under ? '◆' : '✓'}
          </span>
          {wording.streak(goal) ?? wording.status(goal)}
        </p>
      )}
    </div>
  );
}

function hasAnyTarget(goal: Goal): boolean {
  return Object.keys(goal.targets).length > 0;
}

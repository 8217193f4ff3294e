// The goal's chart: target (light blue, dashed) against actual (dark blue, solid with dots) per
// period, and every period under target marked three ways: a red-tinted column with a red
// strip on the axis, a red diamond instead of a dot, and a bold red period label. d3 computes
// scales and paths; React renders the SVG, so user text only ever reaches the DOM as text.
// Drawn at its real pixel size (ResizeObserver), so text stays at its rem size on any screen.

import { scaleBand, scaleLinear, symbol, symbolSquare } from 'd3';
import { useId, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { parsePeriod } from '../../../shared/domain/periods';
import type { Direction } from '../../../shared/domain/goalProgress';
import { useT, type Translate } from '../app/i18n';
import { labelEvery, valueDomain, withUnit, type ChartPoint } from './goalView';
import { chartPaths } from './chartPaths';
import { goalMessages, type GoalMessageKey } from './messages';
import { useElementWidth } from './useElementWidth';
import { useTargetWording } from './targetWording';
import { type Formatters, useFormat } from '../app/format';

/** Font size of chart text in rem; keep in step with `.goal-chart text` in goals.css. */
const FONT_REM = 0.9;

interface Layout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface ChartProps {
  points: ChartPoint[];
  direction: Direction;
  unit: string;
  ariaLabel: string;
  /** The goal's name, for the label of the period navigator. */
  name: string;
}

export function GoalChart(props: ChartProps) {
  const [boxRef, { width, rem }] = useElementWidth<HTMLDivElement>();
  return (
    <div className="goal-chart">
      <Legend direction={props.direction} unit={props.unit} hasUnder={props.points.some((p) => p.under)} />
      <div ref={boxRef} className="goal-chart-box">
        {width > 0 && <ChartSvg {...props} width={width} rem={rem} />}
      </div>
    </div>
  );
}

/** What the tooltip and the navigator's value text say about one period. */
export function pointText(p: ChartPoint, unit: string, missWord: string, t: Translate<GoalMessageKey>, fmt: Formatters): string {
  const value = (n: number | null) => (n === null ? t('valueNone') : withUnit(fmt.number(n), unit, fmt.locale));
  const parts = [`${t('colTarget')} ${value(p.target)}`, `${t('colActual')} ${value(p.actual)}`];
  if (p.under) parts.push(missWord.toLocaleLowerCase(fmt.locale));
  return `${fmt.period(p.period)}: ${parts.join(', ')}`;
}

function ChartSvg({ points, ariaLabel, width, rem, unit, name, direction }: ChartProps & { width: number; rem: number }) {
  const fmt = useFormat();
  const t = useT(goalMessages);
  const missWord = useTargetWording().statusWord(direction, false);
  const helpId = useId();
  // The period under the pointer or chosen with the keyboard; null hides the tooltip.
  const [active, setActive] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const font = FONT_REM * rem;
  const height = Math.round(Math.min(18 * rem, Math.max(10 * rem, width * 0.5)));

  // y first: its tick labels decide the left margin.
  const plotGuess = height - 3.5 * font;
  const y = scaleLinear().domain(valueDomain(points)).range([plotGuess, 0]);
  const tickCount = Math.max(3, Math.min(6, Math.floor(plotGuess / (2.6 * font))));
  y.nice(tickCount);
  const yTicks = y.ticks(tickCount);
  const yLabels = yTicks.map((v) => fmt.number(v));
  const yLabelChars = Math.max(1, ...yLabels.map((s) => s.length));

  // x: one column per period; labels thinned so they never collide.
  const shortLabels = points.map((p) => fmt.periodShort(p.period));
  const xLabelWidth = Math.max(...shortLabels.map((s) => s.length), 2) * 0.6 * font + 0.5 * rem;
  const years = points.map((p) => parsePeriod(p.period)?.year ?? 0);
  const layout: Layout = {
    width,
    height,
    left: Math.ceil(yLabelChars * 0.6 * font + 0.7 * rem),
    right: Math.ceil(0.4 * rem),
    top: Math.ceil(0.7 * font),
    bottom: Math.ceil(2.7 * font + 0.4 * rem),
  };
  const plotBottom = height - layout.bottom;
  y.range([plotBottom, layout.top]);
  const x = scaleBand<string>()
    .domain(points.map((p) => p.period))
    .range([layout.left, width - layout.right]);
  const band = x.bandwidth();
  const cx = (p: ChartPoint) => (x(p.period) ?? 0) + band / 2;
  const every = labelEvery(band, xLabelWidth);

  const { target: targetPath, actual: actualPath } = chartPaths(points, cx, (v) => y(v));

  // A target with no neighbouring target has no line segment: draw it as a short dash.
  const lonelyTargets = points.filter(
    (p, i) => p.target !== null && (points[i - 1]?.target ?? null) === null && (points[i + 1]?.target ?? null) === null,
  );
  const dotRadius = 0.34 * rem;
  const diamondSide = dotRadius * 2.1;
  const diamond = symbol(symbolSquare, diamondSide * diamondSide)() ?? '';
  const stroke = { target: Math.max(2.5, 0.17 * rem), actual: Math.max(3, 0.22 * rem) };

  const plotWidth = width - layout.right - layout.left;
  const indexAt = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const index = Math.floor((event.clientX - box.left) / (plotWidth / points.length));
    return Math.max(0, Math.min(points.length - 1, index));
  };
  const lastWithActual = (() => {
    for (let i = points.length - 1; i >= 0; i--) if (points[i]!.actual !== null) return i;
    return points.length - 1;
  })();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = active ?? lastWithActual;
    const next: Record<string, number> = {
      ArrowLeft: current - 1,
      ArrowDown: current - 1,
      ArrowRight: current + 1,
      ArrowUp: current + 1,
      PageDown: current - 6,
      PageUp: current + 6,
      Home: 0,
      End: points.length - 1,
    };
    if (!(event.key in next)) return;
    event.preventDefault();
    setActive(Math.max(0, Math.min(points.length - 1, next[event.key]!)));
  };
  const shown = active === null ? null : (points[active] ?? null);
  const navIndex = active ?? lastWithActual;

  let lastYear = NaN;
  const svg = (
    <svg
      className="goal-chart-svg"
      role="img"
      aria-label={ariaLabel}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      data-testid="goal-chart"
    >
      {/* Bands first, then the strips on the axis; each one pixel wider so neighbours join without a seam. */}
      <g className="goal-chart-under">
        {points.map((p) =>
          p.under ? (
            <rect
              key={p.period}
              className="under-band"
              x={x(p.period)}
              y={layout.top}
              width={band + 1}
              height={plotBottom - layout.top}
              data-testid="goal-under-band"
              data-period={p.period}
              data-under-target="true"
            />
          ) : null,
        )}
        {points.map((p) =>
          p.under ? <rect key={p.period} className="under-strip" x={x(p.period)} y={plotBottom - 0.3 * rem} width={band + 1} height={0.3 * rem} /> : null,
        )}
      </g>
      <g className="goal-chart-grid">
        {yTicks.map((v, i) => (
          <g key={v} transform={`translate(0, ${y(v)})`}>
            <line x1={layout.left} x2={width - layout.right} />
            <text x={layout.left - 0.4 * rem} dy="0.32em" textAnchor="end">
              {yLabels[i]}
            </text>
          </g>
        ))}
      </g>
      <g className="goal-chart-x">
        <line className="axis-line" x1={layout.left} x2={width - layout.right} y1={plotBottom} y2={plotBottom} />
        {points.map((p, i) => {
          if (i % every !== 0) return null;
          const showYear = years[i] !== lastYear;
          lastYear = years[i] ?? NaN;
          return (
            <text key={p.period} x={cx(p)} y={plotBottom + 0.4 * rem + font} textAnchor="middle" className={p.under ? 'under' : undefined}>
              {shortLabels[i]}
              {showYear && (
                <tspan x={cx(p)} dy="1.2em" className="year">
                  {years[i]}
                </tspan>
              )}
            </text>
          );
        })}
      </g>
      {targetPath && <path className="target-line" d={targetPath} strokeWidth={stroke.target} />}
      {lonelyTargets.map((p) => {
        const half = Math.min(band * 0.3, 0.8 * rem);
        return <line key={p.period} className="target-dash" x1={cx(p) - half} x2={cx(p) + half} y1={y(p.target ?? 0)} y2={y(p.target ?? 0)} strokeWidth={stroke.target} />;
      })}
      {actualPath && <path className="actual-line" d={actualPath} strokeWidth={stroke.actual} />}
      <g className="goal-chart-points">
        {points.map((p) =>
          p.actual === null ? null : p.under ? (
            <path
              key={p.period}
              className="point under"
              d={diamond}
              transform={`translate(${cx(p)}, ${y(p.actual)}) rotate(45)`}
              data-testid="goal-chart-point"
              data-period={p.period}
              data-under-target="true"
            />
          ) : (
            <circle
              key={p.period}
              className="point"
              cx={cx(p)}
              cy={y(p.actual)}
              r={dotRadius}
              data-testid="goal-chart-point"
              data-period={p.period}
              data-under-target="false"
            />
          ),
        )}
      </g>
      {shown && (
        <g className="goal-chart-active" data-export="skip">
          <line x1={cx(shown)} x2={cx(shown)} y1={layout.top} y2={plotBottom} />
          {shown.actual !== null && <circle cx={cx(shown)} cy={y(shown.actual)} r={dotRadius * 1.9} />}
        </g>
      )}
    </svg>
  );

  const tipLeft = shown ? cx(shown) : 0;
  return (
    <>
      {svg}
      {/* One tab stop for the whole chart; the arrow keys move between periods and the value text says the numbers. */}
      <div
        className="goal-chart-nav"
        role="slider"
        tabIndex={0}
        aria-label={t('chartScrub', { name })}
        aria-describedby={helpId}
        aria-valuemin={1}
        aria-valuemax={points.length}
        aria-valuenow={navIndex + 1}
        aria-valuetext={points[navIndex] ? pointText(points[navIndex]!, unit, missWord, t, fmt) : ''}
        style={{ left: layout.left, top: layout.top, width: plotWidth, height: plotBottom - layout.top }}
        onPointerMove={(e) => setActive(indexAt(e))}
        onPointerDown={(e) => setActive(indexAt(e))}
        onPointerLeave={() => !focused && setActive(null)}
        onFocus={() => {
          setFocused(true);
          setActive((a) => a ?? lastWithActual);
        }}
        onBlur={() => {
          setFocused(false);
          setActive(null);
        }}
        onKeyDown={onKeyDown}
        data-testid="goal-chart-nav"
      />
      <span id={helpId} className="visually-hidden">
        {t('chartScrubHelp')}
      </span>
      {shown && (
        <div
          className={`goal-chart-tip${tipLeft > width * 0.6 ? ' is-left' : ''}`}
          style={{ left: tipLeft, top: layout.top }}
          aria-hidden="true"
          data-testid="goal-chart-tip"
          data-period={shown.period}
        >
          <strong>{fmt.period(shown.period)}</strong>
          <span className="tip-row">
            <span className="tip-swatch tip-target" />
            {t('colTarget')}: {shown.target === null ? '–' : withUnit(fmt.number(shown.target), unit, fmt.locale)}
          </span>
          <span className="tip-row">
            <span className="tip-swatch tip-actual" />
            {t('colActual')}: {shown.actual === null ? '–' : withUnit(fmt.number(shown.actual), unit, fmt.locale)}
          </span>
          {shown.under && (
            <span className="tip-under">
              <span aria-hidden="true">◆ </span>
              {missWord}
            </span>
          )}
        </div>
      )}
    </>
  );
}

/**
 * The unit (above the y axis) and what the lines and marks mean. Hidden from screen readers:
 * the chart's aria-label and the table say it all in words.
 */
function Legend({ direction, unit, hasUnder }: { direction: Direction; unit: string; hasUnder: boolean }) {
  const t = useT(goalMessages);
  const wording = useTargetWording();
  return (
    <div className="goal-legend" aria-hidden="true">
      <span className="legend-unit">{unit.trim()}</span>
      <span className="legend-items">
        <span className="legend-item">
          <svg width="32" height="14" viewBox="0 0 32 14" className="legend-swatch">
            <line className="target-line" x1="1" x2="31" y1="7" y2="7" strokeWidth="3" />
          </svg>
          {t('legendTarget')}
        </span>
        <span className="legend-item">
          <svg width="32" height="14" viewBox="0 0 32 14" className="legend-swatch">
            <line className="actual-line" x1="1" x2="31" y1="7" y2="7" strokeWidth="3.5" />
            <circle className="point" cx="16" cy="7" r="5" />
          </svg>
          {t('legendActual')}
        </span>
        {hasUnder && (
          <span className="legend-item">
            <svg width="22" height="18" viewBox="0 0 22 18" className="legend-swatch legend-swatch-under">
              <rect className="under-band" x="0" y="0" width="22" height="18" />
              <rect className="point under" x="6" y="4" width="10" height="10" transform="rotate(45 11 9)" />
            </svg>
            {wording.statusWord(direction, false)}
          </span>
        )}
      </span>
    </div>
  );
}

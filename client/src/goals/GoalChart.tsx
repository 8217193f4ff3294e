// The goal's chart: target (light blue, dashed) against actual (dark blue, solid with dots) per
// period, and every period under target marked three ways: a red-tinted column with a red
// strip on the axis, a red diamond instead of a dot, and a bold red period label. d3 computes
// scales and paths; React renders the SVG, so user text only ever reaches the DOM as text.
// Drawn at its real pixel size (ResizeObserver), so text stays at its rem size on any screen.

import { line, scaleBand, scaleLinear, symbol, symbolSquare } from 'd3';
import { parsePeriod } from '../../../shared/domain/periods';
import type { Direction } from '../../../shared/domain/goalProgress';
import { useFormat, useT } from '../app/i18n';
import { labelEvery, valueDomain, type ChartPoint } from './goalView';
import { goalMessages } from './messages';
import { useElementWidth } from './useElementWidth';

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

export function GoalChart(props: { points: ChartPoint[]; direction: Direction; unit: string; ariaLabel: string }) {
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

function ChartSvg({ points, ariaLabel, width, rem }: { points: ChartPoint[]; ariaLabel: string; width: number; rem: number }) {
  const fmt = useFormat();
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

  const targetPath = line<ChartPoint>()
    .defined((p) => p.target !== null)
    .x(cx)
    .y((p) => y(p.target ?? 0))(points);
  const actualPath = line<ChartPoint>()
    .defined((p) => p.actual !== null)
    .x(cx)
    .y((p) => y(p.actual ?? 0))(points);

  // A target with no neighbouring target has no line segment: draw it as a short dash.
  const lonelyTargets = points.filter(
    (p, i) => p.target !== null && (points[i - 1]?.target ?? null) === null && (points[i + 1]?.target ?? null) === null,
  );
  const dotRadius = 0.34 * rem;
  const diamondSide = dotRadius * 2.1;
  const diamond = symbol(symbolSquare, diamondSide * diamondSide)() ?? '';
  const stroke = { target: Math.max(2.5, 0.17 * rem), actual: Math.max(3, 0.22 * rem) };

  let lastYear = NaN;
  return (
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
    </svg>
  );
}

/**
 * The unit (above the y axis) and what the lines and marks mean. Hidden from screen readers:
 * the chart's aria-label and the table say it all in words.
 */
function Legend({ direction, unit, hasUnder }: { direction: Direction; unit: string; hasUnder: boolean }) {
  const t = useT(goalMessages);
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
            {t(direction === 'down' ? 'legendUnderDown' : 'legendUnder')}
          </span>
        )}
      </span>
    </div>
  );
}

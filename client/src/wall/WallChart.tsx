// A goal's chart on the wall: target (light blue, dashed) against actual (dark blue, solid, with a
// dot per period), each period that misses its target marked by a red diamond and a bold red
// period label, so misses read without colour too. Drawn to its box at the wall's type size:
// as many periods as can be read one by one at that size (the latest ones), labels thinned only
// when a label would not fit its column. d3 computes scales and paths; React renders the SVG.

import { scaleBand, scaleLinear, symbol, symbolDiamond } from 'd3';
import type { Goal } from '../../../shared/schema';
import { chartPaths } from '../goals/chartPaths';
import { chartPeriods, chartSeries, labelEvery, valueDomain, type ChartPoint } from '../goals/goalView';
import { useFormat } from '../app/format';

export function WallChart({ goal, width, height, font }: { goal: Goal; width: number; height: number; font: number }) {
  const fmt = useFormat();
  if (width < 80 || height < 60) return null;
  const labelChars = (text: string) => text.length * 0.58 * font;
  // Each period needs room for a dot and a readable label; the latest periods are kept.
  const sample = fmt.periodShort(Object.keys(goal.actuals)[0] ?? Object.keys(goal.targets)[0] ?? '2026-10');
  const maxPeriods = Math.max(4, Math.min(24, Math.floor(width / Math.max(font * 1.4, labelChars(sample) * 0.75))));
  const points = chartSeries(goal, chartPeriods(goal, maxPeriods));
  if (points.length === 0) return null;

  const y = scaleLinear().domain(valueDomain(points));
  const tickCount = Math.max(2, Math.min(5, Math.floor(height / (font * 2.6))));
  y.nice(tickCount);
  const bottom = Math.ceil(font * 1.5);
  const top = Math.ceil(font * 0.6);
  y.range([height - bottom, top]);
  // d3 may offer more ticks than asked for: keep every n-th so labels stand 1.5 lines apart.
  const allTicks = y.ticks(tickCount);
  const spacing = allTicks.length > 1 ? Math.abs(y(allTicks[0]!) - y(allTicks[1]!)) : Infinity;
  const keepEvery = Math.max(1, Math.ceil((font * 1.5) / spacing));
  const yTicks = allTicks.filter((_, i) => i % keepEvery === 0);
  const yLabels = yTicks.map((v) => fmt.number(v));
  const left = Math.ceil(Math.max(...yLabels.map(labelChars)) + font * 0.5);
  const right = Math.ceil(font * 0.6);
  const x = scaleBand<string>()
    .domain(points.map((p) => p.period))
    .range([left, width - right]);
  const band = x.bandwidth();
  const cx = (p: ChartPoint) => (x(p.period) ?? 0) + band / 2;
  const labels = points.map((p) => fmt.periodShort(p.period));
  const every = labelEvery(band, Math.max(...labels.map(labelChars)) + font * 0.4);
  // Thinned labels are counted from the latest actual's period, so that one (the period the team
  // talks about) always has its label.
  let anchor = points.length - 1;
  points.forEach((p, i) => p.actual !== null && (anchor = i));
  const labelled = (i: number) => (((i - anchor) % every) + every) % every === 0;

  const { target: targetPath, actual: actualPath } = chartPaths(points, cx, (v) => y(v));
  const radius = Math.max(4, font * 0.28);
  const diamond = symbol(symbolDiamond, (radius * 2.6) ** 2)() ?? '';
  const stroke = Math.max(3, font * 0.16);

  return (
    <svg className="wall-chart" width={width} height={height} role="img" aria-hidden="true" style={{ fontSize: font }}>
      {yTicks.map((tick, i) => (
        <g key={tick} className="wall-chart-tick">
          <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} />
          <text x={left - font * 0.3} y={y(tick)} dy="0.35em" textAnchor="end">
            {yLabels[i]}
          </text>
        </g>
      ))}
      {points.map((p, i) =>
        labelled(i) ? (
          <text key={p.period} className={`wall-chart-period${p.under ? ' is-under' : ''}`} x={cx(p)} y={height - font * 0.3} textAnchor="middle">
            {labels[i]}
          </text>
        ) : null,
      )}
      {targetPath && <path className="wall-chart-target" d={targetPath} strokeWidth={stroke * 0.8} />}
      {actualPath && <path className="wall-chart-actual" d={actualPath} strokeWidth={stroke} />}
      {points.map((p) =>
        p.actual === null ? null : p.under ? (
          <path key={p.period} className="wall-chart-miss" d={diamond} transform={`translate(${cx(p)},${y(p.actual)})`} />
        ) : (
          <circle key={p.period} className="wall-chart-dot" cx={cx(p)} cy={y(p.actual)} r={radius} />
        ),
      )}
    </svg>
  );
}

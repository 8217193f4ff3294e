// The two lines of a goal's chart as SVG paths (target and actual, each broken where a period has
// no number), shared by the board's chart and the wall's.

import { line } from 'd3';
import type { ChartPoint } from './goalView';

export function chartPaths(points: readonly ChartPoint[], x: (p: ChartPoint) => number, y: (value: number) => number): { target: string | null; actual: string | null } {
  const path = (value: (p: ChartPoint) => number | null) =>
    line<ChartPoint>()
      .defined((p) => value(p) !== null)
      .x(x)
      .y((p) => y(value(p) ?? 0))(points);
  return { target: path((p) => p.target), actual: path((p) => p.actual) };
}

// The chart as a file: the on-screen SVG copied with its computed styles written inline (the
// stylesheet does not travel with the file), under a title and a legend, as SVG; or that SVG
// drawn on a canvas at twice the size, as PNG. Everything is built with DOM calls and
// textContent: user text never becomes markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Style properties that decide how the chart looks. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'visibility',
] as const;

export interface ChartFileInfo {
  title: string;
  /** A line under the title: unit, owner … */
  subtitle: string;
  legend: { target: string; actual: string; under: string | null };
  /** Colours of the legend, taken from the page's theme. */
  colors?: { target: string; actual: string; under: string; underBand: string; ink: string; muted: string };
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Copy the computed style of every element of `source` onto the same element of `copy`. */
function inlineStyles(source: Element, copy: Element): void {
  const style = getComputedStyle(source);
  const declarations = STYLE_PROPERTIES.map((p) => [p, style.getPropertyValue(p)] as const).filter(([, v]) => v !== '');
  if (copy instanceof SVGElement) for (const [property, value] of declarations) copy.style.setProperty(property, value);
  const sourceChildren = Array.from(source.children);
  const copyChildren = Array.from(copy.children);
  sourceChildren.forEach((child, i) => {
    const twin = copyChildren[i];
    if (twin) inlineStyles(child, twin);
  });
}

function themeColors(): NonNullable<ChartFileInfo['colors']> {
  const root = getComputedStyle(document.documentElement);
  const get = (name: string, fallback: string) => root.getPropertyValue(name).trim() || fallback;
  return {
    target: get('--target', '#3d7fc1'),
    actual: get('--actual', '#0b3a6e'),
    under: get('--danger', '#b00020'),
    underBand: get('--danger-bg', '#fde7ea'),
    ink: get('--ink', '#1a1a1a'),
    muted: get('--ink-muted', '#4a5360'),
  };
}

/** The chart as a standalone SVG document (text), with its size. */
export function chartSvgFile(chart: SVGSVGElement, info: ChartFileInfo): { svg: string; width: number; height: number } {
  const width = Math.round(chart.width.baseVal.value || chart.getBoundingClientRect().width);
  const chartHeight = Math.round(chart.height.baseVal.value || chart.getBoundingClientRect().height);
  const colors = info.colors ?? themeColors();
  const fontFamily = getComputedStyle(chart).fontFamily || 'sans-serif';
  const pad = 16;
  const header = 92;
  const height = chartHeight + header + pad;

  const copy = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, copy);
  copy.querySelectorAll('[data-export="skip"]').forEach((node) => node.remove());
  const body = el('g', { transform: `translate(${pad}, ${header})` });
  for (const child of Array.from(copy.childNodes)) body.appendChild(child);

  const file = el('svg', { xmlns: SVG_NS, width: width + 2 * pad, height, viewBox: `0 0 ${width + 2 * pad} ${height}` });
  file.style.setProperty('font-family', fontFamily);
  file.appendChild(el('rect', { x: 0, y: 0, width: width + 2 * pad, height, fill: '#ffffff' }));
  file.appendChild(el('text', { x: pad, y: 30, 'font-size': 22, 'font-weight': 700, fill: colors.ink }, info.title));
  file.appendChild(el('text', { x: pad, y: 54, 'font-size': 15, fill: colors.muted }, info.subtitle));

  // Legend: dashed light line (target), solid dark line with a dot (actual), red diamond (under).
  const legend = el('g', { transform: `translate(${pad}, 74)`, 'font-size': 15, fill: colors.ink });
  const measureContext = document.createElement('canvas').getContext('2d');
  const measure = (text: string) => {
    if (!measureContext) return text.length * 8.5;
    measureContext.font = `15px ${fontFamily}`;
    return measureContext.measureText(text).width;
  };
  let x = 0;
  legend.appendChild(el('line', { x1: x, x2: x + 30, y1: 0, y2: 0, stroke: colors.target, 'stroke-width': 3, 'stroke-dasharray': '7 5' }));
  const targetLabel = el('text', { x: x + 38, y: 5 }, info.legend.target);
  legend.appendChild(targetLabel);
  x += 38 + measure(info.legend.target) + 24;
  legend.appendChild(el('line', { x1: x, x2: x + 30, y1: 0, y2: 0, stroke: colors.actual, 'stroke-width': 3.5 }));
  legend.appendChild(el('circle', { cx: x + 15, cy: 0, r: 5, fill: colors.actual }));
  legend.appendChild(el('text', { x: x + 38, y: 5 }, info.legend.actual));
  x += 38 + measure(info.legend.actual) + 24;
  if (info.legend.under) {
    legend.appendChild(el('rect', { x, y: -9, width: 22, height: 18, fill: colors.underBand }));
    legend.appendChild(el('rect', { x: x + 6, y: -5, width: 10, height: 10, fill: colors.under, transform: `rotate(45 ${x + 11} 0)` }));
    legend.appendChild(el('text', { x: x + 30, y: 5 }, info.legend.under));
  }
  file.appendChild(legend);
  file.appendChild(body);
  const text = new XMLSerializer().serializeToString(file);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${text}`, width: width + 2 * pad, height };
}

/** The SVG file drawn on a white canvas at `scale` × its size, as a PNG blob. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    context.scale(scale, scale);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Save a blob under a file name (a temporary link with `download`). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

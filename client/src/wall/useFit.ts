// Condense, never clip: finds the largest type size (between a floor and a ceiling) at which a
// wall field shows all its items in its box, and when even the floor is too big, how many items
// fit with a "+ n more" line. It measures the real DOM: the box's `--fit` custom property is set
// and its overflow read back, in a layout effect, so the screen never shows a clipped frame.
// Items are the box's `[data-fit-item]` descendants in order; the "+ n more" line is
// `[data-fit-more]`. Both are hidden and shown here, not by React, while the search runs.

import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Fit {
  /** Type size in CSS px (the box's `--fit`). */
  size: number;
  /** How many of the items are shown. */
  shown: number;
}

export interface FitOptions {
  /** Smallest type size allowed (the floor from three metres). */
  min: number;
  max: number;
  /** Anything whose change changes what is drawn (content, layout mode). */
  contentKey: string;
}

/** Whether `box` shows everything it holds: no overflow of the box or of any shown item. */
function fitsNow(box: HTMLElement, items: readonly HTMLElement[], shown: number): boolean {
  if (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1) return false;
  for (let i = 0; i < shown; i++) {
    const item = items[i]!;
    if (item.scrollWidth > item.clientWidth + 1 || item.scrollHeight > item.clientHeight + 1) return false;
  }
  return true;
}

function apply(box: HTMLElement, items: readonly HTMLElement[], more: HTMLElement | null, fit: Fit): void {
  box.style.setProperty('--fit', `${fit.size}px`);
  items.forEach((item, i) => item.toggleAttribute('hidden', i >= fit.shown));
  more?.toggleAttribute('hidden', fit.shown >= items.length);
}

/** The largest value in low..high for which `ok` holds (ok is monotone: true up to some value); low - 1 if none. */
function largest(low: number, high: number, ok: (value: number) => boolean): number {
  let best = low - 1;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    if (ok(mid)) {
      best = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return best;
}

export function measureFit(box: HTMLElement, min: number, max: number): Fit {
  const items = [...box.querySelectorAll<HTMLElement>('[data-fit-item]')];
  const more = box.querySelector<HTMLElement>('[data-fit-more]');
  const all = items.length;
  const tryFit = (fit: Fit) => {
    apply(box, items, more, fit);
    return fitsNow(box, items, fit.shown);
  };
  const size = largest(min, max, (s) => tryFit({ size: s, shown: all }));
  let fit: Fit;
  if (size >= min) {
    fit = { size, shown: all };
  } else {
    const shown = largest(0, all - 1, (n) => tryFit({ size: min, shown: n }));
    fit = { size: min, shown: Math.max(0, shown) };
  }
  apply(box, items, more, fit);
  return fit;
}

export function useFit(box: RefObject<HTMLElement | null>, { min, max, contentKey }: FitOptions): Fit {
  const [fit, setFit] = useState<Fit>({ size: min, shown: Number.MAX_SAFE_INTEGER });
  const [boxSize, setBoxSize] = useState('');

  useLayoutEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setBoxSize(`${Math.round(width)}x${Math.round(height)}`);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [box]);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const next = measureFit(element, min, max);
    setFit((previous) => (previous.size === next.size && previous.shown === next.shown ? previous : next));
  }, [box, min, max, contentKey, boxSize]);

  return fit;
}

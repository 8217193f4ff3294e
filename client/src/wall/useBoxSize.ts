// The content-box size of an element in CSS px, kept current by a ResizeObserver: what the wall's
// chart and grid are drawn to (the canvas is 1920 wide, so these are canvas px).

import { useLayoutEffect, useRef, useState } from 'react';

export function useBoxSize<T extends HTMLElement>(): [React.RefObject<T | null>, { width: number; height: number }] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = (width: number, height: number) =>
      setSize((previous) => (previous.width === width && previous.height === height ? previous : { width, height }));
    update(Math.floor(element.clientWidth), Math.floor(element.clientHeight));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => entry && update(Math.floor(entry.contentRect.width), Math.floor(entry.contentRect.height)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}

// Nobody scrolls a wall screen, so a field with more than fits turns its own pages: every
// PAGE_MS it moves down by most of its height, and from the bottom back to the top. Fields that
// fit stand still. Reduced motion: the page jumps instead of gliding.

import { useEffect, type RefObject } from 'react';

export const PAGE_MS = 12_000;
/** Keep a strip of the previous page in view so the eye finds its place. */
const PAGE_FRACTION = 0.85;

/** The scroll position after `top` for a box of `visible` height showing `total` of content. */
export function nextPageTop(top: number, visible: number, total: number): number {
  const bottom = Math.max(0, total - visible);
  if (bottom <= 1) return 0;
  if (top >= bottom - 1) return 0;
  return Math.min(bottom, Math.round(top + visible * PAGE_FRACTION));
}

export function useFieldPaging(root: RefObject<HTMLElement | null>, selector = '.field-body'): void {
  useEffect(() => {
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const timer = setInterval(() => {
      const container = root.current;
      if (!container) return;
      for (const body of container.querySelectorAll<HTMLElement>(selector)) {
        const total = body.scrollHeight;
        const visible = body.clientHeight;
        const more = total - visible > 1;
        body.toggleAttribute('data-paged', more);
        if (!more && body.scrollTop === 0) continue;
        body.scrollTo({ top: nextPageTop(body.scrollTop, visible, total), behavior: reduceMotion ? 'auto' : 'smooth' });
      }
    }, PAGE_MS);
    return () => clearInterval(timer);
  }, [root, selector]);
}

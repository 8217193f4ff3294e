// One of the four fields of the måltavle: a numbered, labelled region with its own scroll. The
// section is a skip-link target (focusable by script, see SkipLinks.tsx); while its body scrolls
// it is a named, focusable region too, so keyboard users can scroll it (axe
// scrollable-region-focusable). A field that scrolls in an inner element of its own (Vurdering)
// passes `ownScroll`.

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../app/i18n';
import { fieldElementId, skipMessages } from './SkipLinks';

/** Whether the element's content overflows it (kept current while sizes change). */
function useOverflows(enabled: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof ResizeObserver === 'undefined') return;
    const check = () => setOverflows(element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    const mutations = new MutationObserver(() => {
      for (const child of element.children) observer.observe(child);
      check();
    });
    mutations.observe(element, { childList: true });
    check();
    return () => {
      observer.disconnect();
      mutations.disconnect();
    };
  }, [enabled]);
  return [ref, enabled && overflows] as const;
}

export function Field(props: { id: string; number: number; title: string; actions?: ReactNode; ownScroll?: boolean; children: ReactNode }) {
  const t = useT(skipMessages);
  const headingId = `${props.id}-heading`;
  const [body, scrolls] = useOverflows(!props.ownScroll);
  return (
    <section id={fieldElementId(props.id)} className={`field field-${props.id}`} aria-labelledby={headingId} data-field={props.id} tabIndex={-1}>
      <header className="field-header">
        <h2 id={headingId}>
          <span className="field-number" aria-hidden="true">
            {props.number}
          </span>
          {props.title}
        </h2>
        {props.actions && <div className="field-actions">{props.actions}</div>}
      </header>
      <div
        ref={body}
        className="field-body"
        {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': t('scrollRegion', { field: props.title }) } : {})}
        data-testid={`field-body-${props.id}`}
      >
        {props.children}
      </div>
    </section>
  );
}

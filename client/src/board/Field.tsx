// One of the four fields of the måltavle: a numbered, labelled region with its own scroll.

import type { ReactNode } from 'react';

export function Field(props: { id: string; number: number; title: string; actions?: ReactNode; children: ReactNode }) {
  const headingId = `${props.id}-heading`;
  return (
    <section className={`field field-${props.id}`} aria-labelledby={headingId} data-field={props.id}>
      <header className="field-header">
        <h2 id={headingId}>
          <span className="field-number" aria-hidden="true">
            {props.number}
          </span>
          {props.title}
        </h2>
        {props.actions && <div className="field-actions">{props.actions}</div>}
      </header>
      <div className="field-body">{props.children}</div>
    </section>
  );
}

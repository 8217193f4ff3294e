// One field on the wall: its number and name as on the paper board, a short count beside the
// name, and a body the field fills (sized by the layout, never scrolled).

import type { ReactNode, Ref } from 'react';
import type { AgendaField } from '../../../shared/domain/meetingTimer';

export type WallMode = 'board' | 'focus';

/** The smallest text each mode allows (issue 9: 20 px side by side, 28 px for the meeting's field). */
export const FLOOR: Record<WallMode, number> = { board: 20, focus: 28 };

export function WallField(props: {
  field: AgendaField;
  number: number;
  title: string;
  aside?: ReactNode;
  className?: string;
  bodyRef?: Ref<HTMLDivElement>;
  children: ReactNode;
}) {
  const headingId = `wall-${props.field}-heading`;
  return (
    <section className={`wall-field wall-field-${props.field} ${props.className ?? ''}`} aria-labelledby={headingId} data-field={props.field}>
      <header className="wall-field-header">
        <h2 id={headingId}>
          <span className="wall-field-number" aria-hidden="true">
            {props.number}
          </span>
          {props.title}
        </h2>
        {props.aside && <p className="wall-field-aside">{props.aside}</p>}
      </header>
      <div className="wall-field-body" ref={props.bodyRef}>
        {props.children}
      </div>
    </section>
  );
}

/** The "+ n more" line a field shows when even its smallest type cannot fit everything. */
export function MoreLine({ text }: { text: string }) {
  return (
    <p className="wall-more" data-fit-more hidden data-testid="wall-more">
      {text}
    </p>
  );
}

// Skip links (WCAG 2.4.1): the first thing in the tab order on the edit board, hidden until
// focused; each moves keyboard focus to one of the four fields (the field's section, focusable
// by script) and brings it into view. Also the messages of the board's own small parts that
// came with issue 9 (skip links, a field's scroll region).

import type { MouseEvent } from 'react';
import { defineMessages, useT } from '../app/i18n';
import { boardMessages } from './messages';

export const skipMessages = defineMessages({
  da: {
    skipLabel: 'Spring til et felt',
    skipTo: 'Gå til {field}',
    scrollRegion: '{field} (kan rulles)',
  },
  en: {
    skipLabel: 'Skip to a field',
    skipTo: 'Go to {field}',
    scrollRegion: '{field} (scrollable)',
  },
});

const FIELDS = ['goals', 'ideas', 'assessment', 'actions'] as const;

/** The id of a field's section (see Field.tsx). */
export const fieldElementId = (field: string) => `field-${field}`;

export function SkipLinks() {
  const t = useT(skipMessages);
  const tb = useT(boardMessages);
  const go = (event: MouseEvent<HTMLAnchorElement>, field: string) => {
    const target = document.getElementById(fieldElementId(field));
    if (!target) return;
    // Focus without touching the address bar (it holds the board's token).
    event.preventDefault();
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'start', inline: 'nearest' });
  };
  return (
    <nav className="skip-links" aria-label={t('skipLabel')}>
      <ul>
        {FIELDS.map((field) => (
          <li key={field}>
            <a href={`#${fieldElementId(field)}`} onClick={(event) => go(event, field)} data-testid={`skip-${field}`}>
              {t('skipTo', { field: tb(field) })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

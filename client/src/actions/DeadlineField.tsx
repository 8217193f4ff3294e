// An action's deadline as the plan first shows it: the date as the picker writes it (`15.12.2026`)
// and its calendar button, drawn as plain buttons. The real react-aria DatePicker is mounted when
// someone reaches for it, with focus in the date or the calendar open as they reached: a click or
// tap on the date, or keyboard focus (Tab) on it, puts focus in its day; a click on ▾ opens the
// calendar. Not hover, nor the focus a mouse press gives: the picker would replace the button
// between the press and the click, and the click would be lost. A full board has a hundred
// actions, and a hundred live date pickers were a quarter of its first render
// (docs/benchmarks.md, "board in the browser").

import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useT } from '../app/i18n';
import { useFormat } from '../app/format';
import { actionMessages } from './messages';

const DeadlinePicker = lazy(() => import('./DeadlinePicker').then((module) => ({ default: module.DeadlinePicker })));

/** Load the picker's code once the board has shown, so reaching for a deadline does not wait on the network. */
export function usePreloadDeadlinePicker(): void {
  useEffect(() => {
    const load = () => void import('./DeadlinePicker');
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(load, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(load, 1000);
    return () => clearTimeout(id);
  }, []);
}

interface Props {
  value: string | null;
  onChange: (value: string | null) => void;
  label: string;
  describedBy?: string;
}

/** How the picker takes over: focus in its date, or its calendar open. */
type Wake = 'focus' | 'open';

export function DeadlineField(props: Props) {
  const [wake, setWake] = useState<Wake | null>(null);
  const wakeUp = useCallback((next: Wake) => setWake((current) => current ?? next), []);
  if (wake) {
    return (
      <Suspense fallback={<DeadlineFace {...props} onWake={() => undefined} />}>
        <DeadlinePicker {...props} autoFocus={wake === 'focus'} defaultOpen={wake === 'open'} />
      </Suspense>
    );
  }
  return <DeadlineFace {...props} onWake={wakeUp} />;
}

function DeadlineFace(props: Props & { onWake: (wake: Wake) => void }) {
  const t = useT(actionMessages);
  const format = useFormat();
  const shown = props.value ? format.dateDigits(props.value) : t('datePlaceholder');
  return (
    <div className="deadline-picker-box" data-testid="deadline-picker" data-value={props.value ?? ''}>
      <div className="deadline-group" role="group" aria-label={props.label}>
        <button
          type="button"
          className={`deadline-face-date${props.value ? '' : ' is-placeholder'}`}
          aria-label={`${props.label}: ${props.value ? shown : t('noDeadline')}`}
          aria-describedby={props.describedBy}
          onClick={() => props.onWake('focus')}
          onFocus={(event) => event.currentTarget.matches(':focus-visible') && props.onWake('focus')}
        >
          {shown}
        </button>
        <button type="button" className="deadline-open quiet" aria-label={t('openCalendar')} onClick={() => props.onWake('open')}>
          <span aria-hidden="true">▾</span>
        </button>
      </div>
    </div>
  );
}

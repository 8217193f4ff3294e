// An action's deadline: react-aria's DatePicker (mounted by DeadlineField when someone reaches for it) in the UI language's locale (App's I18nProvider), so a Danish user
// types and reads `15.12.2026` (en-GB: `15/12/2026`) whatever language the browser itself is set
// to — a native <input type=date> follows the browser, and showed mm/dd/yyyy to Danish users.
// Keyboard: type the day, month and year segments, arrows change a segment; the calendar button
// opens a month grid (also keyboard-operable). Emits YYYY-MM-DD or null.

import { useEffect, useState } from 'react';
import { parseDate, type CalendarDate } from '@internationalized/date';
import { isIsoDate } from '../../../shared/domain/calendar';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  Popover,
} from 'react-aria-components';
import { useT } from '../app/i18n';
import { actionMessages } from './messages';

function toCalendarDate(iso: string | null): CalendarDate | null {
  if (!iso) return null;
  try {
    return parseDate(iso);
  } catch {
    return null;
  }
}

/** Years a deadline can have; while someone types "2026", the picker passes through 2, 20 and 202. */
const PLAUSIBLE_YEARS = { from: 1900, to: 2999 };

export interface DeadlinePickerProps {
  value: string | null;
  onChange: (value: string | null) => void;
  label: string;
  describedBy?: string;
  /** Focus the first segment on mount (the plan's DeadlineField hands over a focus it had). */
  autoFocus?: boolean;
  /** Open the calendar on mount (the calendar button of DeadlineField was pressed). */
  defaultOpen?: boolean;
}

export function DeadlinePicker(props: DeadlinePickerProps) {
  const t = useT(actionMessages);
  // The picker shows what is being typed; the board gets a date only once it is a real one.
  const [draft, setDraft] = useState<CalendarDate | null>(() => toCalendarDate(props.value));
  useEffect(() => setDraft(toCalendarDate(props.value)), [props.value]);
  const change = (date: CalendarDate | null) => {
    setDraft(date);
    if (date === null) {
      if (props.value !== null) props.onChange(null);
      return;
    }
    const iso = date.toString();
    if (date.year >= PLAUSIBLE_YEARS.from && date.year <= PLAUSIBLE_YEARS.to && isIsoDate(iso) && iso !== props.value) props.onChange(iso);
  };
  return (
    <div className="deadline-picker-box" data-testid="deadline-picker" data-value={props.value ?? ''}>
      <DatePicker
        className="deadline-picker"
        shouldForceLeadingZeros
        value={draft}
        onChange={change}
        aria-label={props.label}
        aria-describedby={props.describedBy}
        autoFocus={props.autoFocus}
        defaultOpen={props.defaultOpen}
      >
        <Group className="deadline-group">
          <DateInput className="deadline-input">{(segment) => <DateSegment segment={segment} className="deadline-segment" />}</DateInput>
          <Button className="deadline-open quiet" aria-label={t('openCalendar')}>
            <span aria-hidden="true">▾</span>
          </Button>
        </Group>
        <Popover className="deadline-popover">
          <Dialog className="deadline-dialog" aria-label={props.label}>
            <Calendar className="deadline-calendar">
              <header className="deadline-calendar-head">
                <Button slot="previous" aria-label={t('previousMonth')}>
                  ‹
                </Button>
                <Heading />
                <Button slot="next" aria-label={t('nextMonth')}>
                  ›
                </Button>
              </header>
              <CalendarGrid>{(date) => <CalendarCell date={date} className="deadline-day" />}</CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </div>
  );
}

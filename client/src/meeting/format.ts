// Times of day for the meeting, the wall screen and the minutes: `14.05` in Danish, in the
// board's time zone whatever the machine's.

import { useMemo } from 'react';
import { BOARD_TIME_ZONE } from '../../../shared/domain/calendar';
import { INTL_LOCALE, useLocale, type Locale } from '../app/i18n';

export interface TimeFormatters {
  /** ISO → `14.05` */
  time: (iso: string) => string;
  /** ISO → `9.00` (the hour without a leading zero, as after "kl."); optional for older callers. */
  clock?: (iso: string) => string;
  /** ISO → `25. nov. 2026` */
  day: (iso: string) => string;
  /** ISO → `25. nov. 2026 14.05` */
  dayTime: (iso: string) => string;
  /** ISO → YYYY-MM-DD in the board's zone */
  isoDay: (iso: string) => string;
}

export function makeTimeFormatters(locale: Locale): TimeFormatters {
  const intl = INTL_LOCALE[locale];
  const time = new Intl.DateTimeFormat(intl, { hour: '2-digit', minute: '2-digit', timeZone: BOARD_TIME_ZONE });
  const clock = new Intl.DateTimeFormat(intl, { hour: 'numeric', minute: '2-digit', timeZone: BOARD_TIME_ZONE });
  const day = new Intl.DateTimeFormat(intl, { day: 'numeric', month: 'short', year: 'numeric', timeZone: BOARD_TIME_ZONE });
  const isoDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: BOARD_TIME_ZONE });
  const safe = (format: Intl.DateTimeFormat) => (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '' : format.format(date);
  };
  return {
    time: safe(time),
    clock: safe(clock),
    day: safe(day),
    dayTime: (iso) => {
      const d = safe(day)(iso);
      return d ? `${d} ${safe(time)(iso)}` : '';
    },
    isoDay: safe(isoDay),
  };
}

export function useTimeFormat(): TimeFormatters {
  const locale = useLocale();
  return useMemo(() => makeTimeFormatters(locale), [locale]);
}

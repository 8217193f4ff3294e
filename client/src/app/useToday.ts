// Today's date in Europe/Copenhagen, refreshed each minute so "overdue" flips at midnight on a
// wall screen that runs for weeks.

import { useEffect, useState } from 'react';
import { dateInZone } from '../../../shared/domain/calendar';

export function useToday(): string {
  const [today, setToday] = useState(() => dateInZone(new Date()));
  useEffect(() => {
    const timer = setInterval(() => setToday(dateInZone(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

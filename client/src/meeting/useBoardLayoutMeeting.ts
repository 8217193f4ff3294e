// What the edit layout needs from the meeting: the field to highlight (while following) with its
// label, and the server clock kept measured while the board is open.

import type { CSSProperties } from 'react';
import { useT } from '../app/i18n';
import { useConnectionState } from '../sync/BoardProvider';
import { meetingMessages } from './messages';
import { useServerClockSync } from './serverClock';
import { useMeetingField } from './useMeeting';

export function useBoardLayoutMeeting(): { 'data-meeting-step'?: string; style: CSSProperties } {
  const t = useT(meetingMessages);
  const field = useMeetingField();
  const online = useConnectionState((s) => s.status === 'online');
  useServerClockSync(online);
  const style = { '--meeting-now-label': JSON.stringify(t('nowHere')) } as CSSProperties;
  return field ? { 'data-meeting-step': field, style } : { style };
}

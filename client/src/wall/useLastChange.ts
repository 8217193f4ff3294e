// The time of the board's last change, kept current on a wall screen (see lastChange.ts).

import { useEffect, useMemo, useState } from 'react';
import { serverNow } from '../../../shared/domain/meetingTimer';
import { useActions, useBoardConnection, useGoals, useIdeas } from '../sync/BoardProvider';
import { serverClock } from '../meeting/serverClock';
import { useMeeting, useMinutes } from '../meeting/useMeeting';
import { latestBoardTimestamp } from './lastChange';

export function useLastChange(): number | null {
  const connection = useBoardConnection();
  const goals = useGoals();
  const ideas = useIdeas();
  const actions = useActions();
  const meeting = useMeeting();
  const minutes = useMinutes();
  const [received, setReceived] = useState<number | null>(null);

  useEffect(() => {
    const { doc, state } = connection;
    // Updates applied while the first sync (or the offline copy) loads are the board as it
    // was, not a change; after that every update from the server is a change happening now.
    const onUpdate = () => {
      if (state.getState().synced) setReceived(serverNow(Date.now(), serverClock.getState().offsetMs));
    };
    doc.on('update', onUpdate);
    return () => doc.off('update', onUpdate);
  }, [connection]);

  const fromBoard = useMemo(() => latestBoardTimestamp({ goals, ideas, actions }, meeting, minutes), [goals, ideas, actions, meeting, minutes]);
  if (fromBoard === null) return received;
  if (received === null) return fromBoard;
  return Math.max(fromBoard, received);
}

// "Siden sidst" for this board: during a meeting, from the previous meeting's end to this
// meeting's start (stable while the meeting runs); otherwise from the last meeting until now.

import { useMemo } from 'react';
import { sinceLastMeeting, type SinceLastMeeting } from '../../../shared/domain/sinceLastMeeting';
import { useActions, useGoals, useIdeas, useMeta } from '../sync/BoardProvider';
import { useMeeting } from './useMeeting';

export function useSinceLast(): SinceLastMeeting {
  const goals = useGoals();
  const ideas = useIdeas();
  const actions = useActions();
  const meta = useMeta();
  const meeting = useMeeting();
  const since = meeting ? meeting.since : meta.lastMeetingAt;
  const until = meeting ? meeting.startedAt || null : null;
  return useMemo(() => sinceLastMeeting({ goals, ideas, actions }, since, until), [goals, ideas, actions, since, until]);
}

// "Siden sidst" for this board: during a meeting, from the previous meeting's end to this
// meeting's start (stable while the meeting runs); otherwise from the last meeting until now.

import { useMemo } from 'react';
import { sinceLastMeeting, type SinceLastMeeting } from '../../../shared/domain/sinceLastMeeting';
import { useT } from '../app/i18n';
import { useActions, useGoals, useIdeas, useMeta } from '../sync/BoardProvider';
import { wallMessages } from '../wall/messages';
import { meetingMessages } from './messages';
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

/** "Siden sidst" in one line, as the wall screen says it: `Siden sidst: 2 nye målinger · 1 statusændring`. */
export function useSinceSummary(since: SinceLastMeeting): string {
  const tw = useT(wallMessages);
  const t = useT(meetingMessages);
  const counts = (
    [
      ['measurements', since.measurements.length],
      ['statusChanges', since.statusChanges.length],
      ['newIdeas', since.newIdeas.length],
      ['assessedIdeas', since.assessedIdeas.length],
      ['newActions', since.newActions.length],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([key, n]) => tw(key, { n }));
  return counts.length > 0 ? tw('sinceCounts', { list: counts.join(' · ') }) : t('sinceNone');
}

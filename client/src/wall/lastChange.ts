// "Sidst ændret kl. 14.05" on the wall screen: the time of the board's last change. A Yjs
// document keeps no wall-clock time per edit, so two sources are combined:
//  - the latest timestamp the board itself holds (an idea's creation or assessment, an action's
//    creation or status change, an actual's entry, a question, a meeting step, minutes); this
//    is what a wall that was just (re)loaded knows;
//  - the moment this screen received a change from the server after its first sync (edits
//    without a timestamp of their own, like a retyped title, count too).

import type { Board } from '../../../shared/schema';
import type { Meeting, MeetingMinutes } from '../../../shared/schema/meeting';
import { parseTime } from '../../../shared/domain/meetingTimer';

/** The latest instant (ms) among the board's own timestamps, or null when it has none. */
export function latestBoardTimestamp(board: Pick<Board, 'goals' | 'ideas' | 'actions'>, meeting: Meeting | null, minutes: readonly MeetingMinutes[]): number | null {
  let latest: number | null = null;
  const see = (iso: string | undefined | null) => {
    const ms = parseTime(iso);
    if (ms !== null && (latest === null || ms > latest)) latest = ms;
  };
  for (const goal of board.goals) for (const stamp of Object.values(goal.actualLog ?? {})) see(stamp.at);
  for (const idea of board.ideas) {
    see(idea.createdAt);
    see(idea.assessedAt);
    for (const question of idea.questions) see(question.at);
  }
  for (const action of board.actions) {
    see(action.createdAt);
    for (const change of action.history) see(change.at);
  }
  if (meeting) {
    see(meeting.startedAt);
    see(meeting.stepChangedAt);
  }
  for (const entry of minutes) see(entry.endedAt);
  return latest;
}

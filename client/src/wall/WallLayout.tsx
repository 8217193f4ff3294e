// The wall screen (a view link): the board read from three metres. Without a meeting the four
// fields stand side by side as on the paper board; while a meeting runs, the field of the current
// step takes most of the wall and the other three shrink to a summary strip. Every field is laid
// out for its box — the type condenses to a floor (20 px side by side, 28 px for the meeting's
// field), and only past that floor does a field say "+ n more". Nothing scrolls or pages itself.
// Laid out on a 1920-wide canvas scaled to the screen, so 3840×2160 shows the 1920×1080 picture
// twice as sharp. It runs for weeks: it reconnects by itself, and nothing here keeps growing.

import { useEffect, useState, type CSSProperties } from 'react';
import type { AgendaField } from '../../../shared/domain/meetingTimer';
import { useConnectionState } from '../sync/BoardProvider';
import { useServerClockSync } from '../meeting/serverClock';
import { useMeetingField } from '../meeting/useMeeting';
import { WallHeader } from './WallHeader';
import { WallMeetingBar } from './WallMeetingBar';
import { WallGoals } from './WallGoals';
import { WallIdeas } from './WallIdeas';
import { WallGrid } from './WallGrid';
import { WallActions } from './WallActions';
import { WallStrip } from './WallStrip';
import type { WallMode } from './WallField';
import '../meeting/meeting.css';
import './wall.css';

/** The canvas the wall is laid out on; the screen scales it. */
export const WALL_WIDTH = 1920;

function measure(): { scale: number; height: number } {
  const scale = Math.max(0.1, window.innerWidth / WALL_WIDTH);
  return { scale, height: Math.round(window.innerHeight / scale) };
}

function useWallScale(): { scale: number; height: number } {
  const [size, setSize] = useState(measure);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('wall-mode');
    const onResize = () => setSize(measure());
    window.addEventListener('resize', onResize);
    onResize();
    return () => {
      window.removeEventListener('resize', onResize);
      root.classList.remove('wall-mode');
    };
  }, []);
  return size;
}

function FieldView({ field, mode }: { field: AgendaField; mode: WallMode }) {
  switch (field) {
    case 'goals':
      return <WallGoals mode={mode} />;
    case 'ideas':
      return <WallIdeas mode={mode} />;
    case 'assessment':
      return <WallGrid mode={mode} />;
    case 'actions':
      return <WallActions mode={mode} />;
  }
}

export function WallLayout() {
  const { scale, height } = useWallScale();
  const field = useMeetingField(true);
  const online = useConnectionState((s) => s.status === 'online');
  useServerClockSync(online);
  const style = { width: WALL_WIDTH, height, transform: `scale(${scale})` } as CSSProperties;
  return (
    <div className="wall-viewport">
      <div className="wall-canvas" style={style} data-testid="wall" data-meeting-step={field ?? undefined} data-scale={scale.toFixed(3)}>
        <WallHeader />
        <WallMeetingBar />
        {field ? (
          <main className="wall-fields is-meeting" data-testid="wall-fields">
            <FieldView field={field} mode="focus" />
            <WallStrip current={field} />
          </main>
        ) : (
          <main className="wall-fields is-board" data-testid="wall-fields">
            <WallGoals mode="board" />
            <WallIdeas mode="board" />
            <WallGrid mode="board" />
            <WallActions mode="board" />
          </main>
        )}
      </div>
    </div>
  );
}

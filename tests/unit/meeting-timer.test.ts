import { describe, expect, it } from 'vitest';
import {
  AGENDA,
  clampMeetingMinutes,
  clampStep,
  estimateClockOffset,
  formatCountdown,
  formatDuration,
  meetingClock,
} from '../../shared/domain/meetingTimer';

const START = '2026-11-25T13:00:00.000Z';
const startMs = Date.parse(START);
const MIN = 60_000;

describe('the agenda', () => {
  it('follows the method: goals, follow-up, ideas, assessment, choose', () => {
    expect(AGENDA.map((s) => s.field)).toEqual(['goals', 'actions', 'ideas', 'assessment', 'actions']);
    expect(AGENDA.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('clamps steps and durations, junk becomes the default', () => {
    expect(clampStep(7)).toBe(4);
    expect(clampStep(-1)).toBe(0);
    expect(clampStep('2')).toBe(0);
    expect(clampStep(2.7)).toBe(2);
    expect(clampMeetingMinutes(10)).toBe(15);
    expect(clampMeetingMinutes(45)).toBe(30);
    expect(clampMeetingMinutes(20.4)).toBe(20);
    expect(clampMeetingMinutes(Number.NaN)).toBe(15);
    expect(clampMeetingMinutes(null)).toBe(15);
  });
});

describe('meetingClock', () => {
  const meeting = { startedAt: START, durationMinutes: 15, stepChangedAt: START };

  it('counts down from the planned length and shows the overrun past it', () => {
    expect(meetingClock(meeting, startMs, 0)).toMatchObject({ elapsedMs: 0, remainingMs: 15 * MIN, overrun: false, fraction: 0 });
    expect(meetingClock(meeting, startMs + 5 * MIN, 0)).toMatchObject({ elapsedMs: 5 * MIN, remainingMs: 10 * MIN, overrun: false });
    expect(meetingClock(meeting, startMs + 15 * MIN, 0)).toMatchObject({ remainingMs: 0, overrun: false, fraction: 1 });
    const over = meetingClock(meeting, startMs + 17 * MIN + 3000, 0);
    expect(over).toMatchObject({ remainingMs: 0, overrunMs: 2 * MIN + 3000, overrun: true, fraction: 1 });
  });

  it('is the same for two clients whose clocks disagree, once each knows its offset', () => {
    const serverNow = startMs + 7 * MIN + 12_345;
    // A laptop 3 minutes behind the server, a wall screen 40 s ahead.
    const laptop = meetingClock(meeting, serverNow - 3 * MIN, 3 * MIN);
    const wall = meetingClock(meeting, serverNow + 40_000, -40_000);
    expect(laptop).toEqual(wall);
    expect(laptop.remainingMs).toBe(7 * MIN + 47_655);
  });

  it('is right after a reconnect or for a late joiner: nothing is counted, all is derived from startedAt', () => {
    // Someone joining 9 minutes in, with no earlier state, sees the same as someone there from the start.
    const from = meetingClock(meeting, startMs + 9 * MIN, 0);
    const lateJoiner = meetingClock({ ...meeting }, startMs + 9 * MIN, 0);
    expect(lateJoiner).toEqual(from);
    // A client offline for 20 minutes comes back past the end: it shows the overrun at once.
    expect(meetingClock(meeting, startMs + 29 * MIN, 0)).toMatchObject({ overrun: true, overrunMs: 14 * MIN });
  });

  it('never shows negative time when a skewed clock puts the start in the future', () => {
    const clock = meetingClock(meeting, startMs - 30_000, 0);
    expect(clock).toMatchObject({ elapsedMs: 0, remainingMs: 15 * MIN, overrunMs: 0, stepElapsedMs: 0 });
  });

  it('follows a changed duration (15 → 30) at once', () => {
    expect(meetingClock({ ...meeting, durationMinutes: 30 }, startMs + 20 * MIN, 0)).toMatchObject({ remainingMs: 10 * MIN, overrun: false });
  });

  it('reads junk start times as zero elapsed instead of NaN', () => {
    const clock = meetingClock({ startedAt: 'yesterday', durationMinutes: 15, stepChangedAt: null }, startMs, 0);
    expect(clock.elapsedMs).toBe(0);
    expect(clock.stepElapsedMs).toBeNull();
    expect(Number.isNaN(clock.remainingMs)).toBe(false);
  });

  it('measures the time on the current step from stepChangedAt', () => {
    const clock = meetingClock({ ...meeting, stepChangedAt: new Date(startMs + 4 * MIN).toISOString() }, startMs + 6 * MIN, 0);
    expect(clock.stepElapsedMs).toBe(2 * MIN);
  });
});

describe('formatting', () => {
  it('shows m:ss; the countdown rounds up so it reads 15:00 at the start and 0:00 at the end', () => {
    expect(formatDuration(61_999)).toBe('1:01');
    expect(formatDuration(3_600_000)).toBe('60:00');
    expect(formatCountdown(15 * MIN)).toBe('15:00');
    expect(formatCountdown(15 * MIN - 1)).toBe('15:00');
    expect(formatCountdown(14 * MIN + 59_001)).toBe('15:00');
    expect(formatCountdown(999)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5)).toBe('0:00');
  });
});

describe('estimateClockOffset', () => {
  it('takes the midpoint of the shortest round trip', () => {
    // Client 5 s behind the server; the slow sample would mislead by 1 s.
    const estimate = estimateClockOffset([
      { sentMs: 1000, serverMs: 6000 + 1000, receivedMs: 3000 },
      { sentMs: 5000, serverMs: 10_010, receivedMs: 5020 },
    ]);
    expect(estimate).toEqual({ offsetMs: 5000, uncertaintyMs: 10 });
  });

  it('ignores samples where the local clock went backwards, and returns null without any', () => {
    expect(estimateClockOffset([{ sentMs: 10, serverMs: 0, receivedMs: 5 }])).toBeNull();
    expect(estimateClockOffset([])).toBeNull();
    expect(estimateClockOffset([{ sentMs: Number.NaN, serverMs: 0, receivedMs: 5 }])).toBeNull();
  });

  it('makes two skewed clients agree on the meeting time', () => {
    const laptopSkew = -120_000; // laptop clock 2 min behind
    const wallSkew = 75_000; // wall clock 75 s ahead
    const sample = (skew: number, at: number) => ({ sentMs: at + skew, serverMs: at + 15, receivedMs: at + skew + 30 });
    const laptop = estimateClockOffset([sample(laptopSkew, startMs)])!;
    const wall = estimateClockOffset([sample(wallSkew, startMs)])!;
    const t = startMs + 8 * MIN;
    const a = meetingClock({ startedAt: START, durationMinutes: 15 }, t + laptopSkew, laptop.offsetMs);
    const b = meetingClock({ startedAt: START, durationMinutes: 15 }, t + wallSkew, wall.offsetMs);
    expect(Math.abs(a.elapsedMs - b.elapsedMs)).toBeLessThanOrEqual(1);
  });
});

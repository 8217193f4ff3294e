// The standing meeting's agenda and clock. Pure arithmetic: every timestamp in the meeting state
// is in *server time* (ISO), and each client turns its own clock into server time with an
// estimated offset, so two laptops whose clocks disagree by minutes still show the same timer,
// also after a reconnect or a late join (nothing here counts ticks; it is all "now − startedAt").

/** The method's order (domain.md, "The meeting"): the field each step puts on screen. */
export type AgendaField = 'goals' | 'actions' | 'ideas' | 'assessment';

export interface AgendaStep {
  /** 0-based index in AGENDA. */
  index: number;
  field: AgendaField;
  /** Message key for the step's name (the client translates). */
  key: 'stepGoals' | 'stepFollowUp' | 'stepIdeas' | 'stepAssess' | 'stepChoose';
}

export const AGENDA: readonly AgendaStep[] = [
  { index: 0, field: 'goals', key: 'stepGoals' },
  { index: 1, field: 'actions', key: 'stepFollowUp' },
  { index: 2, field: 'ideas', key: 'stepIdeas' },
  { index: 3, field: 'assessment', key: 'stepAssess' },
  { index: 4, field: 'actions', key: 'stepChoose' },
];

export const LAST_STEP = AGENDA.length - 1;

export const DEFAULT_MEETING_MINUTES = 15;
export const MIN_MEETING_MINUTES = 15;
export const MAX_MEETING_MINUTES = 30;

/** A duration clamped to 15–30 whole minutes; junk becomes the default. */
export function clampMeetingMinutes(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_MEETING_MINUTES;
  return Math.min(MAX_MEETING_MINUTES, Math.max(MIN_MEETING_MINUTES, Math.round(value)));
}

/** A step index clamped into the agenda; junk becomes the first step. */
export function clampStep(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 0;
  return Math.min(LAST_STEP, Math.max(0, Math.trunc(value)));
}

/** Milliseconds since the epoch of an ISO time, or null for junk. */
export function parseTime(iso: unknown): number | null {
  if (typeof iso !== 'string' || iso === '') return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** This client's "now" in server time: its own clock plus the estimated offset (server − client). */
export function serverNow(localNowMs: number, offsetMs: number): number {
  return localNowMs + offsetMs;
}

export interface MeetingClock {
  /** Time since the start, never negative (a start "in the future" from skew reads as 0). */
  elapsedMs: number;
  /** Time left until the planned end, never negative. */
  remainingMs: number;
  /** Time past the planned end, 0 until then. Shown, never enforced. */
  overrunMs: number;
  overrun: boolean;
  /** elapsed / planned, clamped to 0..1 (for a progress bar). */
  fraction: number;
  /** Time on the current step, never negative; null when the step has no valid timestamp. */
  stepElapsedMs: number | null;
}

/**
 * The meeting clock for a client whose local clock reads `localNowMs` and runs `offsetMs` behind
 * the server (offset = server − client). Timestamps are server time.
 */
export function meetingClock(
  meeting: { startedAt: string; durationMinutes: number; stepChangedAt?: string | null },
  localNowMs: number,
  offsetMs = 0,
): MeetingClock {
  const now = serverNow(localNowMs, offsetMs);
  const planned = clampMeetingMinutes(meeting.durationMinutes) * 60_000;
  const started = parseTime(meeting.startedAt);
  const elapsedMs = started === null ? 0 : Math.max(0, now - started);
  const overrunMs = Math.max(0, elapsedMs - planned);
  const stepAt = parseTime(meeting.stepChangedAt);
  return {
    elapsedMs,
    remainingMs: Math.max(0, planned - elapsedMs),
    overrunMs,
    overrun: overrunMs > 0,
    fraction: planned > 0 ? Math.min(1, elapsedMs / planned) : 1,
    stepElapsedMs: stepAt === null ? null : Math.max(0, now - stepAt),
  };
}

/** `m:ss` for a duration (floors to whole seconds; 61 s → `1:01`, 3600 s → `60:00`). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/**
 * `m:ss` for the countdown: remaining time rounded *up* to the second, so the display shows 15:00
 * at the start and reaches 0:00 exactly when the planned time is over (not a second early).
 */
export function formatCountdown(ms: number): string {
  return formatDuration(Math.ceil(Math.max(0, ms) / 1000) * 1000);
}

/** One round trip to the server's clock: sent and received on the client's clock, the server's reading. */
export interface ClockSample {
  sentMs: number;
  serverMs: number;
  receivedMs: number;
}

/**
 * Estimate offset = server − client from round trips (NTP's idea): the server read its clock
 * about halfway through the round trip, so offset ≈ server − (sent + received) / 2, with an error
 * of at most half the round trip. The sample with the shortest round trip is the most precise.
 * Samples with negative round trips (a local clock that jumped) are ignored; null when none is left.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): { offsetMs: number; uncertaintyMs: number } | null {
  let best: ClockSample | null = null;
  for (const sample of samples) {
    if (![sample.sentMs, sample.serverMs, sample.receivedMs].every(Number.isFinite)) continue;
    const rtt = sample.receivedMs - sample.sentMs;
    if (rtt < 0) continue;
    if (!best || rtt < best.receivedMs - best.sentMs) best = sample;
  }
  if (!best) return null;
  const rtt = best.receivedMs - best.sentMs;
  return { offsetMs: Math.round(best.serverMs - (best.sentMs + best.receivedMs) / 2), uncertaintyMs: Math.ceil(rtt / 2) };
}

// This browser's estimate of the server's clock. Meeting timestamps are server time, so a laptop
// whose clock is minutes off still shows the same timer as the wall screen. The offset is
// measured against GET /api/time (a few round trips, the shortest wins), again every ten minutes
// and after every reconnect; until the first answer it is 0 (the local clock).

import { useEffect, useState } from 'react';
import { createStore, useStore } from 'zustand';
import { estimateClockOffset, serverNow, type ClockSample } from '../../../shared/domain/meetingTimer';

interface ClockState {
  offsetMs: number;
  uncertaintyMs: number | null;
  measuredAt: number | null;
}

export const serverClock = createStore<ClockState>(() => ({ offsetMs: 0, uncertaintyMs: null, measuredAt: null }));

const SAMPLES = 4;
const REMEASURE_MS = 10 * 60_000;

let inFlight: Promise<void> | null = null;

/** Measure the offset now (one measurement at a time; failures keep the previous estimate). */
export function measureServerClock(fetchImpl: typeof fetch = fetch): Promise<void> {
  inFlight ??= (async () => {
    const samples: ClockSample[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      try {
        const sentMs = Date.now();
        const response = await fetchImpl('/api/time', { cache: 'no-store' });
        const receivedMs = Date.now();
        if (!response.ok) break;
        const body = (await response.json()) as { now?: unknown };
        if (typeof body.now === 'number') samples.push({ sentMs, serverMs: body.now, receivedMs });
      } catch {
        break;
      }
    }
    const estimate = estimateClockOffset(samples);
    if (estimate) serverClock.setState({ offsetMs: estimate.offsetMs, uncertaintyMs: estimate.uncertaintyMs, measuredAt: Date.now() });
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** Now in server time as an ISO string: what meeting writers store. */
export function serverNowIso(): string {
  return new Date(serverNow(Date.now(), serverClock.getState().offsetMs)).toISOString();
}

/** Keep the offset measured while a board is open: at once, every ten minutes, and when `online` turns true. */
export function useServerClockSync(online: boolean): void {
  useEffect(() => {
    void measureServerClock();
    const timer = setInterval(() => void measureServerClock(), REMEASURE_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (online) void measureServerClock();
  }, [online]);
}

export function useClockOffset(): number {
  return useStore(serverClock, (s) => s.offsetMs);
}

/** The local clock, re-read every `intervalMs` (the meeting timer ticks with it). */
export function useNow(intervalMs = 1000, enabled = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, enabled]);
  return now;
}

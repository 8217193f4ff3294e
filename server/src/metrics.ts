// Prometheus metrics (issue 8, operations) through prom-client, in a registry of our own: what an
// IT department graphs and alerts on — connections, open boards, updates and bytes per second,
// the store's flush latency and queue, frames and connections refused by reason, HTTP answers —
// plus Node's process metrics. Served at /metrics only when METRICS_TOKEN is set, behind it
// (http/metricsRoute.ts). The sync and store code report through the narrow interfaces below, so
// they never import prom-client and tests can pass `noMetrics`.

import client from 'prom-client';
import type { Capability } from '../../shared/protocol';
import type { StoreHealth } from './storage/store';

/** Why a frame or a connection was refused, as the `reason` label (bounded set). */
export type RefusalReason =
  | 'flood'
  | 'malformed'
  | 'too_large'
  | 'held_too_much'
  | 'board_full'
  | 'cannot_store'
  | 'unappliable'
  | 'view_write'
  | 'awareness_invalid';

/** What a connection and a room report. */
export interface SyncMetrics {
  received(bytes: number): void;
  sent(bytes: number): void;
  /** A document update was applied to a board (from a client or the server itself). */
  updateApplied(): void;
  refused(reason: RefusalReason): void;
  /** A connection was closed by the server before or instead of joining, with this close code. */
  connectionRefused(code: number): void;
}

/** What the store reports. */
export interface StoreMetrics {
  /** A flush wrote `updates` updates in `seconds`, or failed. */
  flushed(seconds: number, updates: number, ok: boolean): void;
}

export const noMetrics: SyncMetrics & StoreMetrics = {
  received() {},
  sent() {},
  updateApplied() {},
  refused() {},
  connectionRefused() {},
  flushed() {},
};

export interface MetricSources {
  connections(): Record<Capability, number>;
  openBoards(): number;
  storeHealth(): StoreHealth;
}

export interface Metrics {
  sync: SyncMetrics;
  store: StoreMetrics;
  /** An HTTP answer: `route` is a small fixed set (api, spa, health, sync, metrics). */
  httpAnswered(route: string, status: number, seconds: number): void;
  /** The text exposition format, and its content type. */
  render(): Promise<{ body: string; contentType: string }>;
}

export function createMetrics(sources: MetricSources): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'maaltavle_' });
  const registers = [registry];

  new client.Gauge({
    name: 'maaltavle_connections',
    help: 'Open sync connections by capability',
    labelNames: ['capability'],
    registers,
    collect() {
      const counts = sources.connections();
      this.set({ capability: 'edit' }, counts.edit);
      this.set({ capability: 'view' }, counts.view);
    },
  });
  new client.Gauge({
    name: 'maaltavle_open_boards',
    help: 'Boards loaded in memory',
    registers,
    collect() {
      this.set(sources.openBoards());
    },
  });
  const updates = new client.Counter({ name: 'maaltavle_updates_total', help: 'Document updates applied to boards', registers });
  const bytesIn = new client.Counter({ name: 'maaltavle_sync_received_bytes_total', help: 'Bytes received on sync connections', registers });
  const bytesOut = new client.Counter({ name: 'maaltavle_sync_sent_bytes_total', help: 'Bytes sent on sync connections', registers });
  const refused = new client.Counter({ name: 'maaltavle_rejected_frames_total', help: 'Frames refused or dropped, by reason', labelNames: ['reason'], registers });
  const refusedConnections = new client.Counter({ name: 'maaltavle_refused_connections_total', help: 'Sync connections closed by the server before joining, by close code', labelNames: ['code'], registers });
  const flushSeconds = new client.Histogram({
    name: 'maaltavle_store_flush_seconds',
    help: 'Time to write one batch of queued updates to the store',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  const flushFailures = new client.Counter({ name: 'maaltavle_store_flush_failures_total', help: 'Store writes that failed (disk full, I/O error); retried', registers });
  new client.Gauge({
    name: 'maaltavle_store_queued_updates',
    help: 'Updates held in memory, not yet written',
    registers,
    collect() {
      this.set(sources.storeHealth().queuedUpdates);
    },
  });
  new client.Gauge({
    name: 'maaltavle_store_queued_bytes',
    help: 'Bytes of updates held in memory, not yet written',
    registers,
    collect() {
      this.set(sources.storeHealth().queuedBytes);
    },
  });
  new client.Gauge({
    name: 'maaltavle_store_writable',
    help: '1 while the store writes, 0 while it cannot (the readiness check is failing)',
    registers,
    collect() {
      this.set(sources.storeHealth().writable ? 1 : 0);
    },
  });
  const http = new client.Histogram({
    name: 'maaltavle_http_request_duration_seconds',
    help: 'HTTP answers by route and status class',
    labelNames: ['route', 'status'],
    buckets: [0.005, 0.025, 0.1, 0.25, 1, 2.5, 10],
    registers,
  });

  return {
    sync: {
      received: (bytes) => bytesIn.inc(bytes),
      sent: (bytes) => bytesOut.inc(bytes),
      updateApplied: () => updates.inc(),
      refused: (reason) => refused.inc({ reason }),
      connectionRefused: (code) => refusedConnections.inc({ code: String(code) }),
    },
    store: {
      flushed(seconds, _updates, ok) {
        if (ok) flushSeconds.observe(seconds);
        else flushFailures.inc();
      },
    },
    httpAnswered(route, status, seconds) {
      http.observe({ route, status: `${Math.floor(status / 100)}xx` }, seconds);
    },
    async render() {
      return { body: await registry.metrics(), contentType: registry.contentType };
    },
  };
}

// Latency samples and their percentiles (nearest rank), plus what the load process itself was
// doing, so a saturated load generator is visible instead of being blamed on a server.

/** A growable Float64Array of samples, capped so a runaway scenario cannot eat the machine. */
export class Samples {
  private data = new Float64Array(1 << 16);
  private n = 0;
  dropped = 0;

  constructor(private readonly cap = 20_000_000) {}

  add(value: number): void {
    if (this.n === this.data.length) {
      if (this.n >= this.cap) {
        this.dropped++;
        return;
      }
      const bigger = new Float64Array(Math.min(this.cap, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.n++] = value;
  }

  get count(): number {
    return this.n;
  }

  summary(): LatencySummary {
    if (this.n === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
    const sorted = this.data.slice(0, this.n).sort();
    const at = (q: number) => sorted[Math.min(this.n - 1, Math.max(0, Math.ceil(q * this.n) - 1))]!;
    let sum = 0;
    for (let i = 0; i < this.n; i++) sum += sorted[i]!;
    return { count: this.n, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[this.n - 1]!, mean: sum / this.n };
  }
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * CPU share and event-loop lag of this (the load) process over a window. The lag is measured
 * with a 2 ms timer chain: how late each tick fires. (monitorEventLoopDelay would report whole
 * intervals, i.e. the resolution plus the lag.)
 */
export class LoadProcessMonitor {
  private readonly lags = new Samples(10_000_000);
  private cpu0 = process.cpuUsage();
  private t0 = performance.now();
  private timer: NodeJS.Timeout | null = null;

  start(): void {
    this.cpu0 = process.cpuUsage();
    this.t0 = performance.now();
    const tick = (due: number) => {
      this.timer = setTimeout(() => {
        const now = performance.now();
        this.lags.add(Math.max(0, now - due));
        tick(now + 2);
      }, 2);
    };
    tick(performance.now() + 2);
  }

  stop(): { cpuPercent: number; loopDelayP99Ms: number; loopDelayMaxMs: number } {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const cpu = process.cpuUsage(this.cpu0);
    const elapsedMs = performance.now() - this.t0;
    const lag = this.lags.summary();
    return {
      cpuPercent: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
      loopDelayP99Ms: lag.p99,
      loopDelayMaxMs: lag.max,
    };
  }
}

// Failed admin-token attempts per client address (issue 8): after a few wrong tokens within a
// window, that address is refused with 429 for a while, whatever it sends, so a short or guessable
// ADMIN_TOKEN cannot be found by trying. Other addresses are not affected. Memory is bounded: at
// most `maxEntries` addresses are remembered, the least recently seen is forgotten first, and an
// entry whose window and block are over counts as absent.

export interface ThrottleOptions {
  /** Wrong tokens allowed per window; the next one starts the block. */
  maxFailures: number;
  windowMs: number;
  blockMs: number;
  maxEntries: number;
  now: () => number;
}

/** 10 wrong tokens a minute, then 5 minutes of 429 (a stale link polling once a minute never gets there). */
export const ADMIN_THROTTLE_DEFAULTS: ThrottleOptions = { maxFailures: 10, windowMs: 60_000, blockMs: 5 * 60_000, maxEntries: 10_000, now: Date.now };

interface Entry {
  failures: number;
  windowStart: number;
  blockedUntil: number;
}

export class AttemptThrottle {
  private readonly entries = new Map<string, Entry>();
  private readonly options: ThrottleOptions;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { ...ADMIN_THROTTLE_DEFAULTS, ...options };
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whole seconds the client must wait (for Retry-After), or 0 when it may try. */
  retryAfter(client: string): number {
    const entry = this.live(client);
    const wait = entry ? entry.blockedUntil - this.options.now() : 0;
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  /** A wrong token from `client`. */
  fail(client: string): void {
    const now = this.options.now();
    let entry = this.live(client);
    if (!entry || (entry.blockedUntil <= now && now - entry.windowStart >= this.options.windowMs)) entry = { failures: 0, windowStart: now, blockedUntil: 0 };
    entry.failures++;
    if (entry.failures > this.options.maxFailures) entry.blockedUntil = now + this.options.blockMs;
    // Re-inserted last: the Map's order is least recently seen first.
    this.entries.delete(client);
    this.entries.set(client, entry);
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The right token: the client's failures are forgotten. */
  succeed(client: string): void {
    this.entries.delete(client);
  }

  private live(client: string): Entry | null {
    const entry = this.entries.get(client);
    if (!entry) return null;
    const now = this.options.now();
    if (now >= entry.blockedUntil && now - entry.windowStart >= this.options.windowMs) {
      this.entries.delete(client);
      return null;
    }
    return entry;
  }
}

// At most a few exports at once (issue 8): a workbook of a full board takes ~0.4 s of CPU, and
// anyone with the wall-screen link may ask for one, so more than MAX_CONCURRENT_EXPORTS at the
// same time are answered 429 (JSON error, Retry-After) instead of queueing up CPU and memory.
// Exports are also bounded in what they read (MAX_EXPORT_ROWS, cells cut to MAX_TEXT_LENGTH),
// for boards that grew past the bounds before there were any.

import { MAX_ROOT_ENTRIES, MAX_TEXT_LENGTH, fitText } from '../../../shared/limits';
import { HttpError } from './responses';

/** Exports running at once per server; one more is answered 429. */
export const MAX_CONCURRENT_EXPORTS = 2;
/** Most rows of an export: as many as a board may hold actions. */
export const MAX_EXPORT_ROWS = MAX_ROOT_ENTRIES.actions ?? 1000;

export class ExportLimit {
  private active = 0;

  constructor(readonly max: number = MAX_CONCURRENT_EXPORTS) {}

  get running(): number {
    return this.active;
  }

  /** Run one export, or throw 429 when `max` are running. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) {
      throw new HttpError(429, `At most ${this.max} exports run at once; try again in a moment`, { 'Retry-After': '5' });
    }
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
    }
  }
}

const limits = new WeakMap<object, ExportLimit>();

/** The one limit of a server, keyed by something each server has once (its room registry). */
export function exportLimitFor(server: object): ExportLimit {
  let limit = limits.get(server);
  if (!limit) limits.set(server, (limit = new ExportLimit()));
  return limit;
}

/** Every string field of a row cut to MAX_TEXT_LENGTH. */
export function cutCells<T extends object>(row: T): T {
  const cut = { ...row } as Record<string, unknown>;
  for (const [key, value] of Object.entries(cut)) if (typeof value === 'string') cut[key] = fitText(value, MAX_TEXT_LENGTH).text;
  return cut as T;
}

// Measurement periods of a goal: `YYYY-MM` (monthly), `YYYY-Www` (ISO week), `YYYY-Qn`
// (quarterly). Arithmetic goes through a linear ordinal per frequency, so "next", "range" and
// "compare" are plain integer operations.

export type Frequency = 'weekly' | 'monthly' | 'quarterly';

export const FREQUENCIES: readonly Frequency[] = ['weekly', 'monthly', 'quarterly'];

export function isFrequency(value: unknown): value is Frequency {
  return typeof value === 'string' && (FREQUENCIES as readonly string[]).includes(value);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const DAY_MS = 86_400_000;

export interface ParsedPeriod {
  frequency: Frequency;
  year: number;
  /** Month 1–12, ISO week 1–53 or quarter 1–4. */
  number: number;
}

/** Parse a period string; null when it is not a valid period (also for week 53 of a 52-week year). */
export function parsePeriod(period: unknown): ParsedPeriod | null {
  if (typeof period !== 'string') return null;
  let match = MONTH.exec(period);
  if (match) return { frequency: 'monthly', year: Number(match[1]), number: Number(match[2]) };
  match = QUARTER.exec(period);
  if (match) return { frequency: 'quarterly', year: Number(match[1]), number: Number(match[2]) };
  match = WEEK.exec(period);
  if (match) {
    const year = Number(match[1]);
    const week = Number(match[2]);
    if (week > isoWeeksInYear(year)) return null;
    return { frequency: 'weekly', year, number: week };
  }
  return null;
}

export function isPeriodOf(period: unknown, frequency: Frequency): period is string {
  return parsePeriod(period)?.frequency === frequency;
}

/** Day number (days since 1970-01-01) of the Monday of ISO week 1 of `year`. */
function isoWeekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
  const weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday;
}

export function isoWeeksInYear(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / 7;
}

/** The ISO week (year and week) that a UTC calendar day falls in. */
export function isoWeekOf(date: Date): { year: number; week: number } {
  const day = Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / DAY_MS);
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
  const thursday = day - weekday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  return { year, week: Math.floor((thursday - isoWeekOneMonday(year)) / 7) + 1 };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Linear ordinal of a period within its frequency. */
function ordinal(p: ParsedPeriod): number {
  switch (p.frequency) {
    case 'monthly':
      return p.year * 12 + (p.number - 1);
    case 'quarterly':
      return p.year * 4 + (p.number - 1);
    case 'weekly':
      // Day 4 (1970-01-05) is the first Monday after the epoch, so Mondays are 4 + 7k.
      return (isoWeekOneMonday(p.year) + (p.number - 1) * 7 - 4) / 7;
  }
}

function fromOrdinal(frequency: Frequency, n: number): string {
  switch (frequency) {
    case 'monthly':
      return `${pad(Math.floor(n / 12), 4)}-${pad((n % 12) + 1)}`;
    case 'quarterly':
      return `${pad(Math.floor(n / 4), 4)}-Q${(n % 4) + 1}`;
    case 'weekly': {
      const { year, week } = isoWeekOf(new Date((n * 7 + 4) * DAY_MS));
      return `${pad(year, 4)}-W${pad(week)}`;
    }
  }
}

/** The period `steps` after (or before, when negative) `period`. */
export function addPeriods(period: string, steps: number): string {
  const parsed = parsePeriod(period);
  if (!parsed) throw new RangeError(`Not a period: ${period}`);
  return fromOrdinal(parsed.frequency, ordinal(parsed) + steps);
}

/** Negative, zero or positive like a comparator; periods of different frequencies compare as strings. */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb || pa.frequency !== pb.frequency) return a < b ? -1 : a > b ? 1 : 0;
  return ordinal(pa) - ordinal(pb);
}

/** Every period from `from` to `to`, both included (empty when `to` is before `from`). */
export function periodRange(from: string, to: string, limit = 1000): string[] {
  const pa = parsePeriod(from);
  const pb = parsePeriod(to);
  if (!pa || !pb || pa.frequency !== pb.frequency) return [];
  const result: string[] = [];
  for (let n = ordinal(pa); n <= ordinal(pb) && result.length < limit; n++) result.push(fromOrdinal(pa.frequency, n));
  return result;
}

/** The period of `frequency` that a date (YYYY-MM-DD or Date, read in UTC) falls in. */
export function periodOfDate(date: Date | string, frequency: Frequency): string {
  const d = typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date;
  switch (frequency) {
    case 'monthly':
      return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`;
    case 'quarterly':
      return `${pad(d.getUTCFullYear(), 4)}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case 'weekly': {
      const { year, week } = isoWeekOf(d);
      return `${pad(year, 4)}-W${pad(week)}`;
    }
  }
}

/** First day of a period as a UTC Date, for formatting with Intl. */
export function periodStart(period: string): Date {
  const p = parsePeriod(period);
  if (!p) throw new RangeError(`Not a period: ${period}`);
  switch (p.frequency) {
    case 'monthly':
      return new Date(Date.UTC(p.year, p.number - 1, 1));
    case 'quarterly':
      return new Date(Date.UTC(p.year, (p.number - 1) * 3, 1));
    case 'weekly':
      return new Date((isoWeekOneMonday(p.year) + (p.number - 1) * 7) * DAY_MS);
  }
}

// How a result against its target is worded, everywhere (issue 9): the goal card, the badge, the
// chart legend, Siden sidst, the leader overview and the wall screen all take their words from
// here. The rule (met or not, under/over/at) is shared/domain/targetStatus.ts; this module only
// phrases it for the goal's direction: a higher-is-better goal misses "under måltal", a
// lower-is-better goal misses "over måltal", and a met target says "Måltal nået" either way.

import { useMemo } from 'react';
import { latestActualPeriod, latestGap, underTargetStreak, type Measurements } from '../../../shared/domain/goalProgress';
import { targetDifference, targetStatus, type Direction, type TargetStatus } from '../../../shared/domain/targetStatus';
import type { Frequency } from '../../../shared/domain/periods';
import { interpolate, useLocale, type Locale } from '../app/i18n';
import { differenceUnit, signedWithUnit, withUnit } from './goalView';
import { goalMessages, type GoalMessageKey } from './messages';
import { formattersFor } from '../app/format';

/** A goal as the wording needs it (a `Goal` from the board is one). */
export type WordedGoal = Measurements & { unit: string; frequency: Frequency };

/** One actual against its target, without the goal's history (a summary's goal, a new measurement). */
export interface TargetReading {
  direction: Direction;
  unit: string;
  actual: number;
  target: number;
}

export interface TargetWording {
  /**
   * The card's most important sentence, for the latest period with an actual: `−20,5 pct.-point
   * under måltal`, `+0,4 dage over måltal`, `Præcis på måltal`; null without an actual or without
   * a target in that period.
   */
  gap: (goal: WordedGoal | TargetReading) => string | null;
  /** The badge: `Under måltal` / `Over måltal` (a miss, by direction) or `Måltal nået`; null as for `gap`. */
  status: (goal: WordedGoal | TargetReading) => string | null;
  /**
   * How long the goal has missed its target: `Under måltal 4 måneder i træk` (`Over måltal …`
   * when lower is better), `Under måltal i okt. 2026` for a single period; null when the latest
   * result meets its target or has none.
   */
  streak: (goal: WordedGoal) => string | null;
  /** `7,5 dage mod 7,1 dage`. */
  versus: (actual: number, target: number, unit: string) => string;
  /** The status word itself: `Måltal nået` when met, else the miss of the direction (`Under måltal` / `Over måltal`). */
  statusWord: (direction: Direction, met: boolean) => string;
  /** A count of periods, plural by the language's rules: `1 måned`, `4 måneder`, `1 week`, `3 quarters`. */
  periodCount: (n: number, frequency: Frequency) => string;
  /** How many goals miss their target, whatever their direction: `1 mål når ikke måltal`, `3 goals miss their target`. */
  missedCount: (n: number) => string;
}

const PERIOD_FORMS: Record<Frequency, { one: GoalMessageKey; other: GoalMessageKey }> = {
  monthly: { one: 'monthsOne', other: 'monthsOther' },
  weekly: { one: 'weeksOne', other: 'weeksOther' },
  quarterly: { one: 'quartersOne', other: 'quartersOther' },
};

const isReading = (goal: WordedGoal | TargetReading): goal is TargetReading => !('targets' in goal);

/** The wording in one UI language (pure: used by the hook and by unit tests). */
export function makeTargetWording(locale: Locale): TargetWording {
  const fmt = formattersFor(locale);
  const text = (key: GoalMessageKey, vars?: Record<string, string | number>) => interpolate(goalMessages[locale][key], vars, locale);
  const value = (n: number, unit: string) => withUnit(fmt.number(n), unit, locale);

  /** The latest difference and its status, or null without an actual and a target. */
  const reading = (goal: WordedGoal | TargetReading): (TargetStatus & { difference: number; direction: Direction; unit: string }) | null => {
    if (isReading(goal)) {
      const difference = targetDifference(goal.target, goal.actual);
      return { difference, direction: goal.direction, unit: goal.unit, ...targetStatus(goal.direction, difference) };
    }
    const gap = latestGap(goal);
    return gap && { ...gap, direction: goal.direction, unit: goal.unit };
  };

  const statusWord = (direction: Direction, met: boolean) => text(met ? 'statusMet' : direction === 'up' ? 'statusUnder' : 'statusOver');
  const periodCount = (n: number, frequency: Frequency) => {
    const forms = PERIOD_FORMS[frequency];
    return fmt.plural(n, { one: text(forms.one), other: text(forms.other) });
  };

  return {
    gap: (goal) => {
      const r = reading(goal);
      if (!r) return null;
      if (r.position === 'at') return text('gapAt');
      const amount = signedWithUnit(r.difference, (n) => fmt.number(n), differenceUnit(r.unit, text('percentPoints')));
      return text(r.position === 'under' ? 'gapUnder' : 'gapOver', { value: amount });
    },
    status: (goal) => {
      const r = reading(goal);
      return r && statusWord(r.direction, r.met);
    },
    streak: (goal) => {
      const gap = latestGap(goal);
      if (!gap || gap.met) return null;
      const status = statusWord(goal.direction, false);
      const streak = underTargetStreak(goal);
      if (streak <= 1) return text('streakOne', { status, period: fmt.period(latestActualPeriod(goal)!) });
      return text('streakMany', { status, periods: periodCount(streak, goal.frequency) });
    },
    versus: (actual, target, unit) => text('versus', { actual: value(actual, unit), target: value(target, unit) }),
    statusWord,
    periodCount,
    missedCount: (n) => fmt.plural(n, { one: text('missedOne'), other: text('missedOther') }),
  };
}

/** The target wording in the current UI language. */
export function useTargetWording(): TargetWording {
  const locale = useLocale();
  return useMemo(() => makeTargetWording(locale), [locale]);
}

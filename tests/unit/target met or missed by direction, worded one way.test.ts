import { describe, expect, it } from 'vitest';
import { missesTarget, underTargetStreak } from '../../shared/domain/goalProgress';
import { missPosition, readDirection, targetDifference, targetStatus } from '../../shared/domain/targetStatus';
import { makeTargetWording, type WordedGoal } from '../../client/src/goals/targetWording';

const monthly = (values: (number | null)[], from = 7): Record<string, number> =>
  Object.fromEntries(values.flatMap((v, i) => (v === null ? [] : [[`2026-${String(from + i).padStart(2, '0')}`, v]])));

const goal = (patch: Partial<WordedGoal>): WordedGoal => ({ direction: 'up', unit: '%', frequency: 'monthly', targets: {}, actuals: {}, ...patch });

// The examples: a share in % (higher is better) and a case processing time in days (lower is better).
const share = goal({ targets: monthly([72, 74, 76, 78]), actuals: monthly([68, 67, 71, 57.5]) });
const days = goal({ direction: 'down', unit: 'dage', targets: monthly([7.5, 7.3, 7.2, 7.1]), actuals: monthly([8, 7.9, 7.6, 7.5]) });

describe('the rule: is the target met, and where is the actual', () => {
  it('higher is better: under the target misses, at or over it meets', () => {
    expect(targetStatus('up', -20.5)).toEqual({ met: false, position: 'under' });
    expect(targetStatus('up', 2)).toEqual({ met: true, position: 'over' });
    expect(targetStatus('up', 0)).toEqual({ met: true, position: 'at' });
  });

  it('lower is better: over the target misses, at or under it meets', () => {
    expect(targetStatus('down', 0.4)).toEqual({ met: false, position: 'over' });
    expect(targetStatus('down', -0.4)).toEqual({ met: true, position: 'under' });
    expect(targetStatus('down', 0)).toEqual({ met: true, position: 'at' });
  });

  it('a miss is under the target when up and over it when down', () => {
    expect(missPosition('up')).toBe('under');
    expect(missPosition('down')).toBe('over');
  });

  it('counts a target reached through binary noise as met in both directions (one notion with the gap)', () => {
    expect(targetDifference(0.3, 0.1 + 0.2)).toBe(0);
    expect(missesTarget('down', 0.3, 0.1 + 0.2)).toBe(false);
    expect(missesTarget('up', 0.3, 0.1 + 0.2)).toBe(false);
    expect(missesTarget('down', 7.1, 7.5)).toBe(true);
  });

  it('reads a missing or junk direction as higher is better', () => {
    expect(readDirection('down')).toBe('down');
    expect(readDirection(undefined)).toBe('up');
    expect(readDirection('sideways')).toBe('up');
  });
});

describe('the wording in Danish', () => {
  const w = makeTargetWording('da');

  it('says how far a miss is, on the side the direction misses on', () => {
    expect(w.gap(share)).toBe('\u221220,5\u00a0pct.-point under måltal');
    expect(w.gap(days)).toBe('+0,4\u00a0dage over måltal');
  });

  it('calls a miss "Under måltal" when up and "Over måltal" when down, and a met target "Måltal nået"', () => {
    expect(w.status(share)).toBe('Under måltal');
    expect(w.status(days)).toBe('Over måltal');
    const upAbove = goal({ targets: monthly([80]), actuals: monthly([82]) });
    expect(w.gap(upAbove)).toBe('+2\u00a0pct.-point over måltal');
    expect(w.status(upAbove)).toBe('Måltal nået');
    const downUnder = goal({ direction: 'down', unit: 'dage', targets: monthly([7.1]), actuals: monthly([6.7]) });
    expect(w.gap(downUnder)).toBe('\u22120,4\u00a0dage under måltal');
    expect(w.status(downUnder)).toBe('Måltal nået');
    const at = goal({ targets: monthly([4]), actuals: monthly([4]), unit: '' });
    expect(w.gap(at)).toBe('præcis på måltal');
    expect(w.status(at)).toBe('Måltal nået');
  });

  it('says how long the goal has missed, plural by count, and nothing when met', () => {
    expect(underTargetStreak(share)).toBe(4);
    expect(w.streak(share)).toBe('Under måltal 4 måneder i træk');
    expect(w.streak(days)).toBe('Over måltal 4 måneder i træk');
    expect(w.streak(goal({ targets: monthly([72, 74]), actuals: monthly([75, 70]) }))).toBe('Under måltal i aug. 2026');
    expect(w.streak(goal({ targets: monthly([80]), actuals: monthly([82]) }))).toBeNull();
    const weekly = goal({ direction: 'down', frequency: 'weekly', targets: { '2026-W40': 5, '2026-W41': 5 }, actuals: { '2026-W40': 6, '2026-W41': 7 } });
    expect(w.streak(weekly)).toBe('Over måltal 2 uger i træk');
  });

  it('counts periods the Danish way', () => {
    expect(w.periodCount(1, 'monthly')).toBe('1 måned');
    expect(w.periodCount(4, 'monthly')).toBe('4 måneder');
    expect(w.periodCount(1, 'weekly')).toBe('1 uge');
    expect(w.periodCount(3, 'weekly')).toBe('3 uger');
    expect(w.periodCount(1, 'quarterly')).toBe('1 kvartal');
    expect(w.periodCount(2, 'quarterly')).toBe('2 kvartaler');
  });

  it('puts an actual against its target with units, and words a single reading (a summary line) the same way', () => {
    expect(w.versus(7.5, 7.1, 'dage')).toBe('7,5\u00a0dage mod 7,1\u00a0dage');
    const reading = { direction: 'down' as const, unit: 'dage', actual: 7.5, target: 7.1 };
    expect(w.gap(reading)).toBe('+0,4\u00a0dage over måltal');
    expect(w.status(reading)).toBe('Over måltal');
    expect(w.statusWord('up', false)).toBe('Under måltal');
    expect(w.statusWord('down', true)).toBe('Måltal nået');
    expect(w.missedCount(1)).toBe('1 mål når ikke måltal');
  });

  it('has nothing to say without an actual or without a target in its period', () => {
    expect(w.gap(goal({ targets: monthly([80]) }))).toBeNull();
    expect(w.status(goal({ targets: monthly([80]), actuals: monthly([null, 70]) }))).toBeNull();
    expect(w.streak(goal({}))).toBeNull();
  });
});

describe('the wording in English', () => {
  const w = makeTargetWording('en');

  it('words both directions and the met target', () => {
    expect(w.gap(share)).toBe('\u221220.5\u00a0pp below target');
    expect(w.gap(days)).toBe('+0.4\u00a0dage above target');
    expect(w.status(share)).toBe('Below target');
    expect(w.status(days)).toBe('Above target');
    expect(w.status(goal({ targets: monthly([80]), actuals: monthly([82]) }))).toBe('Target met');
    expect(w.streak(share)).toBe('Below target 4 months in a row');
    expect(w.versus(7.5, 7.1, 'days')).toBe('7.5\u00a0days against 7.1\u00a0days');
  });

  it('counts periods the English way', () => {
    expect(w.periodCount(1, 'monthly')).toBe('1 month');
    expect(w.periodCount(4, 'monthly')).toBe('4 months');
    expect(w.periodCount(1, 'quarterly')).toBe('1 quarter');
    expect(w.periodCount(0, 'weekly')).toBe('0 weeks');
    expect(w.missedCount(1)).toBe('1 goal misses its target');
    expect(w.missedCount(3)).toBe('3 goals miss their target');
  });
});

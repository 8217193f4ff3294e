import { describe, expect, it } from 'vitest';
import { bareName, interpolate, pluralIn, possessive } from '../../client/src/app/i18n';
import { actionMessages } from '../../client/src/actions/messages';
import { ideasMessages } from '../../client/src/ideas/messages';
import { goalMessages } from '../../client/src/goals/messages';
import { meetingMessages } from '../../client/src/meeting/messages';
import { overviewMessages } from '../../client/src/overview/messages';
import { planSentence } from '../../client/src/goals/ChangePreview';
import { formattersFor } from '../../client/src/app/format';

describe('plural forms through Intl.PluralRules', () => {
  it('picks one or other by the language, with the count formatted', () => {
    expect(pluralIn('da', 1, { one: '{n} åben', other: '{n} åbne' })).toBe('1 åben');
    expect(pluralIn('da', 0, { one: '{n} åben', other: '{n} åbne' })).toBe('0 åbne');
    expect(pluralIn('en', 2, { one: '{n} month', other: '{n} months' })).toBe('2 months');
    expect(formattersFor('da').plural(1250, { one: '{n} tal', other: '{n} tal' })).toBe('1.250 tal');
    expect(formattersFor('en').plural(1, { one: '{n} board', other: '{n} boards' })).toBe('1 board');
  });

  it('fills a plural inside a message: "1 åben · 1 forsinket", not "1 åbne · 1 forsinkede"', () => {
    expect(interpolate(actionMessages.da.count, { open: 1, overdue: 1 }, 'da')).toBe('1 åben · 1 forsinket');
    expect(interpolate(actionMessages.da.count, { open: 3, overdue: 2 }, 'da')).toBe('3 åbne · 2 forsinkede');
    expect(interpolate(actionMessages.da.capacityState, { open: 1, capacity: 3 }, 'da')).toBe('1 åben af 3 mulige');
    expect(interpolate(actionMessages.da.filtered, { shown: 1, total: 1 }, 'da')).toBe('Viser 1 af 1 handling.');
    expect(interpolate(actionMessages.en.capacityOver, { open: 1, capacity: 0 }, 'en')).toBe('Over capacity: 1 open action, resources for 0.');
  });

  it('says one of everything in the singular across the features', () => {
    expect(interpolate(ideasMessages.da.revealed, { count: 1 }, 'da')).toBe('1 skjult idé er nu synlig for alle.');
    expect(interpolate(ideasMessages.da.revealed, { count: 4 }, 'da')).toBe('4 skjulte idéer er nu synlige for alle.');
    expect(interpolate(ideasMessages.en.unanswered, { count: 1 }, 'en')).toBe('1 question waits for an answer');
    expect(interpolate(meetingMessages.da.sinceCount, { n: 1 }, 'da')).toBe('1 ændring');
    expect(interpolate(overviewMessages.da.totals, { boards: 1, overdue: 0, under: 1 }, 'da')).toBe('1 tavle · 0 med forsinkede handlinger · 1 med mål, der ikke når måltal');
    expect(interpolate(overviewMessages.en.totals, { boards: 2, overdue: 1, under: 0 }, 'en')).toBe('2 boards · 1 with overdue actions · 0 with goals that miss their target');
    expect(interpolate(goalMessages.da.importConfirm, { count: 1 }, 'da')).toBe('Importér 1 ændring');
    expect(interpolate(goalMessages.en.skippedAbove, { count: 1 }, 'en')).toBe('1 row above the headings was not read.');
    const t = (key: keyof typeof goalMessages.da, vars?: Record<string, string | number>) => interpolate(goalMessages.da[key], vars, 'da');
    expect(planSentence(t, 4, 1)).toBe('4 ændringer: 3 nye tal og 1 overskriver et tal, der står der nu.');
    expect(planSentence(t, 1, 0)).toBe('1 ændring: 1 nyt tal.');
  });

  it('leaves a plural without its number as it is', () => {
    expect(interpolate(actionMessages.da.count, { open: 2 }, 'da')).toBe('2 åbne · {overdue, plural, one {# forsinket} other {# forsinkede}}');
  });
});

describe('a name in the genitive (whose turn it is)', () => {
  it('drops a role in parentheses: "Mettes tur", not "Mette (gevinstansvarlig)s tur"', () => {
    expect(bareName('Mette (gevinstansvarlig)')).toBe('Mette');
    expect(possessive('Mette (gevinstansvarlig)', 'da')).toBe('Mettes');
    expect(interpolate(ideasMessages.da.theirTurn, { whose: possessive('Mette (gevinstansvarlig)', 'da') })).toBe('Det er Mettes tur.');
  });

  it('gives names ending in s, x or z an apostrophe in Danish', () => {
    expect(possessive('Lars', 'da')).toBe("Lars'");
    expect(possessive('Max', 'da')).toBe("Max'");
    expect(possessive('Fritz', 'da')).toBe("Fritz'");
    expect(possessive('Anna', 'da')).toBe('Annas');
  });

  it('uses ’s in English, and keeps a name that is only a parenthesis', () => {
    expect(possessive('Mette (benefit owner)', 'en')).toBe('Mette’s');
    expect(bareName('(gæst)')).toBe('(gæst)');
  });
});

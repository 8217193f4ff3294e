import { describe, expect, it } from 'vitest';
import { parseHumanNumber } from '../../shared/domain/numbers';

describe('parseHumanNumber', () => {
  it('reads the decimal comma and the decimal point', () => {
    expect(parseHumanNumber('12,5')).toBe(12.5);
    expect(parseHumanNumber('12.5')).toBe(12.5);
    expect(parseHumanNumber(' -3,25 ')).toBe(-3.25);
    expect(parseHumanNumber(',5')).toBe(0.5);
  });

  it('reads thousands separators by language', () => {
    expect(parseHumanNumber('1.250', 'da')).toBe(1250);
    expect(parseHumanNumber('1.250,5', 'da')).toBe(1250.5);
    expect(parseHumanNumber('1 250', 'da')).toBe(1250);
    expect(parseHumanNumber('1,250', 'en')).toBe(1250);
    expect(parseHumanNumber('1,250.5', 'en')).toBe(1250.5);
    expect(parseHumanNumber('1.250', 'en')).toBe(1.25);
  });

  it('refuses text, empty input and exponents', () => {
    expect(parseHumanNumber('')).toBeNull();
    expect(parseHumanNumber('abc')).toBeNull();
    expect(parseHumanNumber('12,5 %')).toBeNull();
    expect(parseHumanNumber('1e5')).toBeNull();
    expect(parseHumanNumber('1,2,3')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { clampUnit, zoneOf } from '../../shared/domain/zones';

describe('zoneOf', () => {
  it('maps the four quadrants as the design defines them', () => {
    expect(zoneOf({ effect: 0.8, resources: 0.3 })).toBe('green');
    expect(zoneOf({ effect: 0.7, resources: 0.8 })).toBe('yellow');
    expect(zoneOf({ effect: 0.4, resources: 0.2 })).toBe('orange');
    expect(zoneOf({ effect: 0.3, resources: 0.6 })).toBe('red');
  });

  it('counts 0.5 as high effect and as many resources', () => {
    expect(zoneOf({ effect: 0.5, resources: 0.49 })).toBe('green');
    expect(zoneOf({ effect: 0.49, resources: 0.5 })).toBe('red');
    expect(zoneOf({ effect: 0.5, resources: 0.5 })).toBe('yellow');
    expect(zoneOf({ effect: 0.4999, resources: 0.4999 })).toBe('orange');
  });

  it('has no zone for an idea that is not assessed', () => {
    expect(zoneOf(null)).toBeNull();
  });
});

describe('clampUnit', () => {
  it('clamps into 0..1 and refuses non-numbers', () => {
    expect(clampUnit(1.7)).toBe(1);
    expect(clampUnit(-3)).toBe(0);
    expect(clampUnit(0.25)).toBe(0.25);
    expect(clampUnit(Number.NaN)).toBeNull();
    expect(clampUnit('0.5')).toBeNull();
    expect(clampUnit(null)).toBeNull();
  });
});

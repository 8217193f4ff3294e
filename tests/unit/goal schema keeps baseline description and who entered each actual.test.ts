import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addGoal, readGoals, roots, setActual, setTarget, updateGoal, writeMeasurements } from '../../shared/schema';

describe('baseline and description', () => {
  it('are set on creation, changed, and cleared', () => {
    const doc = new Y.Doc();
    const id = addGoal(doc, { name: 'Andel breve sendt digitalt', unit: '%', baseline: 58, description: '  Fra statistikken  ' });
    expect(readGoals(doc)[0]).toMatchObject({ baseline: 58, description: 'Fra statistikken' });
    updateGoal(doc, id, { baseline: 57.5, description: 'Ny' });
    expect(readGoals(doc)[0]).toMatchObject({ baseline: 57.5, description: 'Ny' });
    updateGoal(doc, id, { baseline: null, description: '' });
    expect(readGoals(doc)[0]).toMatchObject({ baseline: null, description: '' });
    expect(() => updateGoal(doc, id, { baseline: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });

  it('default to none for goals made before they existed', () => {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    map.set('name', 'Old goal');
    roots(doc).goals.set('old', map);
    expect(readGoals(doc)[0]).toMatchObject({ baseline: null, description: '', actualLog: {}, targets: {}, actuals: {} });
  });
});

describe('the entry log of actuals', () => {
  it('records who entered each actual and when, and forgets it when the actual is cleared', () => {
    const doc = new Y.Doc();
    const id = addGoal(doc, { name: 'x' });
    setActual(doc, id, '2026-01', 58, { by: 'Ulla', at: '2026-02-03T08:15:00.000Z' });
    setActual(doc, id, '2026-02', 61, { by: 'Peter', at: '2026-03-02T09:00:00.000Z' });
    setTarget(doc, id, '2026-01', 60);
    expect(readGoals(doc)[0]!.actualLog).toEqual({
      '2026-01': { by: 'Ulla', at: '2026-02-03T08:15:00.000Z' },
      '2026-02': { by: 'Peter', at: '2026-03-02T09:00:00.000Z' },
    });
    setActual(doc, id, '2026-01', null, { by: 'Ulla' });
    expect(Object.keys(readGoals(doc)[0]!.actualLog)).toEqual(['2026-02']);
  });

  it('stamps now and an empty name when the caller gives none (older callers)', () => {
    const doc = new Y.Doc();
    const id = addGoal(doc, { name: 'x' });
    const before = Date.now();
    setActual(doc, id, '2026-01', 58);
    const stamp = readGoals(doc)[0]!.actualLog['2026-01']!;
    expect(stamp.by).toBe('');
    expect(Date.parse(stamp.at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('tolerates junk: entries that are not stamps, stamps without an actual, a log that is not a map', () => {
    const doc = new Y.Doc();
    const id = addGoal(doc, { name: 'x' });
    setActual(doc, id, '2026-01', 1, { by: 'A', at: '2026-02-01T00:00:00Z' });
    setActual(doc, id, '2026-02', 2, { by: 'B', at: '2026-03-01T00:00:00Z' });
    setActual(doc, id, '2026-03', 3, { by: 'C', at: '2026-04-01T00:00:00Z' });
    const map = roots(doc).goals.get(id) as Y.Map<unknown>;
    const log = map.get('actualLog') as Y.Map<unknown>;
    log.set('2026-01', 'Ulla');
    log.set('2026-02', { by: 42, at: '2026-03-01T00:00:00Z' });
    log.set('2026-03', { by: 'C', at: 'yesterday' });
    log.set('2026-09', { by: 'Z', at: '2026-10-01T00:00:00Z' });
    expect(readGoals(doc)[0]!.actualLog).toEqual({ '2026-02': { by: '', at: '2026-03-01T00:00:00Z' } });
    map.set('actualLog', 'broken');
    map.set('baseline', 'high');
    map.set('description', { html: '<b>x</b>' });
    expect(readGoals(doc)[0]).toMatchObject({ actualLog: {}, baseline: null, description: '' });
    // A writer repairs a broken log.
    setActual(doc, id, '2026-04', 4, { by: 'D', at: '2026-05-01T00:00:00Z' });
    expect(readGoals(doc)[0]!.actualLog).toEqual({ '2026-04': { by: 'D', at: '2026-05-01T00:00:00Z' } });
  });
});

describe('writing many numbers at once', () => {
  it('is one transaction: other clients get all of it in one update', () => {
    const doc = new Y.Doc();
    const id = addGoal(doc, { name: 'x' });
    let updates = 0;
    doc.on('update', () => updates++);
    writeMeasurements(
      doc,
      id,
      [
        { period: '2026-01', field: 'target', value: 60 },
        { period: '2026-01', field: 'actual', value: 58 },
        { period: '2026-02', field: 'target', value: 62 },
      ],
      { by: 'Import', at: '2026-11-25T10:00:00Z' },
    );
    expect(updates).toBe(1);
    expect(readGoals(doc)[0]).toMatchObject({ targets: { '2026-01': 60, '2026-02': 62 }, actuals: { '2026-01': 58 }, actualLog: { '2026-01': { by: 'Import' } } });
  });

  it('checks every write before writing any', () => {
    const doc = new Y.Doc();
    const id = addGoal(doc, { name: 'x' });
    expect(() =>
      writeMeasurements(doc, id, [
        { period: '2026-01', field: 'target', value: 60 },
        { period: 'januar', field: 'target', value: 61 },
      ]),
    ).toThrow(RangeError);
    expect(readGoals(doc)[0]!.targets).toEqual({});
  });
});

// What an import or generated targets would change, before anything is written: one row per
// number, new or overwriting (with the number there now), and the rows of a file that cannot be
// used, each with its reason. Overwrites are marked in words and with an icon, not by colour alone.

import { useId } from 'react';
import type { BadRow, BadRowReason, ImportChange } from '../../../shared/domain/measurementImport';
import type { Frequency } from '../../../shared/domain/periods';
import { useT, type Translate } from '../app/i18n';
import { withUnit } from './goalView';
import { goalMessages, type GoalMessageKey } from './messages';
import { useFormat } from '../app/format';

const ADVERB: Record<Frequency, GoalMessageKey> = {
  monthly: 'frequencyAdverbMonthly',
  weekly: 'frequencyAdverbWeekly',
  quarterly: 'frequencyAdverbQuarterly',
};

export function reasonText(reason: BadRowReason, t: Translate<GoalMessageKey>, goalFrequency: Frequency): string {
  switch (reason.kind) {
    case 'unknownPeriod':
      return t('reasonUnknownPeriod', { text: reason.text });
    case 'wrongFrequency':
      return t('reasonWrongFrequency', { period: reason.period, frequency: t(ADVERB[goalFrequency]) });
    case 'missingPeriod':
      return t('reasonMissingPeriod');
    case 'notANumber':
      return t('reasonNotANumber', { field: t(reason.field === 'target' ? 'fieldTarget' : 'fieldActual').toLowerCase(), text: reason.text });
    case 'duplicatePeriod':
      return t('reasonDuplicate', { period: reason.period, firstRow: reason.firstRow });
  }
}

/** `4 ændringer: 3 nye tal og 1 overskriver et tal, der står der nu.` */
export function planSentence(t: Translate<GoalMessageKey>, changes: number, overwrites: number): string {
  const fresh = changes - overwrites;
  const parts: string[] = [];
  if (fresh > 0) parts.push(t('planFresh', { count: fresh }));
  if (overwrites > 0) parts.push(t('planOverwrites', { count: overwrites }));
  const head = t('planChanges', { count: changes });
  return `${head}: ${parts.join(` ${t('planAnd')} `)}.`;
}

export function PlanSummary({ changes, overwrites, unchanged }: { changes: number; overwrites: number; unchanged: number }) {
  const t = useT(goalMessages);
  return (
    <p className="plan-summary" role="status" data-testid="plan-summary">
      {changes === 0 ? t('planNothing') : planSentence(t, changes, overwrites)}
      {changes > 0 && unchanged > 0 && <> {t('planUnchanged', { count: unchanged })}</>}
    </p>
  );
}

export function ChangeTable({ changes, unit, showField = true }: { changes: readonly ImportChange[]; unit: string; showField?: boolean }) {
  const t = useT(goalMessages);
  const fmt = useFormat();
  const captionId = useId();
  if (changes.length === 0) return null;
  const value = (n: number | null) => (n === null ? '' : withUnit(fmt.number(n, 6), unit, fmt.locale));
  return (
    <div className="plan-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="plan-table" data-testid="plan-changes">
        <caption id={captionId}>{t('previewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colPeriod')}</th>
            {showField && <th scope="col">{t('colField')}</th>}
            <th scope="col">{t('colNow')}</th>
            <th scope="col">{t('colAfter')}</th>
            <th scope="col">{t('colKind')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={`${c.period}-${c.field}`} className={c.old !== null ? 'is-overwrite' : undefined} data-testid="plan-change" data-period={c.period} data-field={c.field} data-overwrite={c.old !== null ? 'true' : 'false'}>
              <th scope="row">{fmt.period(c.period)}</th>
              {showField && <td>{t(c.field === 'target' ? 'fieldTarget' : 'fieldActual')}</td>}
              <td className="num">{value(c.old)}</td>
              <td className="num">{value(c.new)}</td>
              <td>
                {c.old !== null ? (
                  <span className="plan-overwrite">
                    <span aria-hidden="true">⚠ </span>
                    {t('changeOverwrite')}
                  </span>
                ) : (
                  t('changeNew')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BadRows({ rows, frequency }: { rows: readonly BadRow[]; frequency: Frequency }) {
  const t = useT(goalMessages);
  const headingId = useId();
  if (rows.length === 0) return null;
  return (
    <section className="plan-bad" aria-labelledby={headingId} data-testid="plan-bad-rows">
      <h3 id={headingId}>
        <span aria-hidden="true">⚠ </span>
        {t('badRows', { count: rows.length })}
      </h3>
      <ul>
        {rows.map((row) => (
          <li key={row.row} data-testid="plan-bad-row" data-row={row.row} data-reason={row.reason.kind}>
            {t('badRow', { row: row.row, reason: reasonText(row.reason, t, frequency) })}
          </li>
        ))}
      </ul>
    </section>
  );
}

// The goal's numbers as a table: the chart's text alternative for everyone, and, with an edit
// link, the place to type targets and actuals. A cell is saved on Enter or when focus leaves
// it, never per keystroke; text that is not a number is shown with an error and saves nothing.

import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { setActual, setTarget, type Goal } from '../../../shared/schema/goal';
import { useLocale, useT } from '../app/i18n';
import { useBoardDoc } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import { dateInZone } from '../../../shared/domain/calendar';
import { chartSeries, parseEntry, withUnit } from './goalView';
import { goalMessages } from './messages';
import { useTargetWording } from './targetWording';
import { useFormat } from '../app/format';

type Column = 'target' | 'actual';

export function GoalTable(props: {
  goal: Goal;
  periods: string[];
  current: string;
  canEdit: boolean;
  onEarlier?: () => void;
  onLater?: () => void;
}) {
  const { goal, periods, current, canEdit } = props;
  const t = useT(goalMessages);
  const wording = useTargetWording();
  const fmt = useFormat();
  const locale = useLocale();
  const doc = useBoardDoc();
  const by = useIdentity((s) => s.name);
  const tableRef = useRef<HTMLTableElement>(null);
  const helpId = useId();
  const rows = chartSeries(goal, periods);
  const show = (value: number | null) => (value === null ? '' : withUnit(fmt.number(value), goal.unit, locale));

  const focusCell = (column: Column, row: number) => {
    const next = tableRef.current?.querySelector<HTMLInputElement>(`input[data-col="${column}"][data-row="${row}"]`);
    next?.focus();
    next?.select();
  };

  const commit = (column: Column, period: string, value: number | null) => {
    if (column === 'target') setTarget(doc, goal.id, period, value);
    else setActual(doc, goal.id, period, value, { by, at: new Date().toISOString() });
  };

  return (
    <div className="goal-table-wrap">
      {canEdit && (
        <p id={helpId} className="goal-entry-help">
          {t('entryHelp')}
        </p>
      )}
      {canEdit && props.onEarlier && (
        <button type="button" className="goal-window-button" onClick={props.onEarlier} data-testid="goal-earlier">
          <span aria-hidden="true">▲ </span>
          {t('earlier')}
        </button>
      )}
      <table ref={tableRef} className="goal-table" data-testid="goal-table">
        <caption className="visually-hidden">{t('tableCaption', { name: goal.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colPeriod')}</th>
            <th scope="col">{t('colTarget')}</th>
            <th scope="col">{t('colActual')}</th>
            <th scope="col">{wording.statusWord(goal.direction, false)}</th>
            <th scope="col">{t('colEntered')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const isCurrent = row.period === current;
            return (
              <tr
                key={row.period}
                className={[isCurrent ? 'is-current' : '', row.under ? 'is-under' : ''].join(' ').trim() || undefined}
                data-testid="goal-row"
                data-period={row.period}
                data-under-target={row.under ? 'true' : 'false'}
              >
                <th scope="row">
                  {fmt.period(row.period)}
                  {isCurrent && <span className="goal-now">{t('now')}</span>}
                </th>
                <td>
                  {canEdit ? (
                    <NumberCell
                      value={row.target}
                      unit={goal.unit}
                      label={t('inputTarget', { period: fmt.period(row.period) })}
                      column="target"
                      row={index}
                      period={row.period}
                      onCommit={(value) => commit('target', row.period, value)}
                      onNext={() => focusCell('target', index + 1)}
                    />
                  ) : (
                    show(row.target)
                  )}
                </td>
                <td>
                  {canEdit ? (
                    <NumberCell
                      value={row.actual}
                      unit={goal.unit}
                      label={t('inputActual', { period: fmt.period(row.period) })}
                      column="actual"
                      row={index}
                      period={row.period}
                      onCommit={(value) => commit('actual', row.period, value)}
                      onNext={() => focusCell('actual', index + 1)}
                    />
                  ) : (
                    show(row.actual)
                  )}
                </td>
                <td className="goal-under-cell">
                  {row.under ? (
                    <>
                      <span aria-hidden="true" className="under-icon">
                        ◆
                      </span>{' '}
                      {t('yes')}
                    </>
                  ) : row.target !== null && row.actual !== null ? (
                    t('no')
                  ) : (
                    ''
                  )}
                </td>
                <td className="goal-entered-cell" data-testid="goal-entered">
                  {row.actual !== null && goal.actualLog[row.period] && <Entered stamp={goal.actualLog[row.period]!} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {canEdit && props.onLater && (
        <button type="button" className="goal-window-button" onClick={props.onLater} data-testid="goal-later">
          <span aria-hidden="true">▼ </span>
          {t('later')}
        </button>
      )}
    </div>
  );
}

function NumberCell(props: {
  value: number | null;
  unit: string;
  label: string;
  column: Column;
  row: number;
  period: string;
  onCommit: (value: number | null) => void;
  onNext: () => void;
}) {
  const t = useT(goalMessages);
  const fmt = useFormat();
  const locale = useLocale();
  const errorId = useId();
  // What the person is typing; null while the cell just shows the stored number. Mirrored in a
  // ref so Enter followed by the blur of moving on saves once.
  const [draft, setDraftState] = useState<string | null>(null);
  const draftRef = useRef<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const setDraft = (value: string | null) => {
    draftRef.current = value;
    setDraftState(value);
  };
  const stored = props.value === null ? '' : fmt.number(props.value, 6);

  /** Save the draft; false when it is not a number (then nothing is written). */
  const commit = (): boolean => {
    const text = draftRef.current;
    if (text === null) return true;
    const entry = parseEntry(text, locale, props.unit);
    if (entry.kind === 'invalid') {
      setInvalid(true);
      return false;
    }
    const next = entry.kind === 'empty' ? null : entry.value;
    setDraft(null);
    setInvalid(false);
    if (next !== props.value) props.onCommit(next);
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (commit()) props.onNext();
    } else if (event.key === 'Escape' && draftRef.current !== null) {
      event.preventDefault();
      setDraft(null);
      setInvalid(false);
    }
  };

  return (
    <div className="goal-cell">
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-label={props.label}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        value={draft ?? stored}
        data-col={props.column}
        data-row={props.row}
        data-period={props.period}
        data-testid={`goal-${props.column}-input`}
        onFocus={(e) => {
          if (draftRef.current === null) setDraft(e.currentTarget.value);
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          if (invalid) setInvalid(false);
        }}
        onBlur={() => commit()}
        onKeyDown={onKeyDown}
      />
      {invalid && (
        <span id={errorId} className="goal-error" role="alert">
          {t('invalidNumber')}
        </span>
      )}
    </div>
  );
}

/** Who entered an actual and when: the name and the day, the time in the tooltip. */
function Entered({ stamp }: { stamp: { by: string; at: string } }) {
  const t = useT(goalMessages);
  const fmt = useFormat();
  const at = new Date(stamp.at);
  // The day without the year when it is this year: short enough for the narrow column.
  const day = Number.isNaN(at.getTime()) ? '' : shortDay(dateInZone(at), fmt.locale);
  const who = stamp.by || t('enteredSomeone');
  return (
    <span title={t('enteredTitle', { by: who, when: fmt.dateTime(stamp.at) })}>
      {t('enteredBy', { by: who, when: day })}
    </span>
  );
}

const shortDayFormats = new Map<string, Intl.DateTimeFormat>();

function shortDay(isoDate: string, locale: 'da' | 'en'): string {
  const thisYear = dateInZone(new Date()).slice(0, 4) === isoDate.slice(0, 4);
  const key = `${locale}-${thisYear}`;
  let format = shortDayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'short', year: thisYear ? undefined : 'numeric', timeZone: 'UTC' });
    shortDayFormats.set(key, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

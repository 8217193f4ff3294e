// "Generér måltal": the same target for a run of periods, or a ramp from the baseline in the
// first period to the goal in a later one (then, if wanted, the goal kept for a while). The
// preview lists every target that changes and which existing targets are overwritten; nothing
// is written until the user confirms.

import { useId, useMemo, useState } from 'react';
import { addPeriods, type Frequency } from '../../../shared/domain/periods';
import { constantTargets, rampTargets } from '../../../shared/domain/targets';
import { importWrites, planValues } from '../../../shared/domain/measurementImport';
import { writeMeasurements, type Goal } from '../../../shared/schema/goal';
import { useLocale, useT } from '../app/i18n';
import { useBoardDoc } from '../sync/BoardProvider';
import { ChangeTable, PlanSummary } from './ChangePreview';
import { parseEntry, pickerPeriods } from './goalView';
import { goalMessages } from './messages';
import { Modal } from '../app/Modal';
import { useFormat } from '../app/format';

/** Default length of a ramp: a year. */
const RAMP_STEPS: Record<Frequency, number> = { monthly: 11, weekly: 51, quarterly: 3 };

type Mode = 'ramp' | 'constant';

export function GenerateTargetsDialog({ goal, current, onClose, onDone }: { goal: Goal; current: string; onClose: () => void; onDone: (count: number) => void }) {
  const t = useT(goalMessages);
  const fmt = useFormat();
  const locale = useLocale();
  const doc = useBoardDoc();
  const id = useId();
  const periods = useMemo(() => pickerPeriods(goal.frequency, current, goal), [goal, current]);
  const [mode, setMode] = useState<Mode>('ramp');
  const [from, setFrom] = useState(current);
  const [to, setTo] = useState(() => addPeriods(current, RAMP_STEPS[goal.frequency]));
  const [hold, setHold] = useState('');
  const [baseline, setBaseline] = useState(goal.baseline === null ? '' : fmt.number(goal.baseline, 6));
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState(false);

  const number = (text: string) => {
    const entry = parseEntry(text, locale, goal.unit);
    return entry.kind === 'number' ? entry.value : null;
  };
  const start = number(baseline);
  const end = number(value);
  const ordered = periods.indexOf(to) >= periods.indexOf(from);
  const generated = useMemo(() => {
    if (!ordered || end === null) return null;
    try {
      if (mode === 'constant') return constantTargets(goal.frequency, from, to, end);
      if (start === null) return null;
      return rampTargets({ frequency: goal.frequency, from, baseline: start, by: to, target: end, holdUntil: hold || null });
    } catch {
      return null;
    }
  }, [ordered, end, start, mode, goal.frequency, from, to, hold]);
  const plan = useMemo(() => (generated ? planValues(goal.targets, 'target', generated) : null), [generated, goal.targets]);
  const count = plan?.changes.length ?? 0;

  const periodSelect = (label: string, selected: string, onChange: (p: string) => void, testId: string, options = periods) => (
    <label className="stacked">
      {label}
      <select value={selected} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((p) => (
          <option key={p} value={p}>
            {fmt.period(p)}
          </option>
        ))}
      </select>
    </label>
  );
  const numberInput = (label: string, text: string, onChange: (v: string) => void, testId: string, valid: boolean) => (
    <label className="stacked">
      {label}
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => setTouched(true)}
        aria-invalid={(touched && !valid) || undefined}
        aria-describedby={touched && !valid ? `${id}-${testId}-error` : undefined}
        data-testid={testId}
      />
      {touched && !valid && (
        <span id={`${id}-${testId}-error`} className="goal-error">
          {t('genNeedNumber')}
        </span>
      )}
    </label>
  );

  return (
    <Modal labelledBy={`${id}-title`} onClose={onClose} className="goal-dialog goal-plan-dialog" testId="goal-generate-dialog">
      <h2 id={`${id}-title`}>{t('generateTitle', { name: goal.name })}</h2>
      <fieldset className="goal-choice">
        <legend>{t('genHow')}</legend>
        {(['ramp', 'constant'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`goal-generate-${m}`} />
            {t(m === 'ramp' ? 'genRamp' : 'genConstant')}
          </label>
        ))}
      </fieldset>
      {mode === 'ramp' && <p className="goal-plan-intro">{t('genRampHelp')}</p>}
      <div className="goal-form-row">
        {periodSelect(t('genFrom'), from, setFrom, 'goal-generate-from')}
        {periodSelect(t(mode === 'ramp' ? 'genBy' : 'genTo'), to, setTo, 'goal-generate-to')}
      </div>
      <div className="goal-form-row">
        {mode === 'ramp' && numberInput(t('genBaseline'), baseline, setBaseline, 'goal-generate-baseline', start !== null)}
        {numberInput(t(mode === 'ramp' ? 'genTarget' : 'genValue'), value, setValue, 'goal-generate-value', end !== null)}
      </div>
      {mode === 'ramp' && (
        <label className="stacked">
          {t('genHold')}
          <select value={hold} onChange={(e) => setHold(e.target.value)} data-testid="goal-generate-hold">
            <option value="">{t('genHoldNone')}</option>
            {periods
              .filter((p) => periods.indexOf(p) > periods.indexOf(to))
              .map((p) => (
                <option key={p} value={p}>
                  {fmt.period(p)}
                </option>
              ))}
          </select>
        </label>
      )}
      {!ordered && (
        <p className="goal-error" role="alert">
          {t('genOrder')}
        </p>
      )}
      {plan && (
        <div className="goal-plan">
          <PlanSummary changes={plan.changes.length} overwrites={plan.overwrites.length} unchanged={plan.unchanged} />
          <ChangeTable changes={plan.changes} unit={goal.unit} showField={false} />
        </div>
      )}
      <div className="goal-form-buttons">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={count === 0}
          onClick={() => {
            if (!plan) return;
            writeMeasurements(doc, goal.id, importWrites(plan.changes));
            onDone(count);
          }}
          data-testid="goal-generate-confirm"
        >
          {t('genConfirm', { count })}
        </button>
      </div>
    </Modal>
  );
}

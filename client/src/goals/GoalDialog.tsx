// Create or edit a goal: name, unit, what is better, kind, benefit owner, measuring frequency.

import { useId, useRef, useState, type FormEvent } from 'react';
import type { Frequency } from '../../../shared/domain/periods';
import type { Direction } from '../../../shared/domain/goalProgress';
import { GOAL_DESCRIPTION_MAX, type Goal, type GoalInput, type GoalKind, type GoalPatch } from '../../../shared/schema/goal';
import { useLocale, useT } from '../app/i18n';
import { parseEntry } from './goalView';
import { goalMessages, type GoalMessageKey } from './messages';
import { Modal } from '../app/Modal';
import { formattersFor } from '../app/format';

export interface GoalDraft {
  name: string;
  unit: string;
  direction: Direction;
  kind: GoalKind;
  owner: string;
  frequency: Frequency;
  /** As typed; parsed on save. */
  baseline: string;
  description: string;
}

const NAME_MAX = 120;
const SHORT_MAX = 60;

export const FREQUENCY_LABEL: Record<Frequency, GoalMessageKey> = {
  monthly: 'frequencyMonthly',
  weekly: 'frequencyWeekly',
  quarterly: 'frequencyQuarterly',
};

export const KIND_LABEL: Record<GoalKind, GoalMessageKey> = { benefit: 'kindBenefit', success: 'kindSuccess' };

export const DIRECTION_LABEL: Record<Direction, GoalMessageKey> = { up: 'directionUp', down: 'directionDown' };

function draftOf(goal: Goal | null, locale: 'da' | 'en'): GoalDraft {
  return {
    baseline: goal?.baseline === null || goal?.baseline === undefined ? '' : formattersFor(locale).number(goal.baseline, 6),
    description: goal?.description ?? '',
    name: goal?.name ?? '',
    unit: goal?.unit ?? '',
    direction: goal?.direction ?? 'up',
    kind: goal?.kind ?? 'benefit',
    owner: goal?.owner ?? '',
    frequency: goal?.frequency ?? 'monthly',
  };
}

/** The baseline as typed: a number, null for none, or undefined when it is not a number. */
export function draftBaseline(draft: Pick<GoalDraft, 'baseline'>, locale: 'da' | 'en', unit: string): number | null | undefined {
  const entry = parseEntry(draft.baseline, locale, unit);
  return entry.kind === 'empty' ? null : entry.kind === 'number' ? entry.value : undefined;
}

/** Only the fields that changed, so a concurrent edit of another field is kept. */
export function goalPatch(goal: Goal, draft: GoalDraft, locale: 'da' | 'en' = 'da'): GoalPatch {
  const patch: GoalPatch = {};
  const baseline = draftBaseline(draft, locale, draft.unit);
  if (baseline !== undefined && baseline !== goal.baseline) patch.baseline = baseline;
  if (draft.description.trim() !== goal.description) patch.description = draft.description.trim();
  if (draft.name.trim() !== goal.name) patch.name = draft.name.trim();
  if (draft.unit.trim() !== goal.unit) patch.unit = draft.unit.trim();
  if (draft.owner.trim() !== goal.owner) patch.owner = draft.owner.trim();
  if (draft.direction !== goal.direction) patch.direction = draft.direction;
  if (draft.kind !== goal.kind) patch.kind = draft.kind;
  if (draft.frequency !== goal.frequency) patch.frequency = draft.frequency;
  return patch;
}

export function GoalDialog(props: {
  /** The goal to edit, or null to create one. */
  goal: Goal | null;
  onCreate: (input: GoalInput) => void;
  onUpdate: (patch: GoalPatch) => void;
  onClose: () => void;
}) {
  const t = useT(goalMessages);
  const id = useId();
  const locale = useLocale();
  const [draft, setDraft] = useState<GoalDraft>(() => draftOf(props.goal, locale));
  const [nameError, setNameError] = useState(false);
  const [baselineError, setBaselineError] = useState(false);
  const baselineInput = useRef<HTMLInputElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const editing = props.goal !== null;
  const hasNumbers = props.goal !== null && (Object.keys(props.goal.targets).length > 0 || Object.keys(props.goal.actuals).length > 0);

  const set = <K extends keyof GoalDraft>(key: K, value: GoalDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.name.trim() === '') {
      setNameError(true);
      nameInput.current?.focus();
      return;
    }
    const baseline = draftBaseline(draft, locale, draft.unit);
    if (baseline === undefined) {
      setBaselineError(true);
      baselineInput.current?.focus();
      return;
    }
    if (props.goal) props.onUpdate(goalPatch(props.goal, draft, locale));
    else props.onCreate({ ...draft, baseline, description: draft.description.trim() });
  };

  return (
    <Modal labelledBy={`${id}-title`} onClose={props.onClose} className="goal-dialog" testId="goal-dialog">
      <form onSubmit={submit} noValidate className="goal-form">
        <h2 id={`${id}-title`}>{t(editing ? 'editTitle' : 'createTitle')}</h2>
        <label className="stacked goal-form-name">
          <span>
            {t('name')} <span aria-hidden="true">*</span>
          </span>
          <input
            ref={nameInput}
            name="name"
            value={draft.name}
            maxLength={NAME_MAX}
            required
            autoFocus
            placeholder={t('namePlaceholder')}
            aria-invalid={nameError || undefined}
            aria-describedby={nameError ? `${id}-name-error` : undefined}
            onChange={(e) => {
              set('name', e.target.value);
              if (e.target.value.trim()) setNameError(false);
            }}
            data-testid="goal-form-name"
          />
          {nameError && (
            <span id={`${id}-name-error`} className="goal-error" role="alert">
              {t('nameRequired')}
            </span>
          )}
        </label>
        <div className="goal-form-row">
          <label className="stacked">
            {t('unit')}
            <input name="unit" value={draft.unit} maxLength={SHORT_MAX} placeholder={t('unitPlaceholder')} onChange={(e) => set('unit', e.target.value)} data-testid="goal-form-unit" />
          </label>
          <label className="stacked">
            {t('frequency')}
            <select
              name="frequency"
              value={draft.frequency}
              onChange={(e) => set('frequency', e.target.value as Frequency)}
              aria-describedby={editing && hasNumbers && draft.frequency !== props.goal?.frequency ? `${id}-freq-note` : undefined}
              data-testid="goal-form-frequency"
            >
              {(['monthly', 'weekly', 'quarterly'] as const).map((f) => (
                <option key={f} value={f}>
                  {t(FREQUENCY_LABEL[f])}
                </option>
              ))}
            </select>
          </label>
        </div>
        {editing && hasNumbers && draft.frequency !== props.goal?.frequency && (
          <p id={`${id}-freq-note`} className="goal-note">
            {t('frequencyChanged')}
          </p>
        )}
        <fieldset className="goal-choice">
          <legend>{t('direction')}</legend>
          {(['up', 'down'] as const).map((d) => (
            <label key={d}>
              <input type="radio" name="direction" value={d} checked={draft.direction === d} onChange={() => set('direction', d)} data-testid={`goal-form-direction-${d}`} />
              <span aria-hidden="true" className="choice-icon">
                {d === 'up' ? '▲' : '▼'}
              </span>
              {t(DIRECTION_LABEL[d])}
            </label>
          ))}
        </fieldset>
        <fieldset className="goal-choice goal-choice-kind">
          <legend>{t('kind')}</legend>
          {(['benefit', 'success'] as const).map((k) => (
            <div key={k} className="choice-with-help">
              <label>
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={draft.kind === k}
                  onChange={() => set('kind', k)}
                  aria-describedby={`${id}-kind-${k}`}
                  data-testid={`goal-form-kind-${k}`}
                />
                {t(KIND_LABEL[k])}
              </label>
              <span id={`${id}-kind-${k}`} className="choice-help">
                {t(k === 'benefit' ? 'kindBenefitHelp' : 'kindSuccessHelp')}
              </span>
            </div>
          ))}
        </fieldset>
        <div className="goal-form-row">
          <label className="stacked">
            {t('owner')}
            <input name="owner" value={draft.owner} maxLength={SHORT_MAX} placeholder={t('ownerPlaceholder')} onChange={(e) => set('owner', e.target.value)} data-testid="goal-form-owner" />
          </label>
          <label className="stacked">
            {t('baseline')}
            <input
              ref={baselineInput}
              name="baseline"
              inputMode="decimal"
              autoComplete="off"
              value={draft.baseline}
              aria-invalid={baselineError || undefined}
              aria-describedby={`${id}-baseline-help${baselineError ? ` ${id}-baseline-error` : ''}`}
              onChange={(e) => {
                set('baseline', e.target.value);
                setBaselineError(false);
              }}
              data-testid="goal-form-baseline"
            />
            <span id={`${id}-baseline-help`} className="choice-help">
              {t('baselineHelp')}
            </span>
            {baselineError && (
              <span id={`${id}-baseline-error`} className="goal-error" role="alert">
                {t('baselineInvalid')}
              </span>
            )}
          </label>
        </div>
        <label className="stacked">
          {t('description')}
          <textarea
            name="description"
            rows={2}
            value={draft.description}
            maxLength={GOAL_DESCRIPTION_MAX}
            placeholder={t('descriptionPlaceholder')}
            onChange={(e) => set('description', e.target.value)}
            data-testid="goal-form-description"
          />
        </label>
        <div className="goal-form-buttons">
          <button type="button" onClick={props.onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" data-testid="goal-form-submit">
            {t(editing ? 'save' : 'create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function ConfirmDeleteDialog(props: { name: string; onConfirm: () => void; onClose: () => void }) {
  const t = useT(goalMessages);
  const id = useId();
  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-text`} onClose={props.onClose} className="goal-dialog goal-confirm" testId="goal-delete-dialog">
      <h2 id={`${id}-title`}>{t('deleteTitle')}</h2>
      <p id={`${id}-text`}>{t('deleteText', { name: props.name })}</p>
      <div className="goal-form-buttons">
        <button type="button" onClick={props.onClose} autoFocus>
          {t('cancel')}
        </button>
        <button type="button" className="danger" onClick={props.onConfirm} data-testid="goal-delete-confirm">
          {t('deleteConfirm')}
        </button>
      </div>
    </Modal>
  );
}

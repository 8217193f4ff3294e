// "Importér tal": paste text or choose a CSV/.xlsx file; see every change (new or overwriting,
// old → new) and every row that cannot be used, with its reason; nothing is written until
// "Importér N ændringer", and then all of it in one transaction. The plan is computed from the
// goal as it is now, so a number someone else enters meanwhile shows up as an overwrite.

import { useId, useMemo, useState } from 'react';
import { planImport, importWrites, type ImportCell } from '../../../shared/domain/measurementImport';
import { parseCsv } from '../../../shared/domain/measurementCsv';
import { writeMeasurements, type Goal } from '../../../shared/schema/goal';
import { useLocale, useT } from '../app/i18n';
import { useBoardDoc } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import { BadRows, ChangeTable, PlanSummary } from './ChangePreview';
import { goalMessages, type GoalMessageKey } from './messages';
import { Modal } from '../app/Modal';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

type Source = { kind: 'none' } | { kind: 'rows'; rows: ImportCell[][]; delimiter?: string; fileName?: string } | { kind: 'reading'; fileName: string } | { kind: 'error'; message: GoalMessageKey };

export function ImportDialog({ goal, onClose, onDone }: { goal: Goal; onClose: () => void; onDone: (count: number) => void }) {
  const t = useT(goalMessages);
  const locale = useLocale();
  const doc = useBoardDoc();
  const by = useIdentity((s) => s.name);
  const id = useId();
  const [text, setText] = useState('');
  const [source, setSource] = useState<Source>({ kind: 'none' });

  const plan = useMemo(
    () =>
      source.kind === 'rows'
        ? planImport(source.rows, { frequency: goal.frequency, existing: goal, locale, unit: goal.unit, delimiter: source.delimiter })
        : null,
    [source, goal, locale],
  );

  const onText = (value: string) => {
    setText(value);
    if (value.trim() === '') return setSource({ kind: 'none' });
    const { rows, delimiter } = parseCsv(value);
    setSource({ kind: 'rows', rows, delimiter });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setSource({ kind: 'error', message: 'importFileTooLarge' });
    setText('');
    setSource({ kind: 'reading', fileName: file.name });
    await Promise.resolve();
    try {
      if (/\.xlsx$/i.test(file.name) || file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
        // exceljs is loaded only now (it is large): the board's first load does not carry it.
        const { readXlsxRows } = await import('../../../shared/domain/measurementXlsx');
        const { rows } = await readXlsxRows(await file.arrayBuffer());
        setSource({ kind: 'rows', rows, fileName: file.name });
      } else {
        const { rows, delimiter } = parseCsv(await file.text());
        setSource({ kind: 'rows', rows, delimiter, fileName: file.name });
      }
    } catch {
      setSource({ kind: 'error', message: 'importFileError' });
    }
  };

  const confirm = () => {
    if (!plan || plan.changes.length === 0) return;
    writeMeasurements(doc, goal.id, importWrites(plan.changes), { by, at: new Date().toISOString() });
    onDone(plan.changes.length);
  };

  const problem = plan?.problem ?? null;
  const fileName = source.kind === 'reading' ? source.fileName : source.kind === 'rows' ? source.fileName : undefined;
  const count = plan?.changes.length ?? 0;

  return (
    <Modal labelledBy={`${id}-title`} onClose={onClose} className="goal-dialog goal-plan-dialog" testId="goal-import-dialog">
      <h2 id={`${id}-title`}>{t('importTitle', { name: goal.name })}</h2>
      <p id={`${id}-intro`} className="goal-plan-intro">
        {t('importIntro')}
      </p>
      <label className="stacked">
        {t('importPaste')}
        <textarea
          value={text}
          rows={5}
          spellCheck={false}
          autoFocus
          aria-describedby={`${id}-intro`}
          placeholder={'periode;måltal;faktisk\n2026-01;60;58\n2026-02;62;61,5'}
          onChange={(e) => onText(e.target.value)}
          data-testid="goal-import-text"
        />
      </label>
      <div className="stacked goal-file">
        <span id={`${id}-file-label`}>{t('importFile')}</span>
        <span className="goal-file-row">
          {/* The browser's own file button speaks the browser's language; this one speaks the board's. */}
          <input
            id={`${id}-file`}
            type="file"
            className="goal-file-input"
            aria-labelledby={`${id}-file-label`}
            accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void onFile(e.target.files?.[0])}
            data-testid="goal-import-file"
          />
          <label htmlFor={`${id}-file`} className="goal-file-button" aria-hidden="true">
            {t('importChooseFile')}
          </label>
          <span className="goal-file-name">{fileName ?? t('importNoFile')}</span>
        </span>
      </div>

      <div className="goal-plan">
        {source.kind === 'reading' && <p>{t('importReading')}</p>}
        {source.kind === 'error' && (
          <p className="goal-error" role="alert">
            {t(source.message)}
          </p>
        )}
        {(source.kind === 'none' || problem === 'empty') && <p className="muted">{t('problemEmpty')}</p>}
        {problem === 'missingHeader' && (
          <p className="goal-error" role="alert" data-testid="plan-problem">
            {t('problemMissingHeader')}
          </p>
        )}
        {problem === 'noValueColumn' && (
          <p className="goal-error" role="alert" data-testid="plan-problem">
            {t('problemNoValueColumn')}
          </p>
        )}
        {plan && problem === null && (
          <>
            <PlanSummary changes={plan.changes.length} overwrites={plan.overwrites.length} unchanged={plan.unchanged} />
            {plan.skippedAboveHeader > 0 && <p className="muted">{t('skippedAbove', { count: plan.skippedAboveHeader })}</p>}
            <ChangeTable changes={plan.changes} unit={goal.unit} />
            <BadRows rows={plan.badRows} frequency={goal.frequency} />
          </>
        )}
      </div>

      <div className="goal-form-buttons">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" disabled={count === 0} onClick={confirm} data-testid="goal-import-confirm">
          {t('importConfirm', { count })}
        </button>
      </div>
    </Modal>
  );
}

// Asks for the participant's name once; the browser remembers it (sync/identity.ts).

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../app/i18n';
import { useIdentity } from '../sync/identity';
import { boardMessages } from './messages';

export function NameDialog() {
  const t = useT(boardMessages);
  const { name, setName } = useIdentity();
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState(name);
  const open = name === '';

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setDraft('');
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) setName(draft);
  };

  return (
    <dialog ref={dialog} aria-labelledby="name-dialog-title" onCancel={(e) => e.preventDefault()}>
      <form onSubmit={submit} className="name-form">
        <h2 id="name-dialog-title">{t('nameTitle')}</h2>
        <p className="muted">{t('nameHelp')}</p>
        <label className="stacked">
          {t('nameLabel')}
          <input value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={60} autoFocus required autoComplete="name" />
        </label>
        <button type="submit" className="primary">
          {t('nameSave')}
        </button>
      </form>
    </dialog>
  );
}

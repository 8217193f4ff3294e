// "Are you sure?" for an action that cannot be undone from the UI (replacing a link, deleting a
// board). Cancel has the focus, so Enter or Escape right away changes nothing.

import { useId, type ReactNode } from 'react';
import { Modal } from './Modal';

export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-text`} onClose={props.onClose} className="confirm-dialog" testId={props.testId}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      <div id={`${id}-text`} className="confirm-text">
        {props.children}
      </div>
      <div className="confirm-buttons">
        <button type="button" onClick={props.onClose} autoFocus>
          {props.cancelLabel}
        </button>
        <button type="button" className={props.danger ? 'danger' : 'primary'} disabled={props.busy} onClick={props.onConfirm} data-testid="confirm-yes">
          {props.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}

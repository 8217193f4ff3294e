// A modal <dialog> that opens when mounted and closes by unmounting; Escape calls onClose and
// focus goes back to where it was. (Like goals/Modal.tsx, kept separate so the two features can
// change independently; a shared one in app/ would be the next step.)

import { useEffect, useRef, useState, type ReactNode } from 'react';

export function Dialog(props: { labelledBy: string; onClose: () => void; className?: string; testId?: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      queueMicrotask(() => {
        if (dialog && !dialog.isConnected && opener?.isConnected) opener.focus();
      });
    };
  }, [opener]);

  return (
    <dialog
      ref={ref}
      className={props.className}
      aria-labelledby={props.labelledBy}
      data-testid={props.testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose.current();
      }}
      onClose={() => onClose.current()}
    >
      {props.children}
    </dialog>
  );
}

// A modal <dialog> that opens when mounted and closes by unmounting. Escape and the close
// button call onClose; focus goes back to where it was when the dialog opened (if that element
// is still on the page; otherwise the owner moves it). Shared by every feature's dialogs.

import { useEffect, useRef, useState, type ReactNode } from 'react';

export function Modal(props: { labelledBy: string; describedBy?: string; onClose: () => void; className?: string; testId?: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  // Taken before the first render commits, i.e. before the dialog's autofocus moves focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => {
      // A real unmount has already taken the dialog out of the page; StrictMode's rehearsal has not.
      queueMicrotask(() => {
        if (!dialog.isConnected && opener?.isConnected && (document.activeElement === document.body || document.activeElement === null)) opener.focus();
      });
    };
  }, [opener]);

  return (
    <dialog
      ref={ref}
      className={props.className}
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      data-testid={props.testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose.current();
      }}
      // The browser may still close it on its own (a second Escape): then let the owner unmount it.
      onClose={() => onClose.current()}
    >
      {props.children}
    </dialog>
  );
}

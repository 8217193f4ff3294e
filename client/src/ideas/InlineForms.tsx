// The small forms that open inside a post-it (ask, answer, merge): Escape closes them without
// reaching the drag-and-drop layer or a surrounding dialog.

import { useId, useState, type FormEvent, type ReactNode } from 'react';

export function InlineForm(props: { id?: string; testId?: string; onSubmit: (event: FormEvent) => void; onCancel: () => void; children: ReactNode }) {
  return (
    <form
      className="idea-ask"
      id={props.id}
      onSubmit={props.onSubmit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onCancel();
        }
      }}
      data-testid={props.testId}
    >
      {props.children}
    </form>
  );
}

/** One line of text with a label, a submit and a cancel button; submits only non-blank text. */
export function InlineTextForm(props: {
  id?: string;
  label: string;
  submitLabel: string;
  cancelLabel: string;
  inputTestId: string;
  submitTestId?: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = text.trim();
    if (clean) props.onSubmit(clean);
  };
  return (
    <InlineForm id={props.id} onSubmit={submit} onCancel={props.onCancel}>
      <label htmlFor={inputId} className="stacked">
        {props.label}
      </label>
      <div className="form-row">
        <input id={inputId} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} autoFocus data-testid={props.inputTestId} />
        <button type="submit" disabled={!text.trim()} data-testid={props.submitTestId}>
          {props.submitLabel}
        </button>
        <button type="button" className="quiet" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </InlineForm>
  );
}

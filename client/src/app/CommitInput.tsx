// Text fields over a shared value: they show remote changes while not being edited, and write
// once on blur or Enter (not per keystroke); Escape restores the shared value. CommitInput is one
// line; CommitTextArea wraps long text onto as many lines as it needs (CSS `field-sizing:
// content`) while Enter still commits, so a long action title is read whole, never cut.

import { useEffect, useRef, useState, type FocusEvent, type InputHTMLAttributes, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';

type Commit = { value: string; onCommit: (value: string) => void };

function useCommitDraft<E extends HTMLInputElement | HTMLTextAreaElement>(
  { value, onCommit }: Commit,
  handlers: { onFocus?: (event: FocusEvent<E>) => void; onBlur?: (event: FocusEvent<E>) => void; onKeyDown?: (event: KeyboardEvent<E>) => void },
) {
  const [draft, setDraft] = useState(value);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return {
    value: draft,
    onFocus: (event: FocusEvent<E>) => {
      editing.current = true;
      handlers.onFocus?.(event);
    },
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: (event: FocusEvent<E>) => {
      editing.current = false;
      commit();
      handlers.onBlur?.(event);
    },
    onKeyDown: (event: KeyboardEvent<E>) => {
      if (event.key === 'Enter') {
        // A title is one paragraph: Enter commits instead of adding a line.
        if (event.currentTarget instanceof HTMLTextAreaElement) event.preventDefault();
        commit();
      } else if (event.key === 'Escape') {
        setDraft(value);
      }
      handlers.onKeyDown?.(event);
    },
  };
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> & Commit;

export function CommitInput({ value, onCommit, onBlur, onKeyDown, onFocus, ...rest }: InputProps) {
  return <input {...rest} {...useCommitDraft<HTMLInputElement>({ value, onCommit }, { onBlur, onKeyDown, onFocus })} />;
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'defaultValue'> & Commit;

export function CommitTextArea({ value, onCommit, onBlur, onKeyDown, onFocus, ...rest }: TextAreaProps) {
  // Line breaks pasted into a one-paragraph field become spaces when committed.
  const draft = useCommitDraft<HTMLTextAreaElement>({ value, onCommit: (v) => onCommit(v.replace(/\s*\n\s*/g, ' ')) }, { onBlur, onKeyDown, onFocus });
  return <textarea rows={1} {...rest} {...draft} />;
}

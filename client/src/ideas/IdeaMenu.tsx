// A post-it's one menu button and its verbs. The button is a plain <button> (Enter, Space or a
// click open the menu on its first item by keyboard; ArrowDown/ArrowUp open it on the first/last
// item); the menu is react-aria-components' Menu in a Popover, mounted only while it is open
// (arrows move, Escape closes and focus goes back to the button). A board of 500 post-its spent
// ~0.25 s of its first render on 500 always-mounted MenuTriggers; a plain button costs nothing,
// and being the same element open or closed, it never loses focus to a swap.

import { useState, type RefObject } from 'react';
import { Menu, MenuItem, Popover, type Key } from 'react-aria-components';

export interface MenuVerb<V extends string> {
  id: V;
  label: string;
  testId: string;
  /** Why the verb is shown but unavailable. */
  reason?: string;
}

interface Props<V extends string> {
  label: string;
  verbs: readonly MenuVerb<V>[];
  onVerb: (verb: V) => void;
  /** The button, for giving focus back to it after a verb's panel closes. */
  buttonRef: RefObject<HTMLButtonElement | null>;
}

/** Closed, or open with the item to focus first (true: the menu itself, as after a pointer). */
type OpenState = null | true | 'first' | 'last';

/** The keys that open the menu from its button, and the item each focuses (as WAI-ARIA's menu button). */
const OPEN_KEYS: Record<string, 'first' | 'last'> = { Enter: 'first', ' ': 'first', ArrowDown: 'first', ArrowUp: 'last' };

export function IdeaMenu<V extends string>({ label, verbs, onVerb, buttonRef }: Props<V>) {
  const [open, setOpen] = useState<OpenState>(null);
  // Closed by Escape or a verb, focus goes back to the button; closed by a press elsewhere, it
  // stays where that press put it.
  const close = () => {
    setOpen(null);
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body) buttonRef.current?.focus();
    });
  };
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="idea-menu-button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        data-testid="idea-menu"
        // A pointer opens it on the menu itself; a screen reader's click (detail 0) on its first item.
        onClick={(event) => (open !== null ? close() : setOpen(event.detail === 0 ? 'first' : true))}
        onKeyDown={(event) => {
          const item = OPEN_KEYS[event.key];
          if (!item) return;
          event.preventDefault();
          setOpen(item);
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open !== null && (
        <Popover
          triggerRef={buttonRef}
          aria-label={label}
          isOpen
          onOpenChange={(isOpen) => !isOpen && close()}
          className="idea-menu-popover"
          placement="bottom end"
          data-no-drag=""
        >
          <Menu className="idea-menu" aria-label={label} autoFocus={open} onAction={(key: Key) => (close(), onVerb(key as V))} data-testid="idea-menu-list">
            {verbs.map((verb) => (
              <MenuItem
                key={verb.id}
                id={verb.id}
                className={`idea-menu-item ${verb.id === 'delete' ? 'is-danger' : ''}`}
                textValue={verb.label}
                isDisabled={verb.reason !== undefined}
                data-testid={verb.testId}
              >
                {/* A reason is part of the name, so name and visible label agree (WCAG 2.5.3). */}
                {verb.label}
                {verb.reason !== undefined && (
                  <span className="idea-menu-reason" data-testid={`${verb.testId}-reason`}>
                    {' '}
                    {verb.reason}
                  </span>
                )}
              </MenuItem>
            ))}
          </Menu>
        </Popover>
      )}
    </>
  );
}

// The one way the app tells screen-reader users what just happened ("Idéen er tilføjet", "Flyttet
// til Grøn"): any code calls `announce(text)`, and one polite live region, mounted once by App,
// speaks it. No status callbacks passed down through the fields. The same text twice in a row
// is still spoken (it alternates with a zero-width space, so the region's text changes). With
// `{ show: true }` the message is also shown on screen for a few seconds (a refusal that the
// person must see, such as a full board).

import { useEffect } from 'react';
import { create } from 'zustand';

interface AnnouncerState {
  message: string;
  /** Also shown on screen for a while (a refusal everyone must see, e.g. a full board). */
  shown: { text: string; key: number } | null;
}

const useAnnouncerStore = create<AnnouncerState>(() => ({ message: '', shown: null }));

/** How long a shown message stays on screen. */
export const SHOWN_MS = 8000;

export function announce(message: string, options: { show?: boolean } = {}): void {
  const previous = useAnnouncerStore.getState().message;
  useAnnouncerStore.setState({ message: previous === message ? `${message}\u200b` : message });
  if (options.show) useAnnouncerStore.setState({ shown: { text: message, key: Date.now() } });
}

/** The live region, and the notice for shown messages; App mounts exactly one. */
export function Announcer() {
  const message = useAnnouncerStore((s) => s.message);
  const shown = useAnnouncerStore((s) => s.shown);
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => useAnnouncerStore.setState({ shown: null }), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {message}
      </p>
      {/* Spoken by the region above already; this is for the eyes. */}
      {shown && (
        <p className="shown-notice" aria-hidden="true" data-testid="shown-notice">
          {shown.text}
        </p>
      )}
    </>
  );
}

// The one way the app tells screen-reader users what just happened ("Idéen er tilføjet", "Flyttet
// til Grøn"): any code calls `announce(text)`, and one polite live region, mounted once by App,
// speaks it. No status callbacks passed down through the fields. The same text twice in a row
// is still spoken (it alternates with a zero-width space, so the region's text changes).

import { create } from 'zustand';

interface AnnouncerState {
  message: string;
}

const useAnnouncerStore = create<AnnouncerState>(() => ({ message: '' }));

export function announce(message: string): void {
  const previous = useAnnouncerStore.getState().message;
  useAnnouncerStore.setState({ message: previous === message ? `${message}\u200b` : message });
}

/** The live region; App mounts exactly one. */
export function Announcer() {
  const message = useAnnouncerStore((s) => s.message);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {message}
    </p>
  );
}

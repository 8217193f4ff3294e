// A button that copies a share link, saying so when done.

import { useState } from 'react';
import { useT } from '../app/i18n';
import { startMessages } from './messages';

export function CopyLink({ url, label }: { url: string; label: string }) {
  const t = useT(startMessages);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt(label, url);
    }
  };
  return (
    <button type="button" onClick={copy} aria-label={label}>
      {copied ? t('copied') : t('copy')}
    </button>
  );
}

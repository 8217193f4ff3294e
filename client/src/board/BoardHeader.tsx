// Board header: title, who is here, connection state, saved or not, language.

import { useCanEdit, useConnectionState, useMeta, usePresence, useSaveState } from '../sync/BoardProvider';
import { useT } from '../app/i18n';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { useIdentity } from '../sync/identity';
import { boardMessages } from './messages';
import { UndoButtons } from '../meeting/UndoButtons';

export function BoardHeader() {
  const t = useT(boardMessages);
  const meta = useMeta();
  const canEdit = useCanEdit();
  return (
    <header className="app-bar board-header">
      <h1 className="board-title">{meta.title || 'Måltavle'}</h1>
      {!canEdit && <span className="badge view-badge">{t('viewOnly')}</span>}
      {canEdit && <UndoButtons />}
      <Presence />
      <ConnectionBadge />
      <SaveBadge />
      {canEdit && <ChangeName />}
      <LanguageSwitch />
    </header>
  );
}

function Presence() {
  const t = useT(boardMessages);
  const people = usePresence();
  return (
    <section className="presence" aria-label={t('present')}>
      <ul>
        {people.map((person) => {
          const name = person.role === 'view' ? t('wallScreen') : person.name;
          return (
            <li key={person.clientId} className="person" title={name}>
              <span className="person-dot" style={{ background: person.color }} aria-hidden="true">
                {person.role === 'view' ? '▣' : name.slice(0, 1).toUpperCase()}
              </span>
              <span className="person-name">
                {name}
                {person.isMe && ` (${t('you')})`}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The connection state's icon (beside its word), also on the wall. */
export const STATUS_ICON = { online: '●', connecting: '◌', reconnecting: '↻', offline: '⚠', denied: '✕' } as const;

function ConnectionBadge() {
  const t = useT(boardMessages);
  const status = useConnectionState((s) => s.status);
  const label = status === 'offline' ? t('offline') : status === 'denied' ? t('deniedTitle') : t(status);
  return (
    <p className={`connection connection-${status}`} role="status" aria-live="polite" title={label} data-status={status}>
      <span aria-hidden="true">{STATUS_ICON[status]}</span> {status === 'offline' ? t('offlineShort') : label}
      <span className="visually-hidden">{status === 'offline' ? `: ${t('offline')}` : ''}</span>
    </p>
  );
}

/** Saved on the server or not (issue 8.1); in words and an icon, never by colour alone. */
function SaveBadge() {
  const t = useT(boardMessages);
  const saved = useSaveState();
  const title = t(saved ? 'savedTitle' : 'notSavedTitle');
  return (
    // Not the `connection` class: tests and styles address the connection badge by it.
    <span
      className={`badge save-state ${saved ? 'save-state-saved' : 'save-state-unsaved'}`}
      role="status"
      aria-live="polite"
      title={title}
      data-testid="save-state"
      data-saved={String(saved)}
    >
      <span aria-hidden="true">{saved ? '✓' : '!'}</span> {t(saved ? 'saved' : 'notSaved')}
      <span className="visually-hidden">: {title}</span>
    </span>
  );
}

/** One's own name is shown once, in the presence list ("Mette (dig)"); this button only changes it. */
function ChangeName() {
  const t = useT(boardMessages);
  return (
    <button type="button" className="quiet change-name" onClick={() => useIdentity.setState({ name: '' })} data-testid="change-name">
      {t('changeName')}
    </button>
  );
}

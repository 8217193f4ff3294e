// Start page (opened by the admin link): the boards, "Opret tavle", each board's share links
// and its admin controls (new links, delete).

import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useT } from '../app/i18n';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { ApiError, adminTokenFromLocation, createBoard, listBoards, saveAdminToken, type BoardListing } from './adminApi';
import { startMessages } from './messages';
import { CopyLink } from './CopyLink';
import { BoardAdminActions } from './BoardAdminActions';
import { ImportBoard } from './ImportBoard';
import { LeaderTools } from '../overview/LeaderTools';
import './start.css';
import { useFormat } from '../app/format';

export function StartPage() {
  const t = useT(startMessages);
  const [token, setToken] = useState<string | null>(() => adminTokenFromLocation());
  return (
    <div className="start-page">
      <header className="app-bar start-header">
        <h1>{t('title')}</h1>
        <LanguageSwitch />
      </header>
      <main className="start-main">
        <p className="start-intro">{t('intro')}</p>
        {token ? (
          <AdminBoards
            token={token}
            onForget={() => {
              saveAdminToken(null);
              setToken(null);
            }}
          />
        ) : (
          <AdminTokenForm
            onToken={(value) => {
              saveAdminToken(value);
              setToken(value);
            }}
          />
        )}
      </main>
    </div>
  );
}

function AdminTokenForm({ onToken }: { onToken: (token: string) => void }) {
  const t = useT(startMessages);
  const [draft, setDraft] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim()) onToken(draft.trim());
  };
  return (
    <form className="card form-row" onSubmit={submit}>
      <p className="full">{t('needAdmin')}</p>
      <label>
        {t('adminToken')}
        <input type="password" value={draft} onChange={(e) => setDraft(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit" className="primary">
        {t('useToken')}
      </button>
    </form>
  );
}

function AdminBoards({ token, onForget }: { token: string; onForget: () => void }) {
  const t = useT(startMessages);
  const [boards, setBoards] = useState<BoardListing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);

  const describe = useCallback((e: unknown) => (e instanceof ApiError && e.status === 401 ? t('badToken') : t('failed', { error: e instanceof Error ? e.message : String(e) })), [t]);

  const reload = useCallback(() => {
    listBoards(token)
      .then((list) => {
        setBoards(list);
        setError(null);
      })
      .catch((e: unknown) => setError(describe(e)));
  }, [token, describe]);

  useEffect(reload, [reload]);

  /** An admin action went through (import, new link, delete): say so and list the boards again. */
  const changed = (message: string) => {
    setNotice(message);
    setError(null);
    reload();
  };
  const failed = (e: unknown) => setError(describe(e));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || busy) return;
    setBusy(true);
    try {
      const created = await createBoard(token, title.trim());
      setNotice(t('created', { title: created.title }));
      setTitle('');
      reload();
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form className="card form-row create-board" onSubmit={submit}>
        <label>
          {t('boardTitle')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('create')}
        </button>
        <button type="button" className="quiet forget" onClick={onForget}>
          {t('forget')}
        </button>
      </form>
      <ImportBoard adminToken={token} onDone={changed} onError={failed} />
      <LeaderTools adminToken={token} />
      <div role="status" aria-live="polite" className="start-status">
        {notice}
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <section aria-labelledby="boards-heading">
        <h2 id="boards-heading">{t('boards')}</h2>
        {boards === null && !error && <p>{t('loading')}</p>}
        {boards?.length === 0 && <p>{t('none')}</p>}
        <ul className="board-list">
          {boards?.map((board) => (
            <BoardItem key={board.id} board={board}>
              <BoardAdminActions board={board} adminToken={token} onDone={changed} onError={failed} />
            </BoardItem>
          ))}
        </ul>
      </section>
    </>
  );
}

function BoardItem({ board, children }: { board: BoardListing; children: ReactNode }) {
  const t = useT(startMessages);
  const format = useFormat();
  const s = board.summary;
  return (
    <li className="card board-item" data-testid="board-item" data-board-id={board.id}>
      <h3>{board.title}</h3>
      <p className="muted">{t('updated', { when: format.dateTime(board.updatedAt) })}</p>
      {s && (
        <p className="board-summary">
          {t('actionsLine', s.actions)}
          {s.overdue > 0 && <strong className="overdue-count"> · {t('overdue', { n: s.overdue })}</strong>}
          {s.goalsUnderTarget > 0 && <strong> · {t('underTarget', { n: s.goalsUnderTarget })}</strong>}
          {' · '}
          {t('ideas', { n: s.ideas })}
        </p>
      )}
      <dl className="share-links">
        <div>
          <dt>{t('editLink')}</dt>
          <dd>
            <a href={board.links.edit} data-testid="edit-link">
              {t('open')}
            </a>
            <CopyLink url={board.links.edit} label={`${t('copy')}: ${t('editLink')}, ${board.title}`} />
          </dd>
        </div>
        <div>
          <dt>{t('viewLink')}</dt>
          <dd>
            <a href={board.links.view} data-testid="view-link">
              {t('open')}
            </a>
            <CopyLink url={board.links.view} label={`${t('copy')}: ${t('viewLink')}, ${board.title}`} />
          </dd>
        </div>
      </dl>
      {children}
    </li>
  );
}

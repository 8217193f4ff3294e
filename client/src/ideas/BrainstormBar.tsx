// How ideas are collected, at the top of Idéer: open or in rounds, silent or not. The board's one
// facilitator (ordstyrer, the meeting's while one runs; issue 9) sets the mode and the silence,
// skips someone away from the keyboard, takes people out of the round, starts a new round and
// reveals the hidden ideas; only their screen shows those controls (and the shared verbs refuse
// anyone else). The others see the mode, who leads and "Bliv ordstyrer". While nobody leads,
// whoever sets the mode becomes the facilitator. In rounds everyone sees whose turn it is; the
// one whose turn it is adds one idea or passes.

import { useState } from 'react';
import {
  isFacilitator,
  joinRounds,
  leaveRounds,
  removeFromRounds,
  setBrainstormMode,
  setBrainstormSilent,
  skipRoundTurn,
  startNextRound,
  takeRoundTurn,
  type Brainstorm,
} from '../../../shared/schema';
import type { Participant } from '../../../shared/domain/rounds';
import { possessive, useLocale, useT } from '../app/i18n';
import { useBoardConnection, useBoardDoc } from '../sync/BoardProvider';
import { TakeOver } from '../meeting/Facilitator';
import { DraftsError, revealDrafts } from './draftsClient';
import { ideasMessages } from './messages';
import { announce } from '../app/announcer';

/** "Mettes tur" for "Mette (gevinstansvarlig)", "Lars' tur"; "Anna’s" in English (see `possessive`). */
export const whose = possessive;

interface Props {
  brainstorm: Brainstorm;
  me: Participant;
  present: Participant[];
  canEdit: boolean;
}

export function BrainstormBar({ brainstorm, me, present, canEdit }: Props) {
  const t = useT(ideasMessages);
  const doc = useBoardDoc();
  const { mode, silent, facilitator, hidden } = brainstorm;
  const amFacilitator = canEdit && (facilitator === null || facilitator.id === me.id);
  const hiddenTotal = hidden.reduce((sum, h) => sum + h.count, 0);
  const { boardId } = useBoardConnection();
  const [revealing, setRevealing] = useState(false);
  // Shown to the facilitator (and spoken) when a reveal did not go through; the ideas stay hidden.
  const [revealError, setRevealError] = useState<string | null>(null);

  /** Whether the hidden ideas are on the board now. */
  const reveal = async (): Promise<boolean> => {
    // The server reveals for any edit link; only the facilitator's screen asks it to.
    if (!isFacilitator(doc, me)) return false;
    setRevealing(true);
    try {
      const count = await revealDrafts(boardId);
      setRevealError(null);
      announce(t('revealed', { count }));
      return true;
    } catch (error) {
      const message = error instanceof DraftsError && error.status === 413 ? t('revealNoRoom') : t('revealFailed', { error: error instanceof Error ? error.message : String(error) });
      setRevealError(message);
      announce(message);
      return false;
    } finally {
      setRevealing(false);
    }
  };

  const setSilent = async (next: boolean) => {
    if (!isFacilitator(doc, me)) return;
    // Turning silence off shows what was hidden: nothing stays hidden without a silent
    // collection, so silence stays on when the reveal fails.
    if (!next && hiddenTotal > 0 && !(await reveal())) return;
    setBrainstormSilent(doc, next, me);
  };

  return (
    <section className="brainstorm" aria-labelledby="brainstorm-heading" data-testid="brainstorm" data-mode={mode} data-silent={silent}>
      <h3 id="brainstorm-heading" className="visually-hidden">
        {t('brainstorm')}
      </h3>
      <div className="brainstorm-row">
        {amFacilitator ? (
          <div className="segmented" role="group" aria-label={t('mode')}>
            <button type="button" aria-pressed={mode === 'open'} onClick={() => setBrainstormMode(doc, 'open', me)} data-testid="brainstorm-open">
              {t('modeOpen')}
            </button>
            <button
              type="button"
              aria-pressed={mode === 'rounds'}
              onClick={() => setBrainstormMode(doc, 'rounds', me, present)}
              data-testid="brainstorm-rounds"
            >
              {t('modeRounds')}
            </button>
          </div>
        ) : (
          <span className="brainstorm-mode">
            {t('mode')}: {mode === 'rounds' ? t('modeRounds') : t('modeOpen')}
          </span>
        )}
        {amFacilitator ? (
          <label className="brainstorm-silent">
            <input type="checkbox" checked={silent} onChange={(e) => void setSilent(e.target.checked)} data-testid="brainstorm-silent" />
            {t('silent')}
          </label>
        ) : (
          silent && <span className="brainstorm-mode">{t('silent')}</span>
        )}
        <span className="brainstorm-facilitator" data-testid="brainstorm-facilitator">
          {facilitator ? t('facilitator', { name: facilitator.id === me.id ? `${facilitator.name} (${t('you')})` : facilitator.name }) : t('noFacilitator')}
        </span>
        <TakeOver facilitator={facilitator} />
      </div>

      {mode === 'rounds' && <RoundsPanel brainstorm={brainstorm} me={me} present={present} canEdit={canEdit} amFacilitator={amFacilitator} />}

      {silent && (
        <div className="brainstorm-silent-panel" data-testid="silent-panel">
          <p className="muted">{t('silentHint')}</p>
          <p data-testid="hidden-counts">
            {hiddenTotal === 0 ? t('hiddenNone') : t('hiddenCounts', { list: hidden.map((h) => `${h.name || '?'} ${h.count}`).join(' · ') })}
          </p>
          {amFacilitator && hiddenTotal > 0 && (
            <button type="button" className="primary" onClick={() => void reveal()} disabled={revealing} data-testid="reveal-drafts">
              {t('reveal', { count: hiddenTotal })}
            </button>
          )}
          {amFacilitator && revealError && (
            <p className="error-text" data-testid="reveal-error">
              {revealError}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function RoundsPanel({ brainstorm, me, present, canEdit, amFacilitator }: Props & { amFacilitator: boolean }) {
  const t = useT(ideasMessages);
  const locale = useLocale();
  const doc = useBoardDoc();
  const { rounds } = brainstorm;
  const here = new Set(present.map((p) => p.id));
  const inOrder = rounds.order.some((p) => p.id === me.id);
  const current = rounds.order.find((p) => p.id === rounds.turn) ?? null;
  const myTurn = current?.id === me.id;

  const status = rounds.finished
    ? t('roundsFinished')
    : rounds.order.length === 0
      ? t('noOneInRound')
      : myTurn
        ? t('yourTurn')
        : current
          ? t('theirTurn', { whose: whose(current.name, locale) })
          : '';

  return (
    <div className="rounds" data-testid="rounds" data-round={rounds.round} data-turn={rounds.turn ?? ''} data-finished={rounds.finished}>
      <p className="rounds-status" role="status" data-testid="turn-status">
        <strong>{t('round', { round: rounds.round })}</strong> · {status}
      </p>
      {rounds.order.length > 0 && (
        <ol className="chip-row" aria-label={t('turnOrder')}>
          {rounds.order.map((p) => {
            const took = rounds.took[p.id];
            const state = p.id === rounds.turn ? 'now' : took ?? 'waiting';
            const label = state === 'now' ? t('turnNow') : state === 'idea' ? t('turnIdea') : state === 'pass' ? t('turnPass') : t('turnWaiting');
            const icon = state === 'now' ? '▶' : state === 'idea' ? '✓' : state === 'pass' ? '–' : '·';
            return (
              <li key={p.id} className={`turn turn-${state}`} data-testid="turn" data-participant={p.id} data-state={state}>
                <span aria-hidden="true" className="turn-icon">
                  {icon}
                </span>
                <span className="turn-name">
                  {p.name}
                  {p.id === me.id && ` (${t('you')})`}
                </span>
                <span className="turn-state">{label}</span>
                {!here.has(p.id) && <span className="turn-away">({t('away')})</span>}
                {amFacilitator && p.id !== me.id && (
                  <button type="button" className="quiet small icon" aria-label={t('remove', { name: p.name })} title={t('remove', { name: p.name })} onClick={() => removeFromRounds(doc, p.id, me)}>
                    ✕
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {canEdit && (
        <div className="rounds-actions">
          {myTurn && (
            <button
              type="button"
              onClick={() => {
                takeRoundTurn(doc, me.id, 'pass');
                announce(t('passed'));
              }}
              data-testid="turn-pass"
            >
              {t('pass')}
            </button>
          )}
          {!inOrder && (
            <button type="button" onClick={() => joinRounds(doc, me)} data-testid="turn-join">
              {t('join')}
            </button>
          )}
          {inOrder && !rounds.finished && (
            <button type="button" className="quiet" onClick={() => leaveRounds(doc, me.id)} data-testid="turn-leave">
              {t('leave')}
            </button>
          )}
          {amFacilitator && current && !myTurn && (
            <button type="button" onClick={() => skipRoundTurn(doc, me)} data-testid="turn-skip">
              {t('skip', { name: current.name })}
            </button>
          )}
          {amFacilitator && rounds.finished && (
            <button type="button" className="primary" onClick={() => startNextRound(doc, me)} data-testid="turn-next-round">
              {t('nextRound')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

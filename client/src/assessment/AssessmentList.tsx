// The assessment as a table (Liste): the same ideas and positions as the grid, sorted green,
// yellow, orange, red and by effect (highest first), each with the Vurdér selects and Til
// handleplan. For those who cannot use the grid (keyboard, screen reader, a small screen) and for
// the follow-up, where the order is what matters.

import { useId, useMemo, useState } from 'react';
import { promoteToAction, type Idea } from '../../../shared/schema';
import type { Position } from '../../../shared/domain/zones';
import { sortByZone } from '../../../shared/domain/ideaOrder';
import { checkCapacity, countOpen } from '../../../shared/domain/actionPlan';
import { useT } from '../app/i18n';
import { useActions, useBoardDoc, useCanEdit, useIdeas, useMeta } from '../sync/BoardProvider';
import { useIdentity } from '../sync/identity';
import { ideasMessages } from '../ideas/messages';
import { LEVELS, levelOf, percent, type Level } from './geometry';
import { assessmentMessages } from './messages';
import { ZoneBadge } from './ZoneBadge';
import { useLevelChoice } from './useLevelChoice';
import { useTryWrite } from '../board/limitMessage';
import { announce } from '../app/announcer';

const LEVEL_KEY = { 0.1: '0_1', 0.3: '0_3', 0.7: '0_7', 0.9: '0_9' } as const satisfies Record<Level, string>;

export function AssessmentList() {
  const t = useT(assessmentMessages);
  const ideas = useIdeas();
  const actions = useActions();
  const meta = useMeta();
  const canEdit = useCanEdit();
  const sorted = useMemo(() => sortByZone(ideas), [ideas]);
  const actionIds = useMemo(() => new Set(actions.map((a) => a.id)), [actions]);
  const capacity = checkCapacity(countOpen(actions), meta.actionCapacity);
  if (ideas.length === 0) return <p className="muted">{t('listEmpty')}</p>;
  return (
    // Scrolls sideways on a narrow screen: reachable by keyboard and named (scrollable-region-focusable).
    <div className="assessment-list-wrap" tabIndex={0} role="region" aria-label={t('listCaption')}>
      <table className="assessment-list" data-testid="assessment-list">
        <caption>{t('listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colIdea')}</th>
            <th scope="col">{t('colAssessment')}</th>
            <th scope="col">{t('colPlan')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((idea) => (
            <Row
              key={idea.id}
              idea={idea}
              canEdit={canEdit}
              inPlan={Boolean(idea.actionId && actionIds.has(idea.actionId))}
              exceeds={capacity.exceeds}
              after={capacity.after}
              capacity={capacity.capacity}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Row({ idea, canEdit, inPlan, exceeds, after, capacity }: { idea: Idea; canEdit: boolean; inPlan: boolean; exceeds: boolean; after: number; capacity: number | null }) {
  const t = useT(assessmentMessages);
  const tryWrite = useTryWrite();
  const ti = useT(ideasMessages);
  const doc = useBoardDoc();
  const name = useIdentity((s) => s.name);
  const { choose, valueOf } = useLevelChoice(doc, idea);
  const [warning, setWarning] = useState(false);
  const reasonId = useId();
  const position = idea.position;

  const cell = (axis: keyof Position) => {
    if (!canEdit) {
      return (
        <span className="list-value">
          {t(axis)}: {position ? `${t(`${axis}_${LEVEL_KEY[levelOf(position[axis])]}`)} (${percent(position[axis])} %)` : '–'}
        </span>
      );
    }
    return (
      <label className="list-select">
        <span aria-hidden="true">{t(axis)}</span>
        <select
          value={valueOf(axis)}
          onChange={(e) => choose(axis, e.target.value)}
          aria-label={t(axis === 'effect' ? 'effectFor' : 'resourcesFor', { text: idea.text })}
          title={position ? t('exactValue', { value: percent(position[axis]) }) : undefined}
          data-testid={`list-${axis}`}
        >
          {valueOf(axis) === '' && <option value="">{t('choose')}</option>}
          {[...LEVELS].reverse().map((level) => (
            <option key={level} value={String(level)}>
              {t(`${axis}_${LEVEL_KEY[level]}`)}
            </option>
          ))}
        </select>
      </label>
    );
  };
  const promote = () => {
    setWarning(false);
    const limit = tryWrite(() => promoteToAction(doc, idea.id, name || '?'));
    if (limit) announce(limit, { show: true });
  };

  return (
    <tr data-testid="assessment-row" data-idea-id={idea.id} data-zone={idea.zone ?? 'none'}>
      <th scope="row" className="list-idea">
        <span className="list-text">{idea.text}</span>
        <span className="list-meta">
          <ZoneBadge zone={idea.zone} />
          <span className="list-authors muted">{ti('by', { author: idea.authors.join(ti('authorsJoin')) || ti('unknownAuthor') })}</span>
        </span>
      </th>
      <td className="list-assess">
        {cell('effect')}
        {cell('resources')}
      </td>
      <td className="list-plan">
        {inPlan ? (
          <span className="in-plan-badge">
            <span aria-hidden="true">✓ </span>
            {ti('inPlan')}
          </span>
        ) : canEdit ? (
          warning ? (
            <div className="list-capacity" role="alert">
              <p>
                <span aria-hidden="true">⚠ </span>
                {ti('capacityWarning', { after, capacity: capacity ?? 0 })}
              </p>
              <button type="button" className="primary" onClick={promote}>
                {ti('promoteAnyway')}
              </button>
              <button type="button" className="quiet" onClick={() => setWarning(false)}>
                {ti('promoteCancel')}
              </button>
            </div>
          ) : (
            <>
              <button
                type="button"
                disabled={!position}
                aria-describedby={position ? undefined : reasonId}
                onClick={() => (exceeds ? setWarning(true) : promote())}
                data-testid="list-promote"
              >
                {/* The name starts with the visible label (WCAG 2.5.3), then says which idea. */}
                {ti('promote')}
                <span className="visually-hidden"> – {idea.text}</span>
              </button>
              {!position && (
                <span id={reasonId} className="promote-reason">
                  {ti('promoteNeedsAssessment')}
                </span>
              )}
            </>
          )
        ) : null}
      </td>
    </tr>
  );
}

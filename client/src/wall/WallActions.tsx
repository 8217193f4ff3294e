// Field 4 on the wall, Handleplan: each action as one row — status, title (wrapping, never cut),
// responsible and deadline — in the plan's own order; an overdue action is marked with a red
// edge AND the word "Forsinket". The type is the largest at which every row fits.

import { useRef } from 'react';
import { isOverdue } from '../../../shared/domain/actionStatus';
import { arrangeActions } from '../../../shared/domain/actionPlan';
import { useT } from '../app/i18n';
import { useToday } from '../app/useToday';
import { actionMessages } from '../actions/messages';
import { boardMessages } from '../board/messages';
import { useActions } from '../sync/BoardProvider';
import { hyphenate } from './hyphenate';
import { useFit } from './useFit';
import { wallMessages } from './messages';
import { FLOOR, MoreLine, WallField, type WallMode } from './WallField';
import { useFormat } from '../app/format';

const CEILING: Record<WallMode, number> = { board: 28, focus: 44 };
const PLAN_VIEW = { status: 'all', responsible: '', showArchived: false } as const;

export function WallActions({ mode }: { mode: WallMode }) {
  const t = useT(wallMessages);
  const tb = useT(boardMessages);
  const ta = useT(actionMessages);
  const fmt = useFormat();
  const today = useToday();
  const actions = arrangeActions(useActions(), PLAN_VIEW, 'plan');
  const box = useRef<HTMLDivElement>(null);
  const contentKey = `${mode}:${today}:${actions.map((a) => `${a.id}:${a.title.length}:${a.status}:${a.deadline}:${a.responsible}`).join()}`;
  const fit = useFit(box, { min: FLOOR[mode], max: CEILING[mode], contentKey });
  const open = actions.filter((a) => a.status === 'decided' || a.status === 'started').length;
  const overdue = actions.filter((a) => isOverdue(a, today)).length;
  return (
    <WallField
      field="actions"
      number={4}
      title={tb('actions')}
      className={`is-${mode}`}
      aside={actions.length > 0 ? `${t('openCount', { n: open })}${overdue > 0 ? ` · ${t('overdueCount', { n: overdue })}` : ''}` : undefined}
    >
      <div ref={box} className={`wall-actions is-${mode}`}>
        {actions.length === 0 && <p className="wall-empty">{t('noActions')}</p>}
        <ol className="wall-action-list">
          {actions.map((action) => {
            const late = isOverdue(action, today);
            return (
              <li key={action.id} className={`wall-action status-${action.status}${late ? ' is-overdue' : ''}`} data-fit-item data-testid="action-row" data-overdue={late}>
                <span className={`wall-action-status status-${action.status}`}>{ta(action.status)}</span>
                <span className="wall-action-title" lang="da">
                  {hyphenate(action.title)}
                </span>
                <span className="wall-action-meta">
                  <span className="wall-action-who">{action.responsible || ta('noResponsible')}</span>
                  <span className="wall-action-when">
                    {action.deadline ? fmt.date(action.deadline) : ta('noDeadline')}
                    {late && (
                      <strong className="wall-action-late">
                        <span aria-hidden="true"> ⚠ </span>
                        {ta('overdue')}
                      </strong>
                    )}
                  </span>
                </span>
              </li>
            );
          })}
        </ol>
        <MoreLine text={t('more', { n: Math.max(0, actions.length - fit.shown) })} />
      </div>
    </WallField>
  );
}

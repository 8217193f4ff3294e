// During a meeting the field under discussion takes the wall and the other three shrink to this
// strip: a card each with what the team needs to keep in view — each goal's latest number and
// status, the count of ideas, the ideas per zone, open and overdue actions.

import { isOverdue, isOpenStatus } from '../../../shared/domain/actionStatus';
import { latestActualPeriod, latestGap } from '../../../shared/domain/goalProgress';
import { ZONES } from '../../../shared/domain/zones';
import type { AgendaField } from '../../../shared/domain/meetingTimer';
import { useT } from '../app/i18n';
import { useToday } from '../app/useToday';
import { useZoneText } from '../assessment/ZoneBadge';
import { boardMessages } from '../board/messages';
import { withUnit } from '../goals/goalView';
import { useTargetWording } from '../goals/targetWording';
import { useActions, useGoals, useIdeas } from '../sync/BoardProvider';
import { wallMessages } from './messages';
import { WallField } from './WallField';
import { useFormat } from '../app/format';

const ORDER: readonly AgendaField[] = ['goals', 'ideas', 'assessment', 'actions'];

export function WallStrip({ current }: { current: AgendaField }) {
  return (
    <aside className="wall-strip" data-testid="wall-strip">
      {ORDER.filter((field) => field !== current).map((field) => (
        <StripCard key={field} field={field} />
      ))}
    </aside>
  );
}

function StripCard({ field }: { field: AgendaField }) {
  const tb = useT(boardMessages);
  const number = ORDER.indexOf(field) + 1;
  const body = field === 'goals' ? <GoalsSummary /> : field === 'ideas' ? <IdeasSummary /> : field === 'assessment' ? <ZonesSummary /> : <ActionsSummary />;
  return (
    <WallField field={field} number={number} title={tb(field)} className="is-strip">
      {body}
    </WallField>
  );
}

function GoalsSummary() {
  const t = useT(wallMessages);
  const fmt = useFormat();
  const wording = useTargetWording();
  const goals = useGoals();
  if (goals.length === 0) return <p className="wall-strip-line">{t('noGoals')}</p>;
  return (
    <ul className="wall-strip-list">
      {goals.map((goal) => {
        const latest = latestActualPeriod(goal);
        const missed = latestGap(goal)?.met === false;
        const status = wording.status(goal);
        return (
          <li key={goal.id} className="wall-strip-line" data-testid="wall-strip-goal">
            <span className="wall-strip-name">{goal.name}</span>{' '}
            <strong>{latest !== null ? withUnit(fmt.number(goal.actuals[latest]!), goal.unit, fmt.locale) : t('noNumber')}</strong>
            {status && (
              <span className={`wall-strip-status ${missed ? 'is-missed' : 'is-met'}`}>
                {' '}
                <span aria-hidden="true">{missed ? '◆' : '✓'}</span> {status}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function IdeasSummary() {
  const t = useT(wallMessages);
  const ideas = useIdeas();
  const unassessed = ideas.filter((idea) => idea.zone === null).length;
  return (
    <p className="wall-strip-line">
      {ideas.length === 0 ? t('noIdeas') : t('ideasCount', { n: ideas.length })}
      {unassessed > 0 && ` · ${t('unassessedCount', { n: unassessed })}`}
    </p>
  );
}

function ZonesSummary() {
  const zoneText = useZoneText();
  const ideas = useIdeas();
  return (
    <ul className="wall-strip-zones">
      {ZONES.map((zone) => (
        <li key={zone} className={`wall-zone-label zone-${zone}`}>
          {zoneText.name(zone)} · {ideas.filter((idea) => idea.zone === zone).length}
        </li>
      ))}
    </ul>
  );
}

function ActionsSummary() {
  const t = useT(wallMessages);
  const fmt = useFormat();
  const today = useToday();
  const actions = useActions().filter((action) => !action.archived);
  if (actions.length === 0) return <p className="wall-strip-line">{t('noActions')}</p>;
  const open = actions.filter((action) => isOpenStatus(action.status));
  const overdue = open.filter((action) => isOverdue(action, today)).length;
  const next = open
    .map((action) => action.deadline)
    .filter((deadline): deadline is string => deadline !== null && deadline >= today)
    .sort()[0];
  return (
    <>
      <p className="wall-strip-line">
        {t('openCount', { n: open.length })}
        {overdue > 0 && (
          <strong className="wall-strip-late">
            {' · '}
            <span aria-hidden="true">⚠ </span>
            {t('overdueCount', { n: overdue })}
          </strong>
        )}
      </p>
      {next && <p className="wall-strip-line">{t('nextDeadline', { date: fmt.date(next) })}</p>}
    </>
  );
}

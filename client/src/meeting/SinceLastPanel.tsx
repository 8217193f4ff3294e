// "Siden sidst": what changed since the previous meeting, from the board's own timestamps. Opened
// on demand from its one-line summary in the meeting bar (issue 9), below the bar.

import type { ReactNode } from 'react';
import { useT } from '../app/i18n';
import type { SinceLastMeeting } from '../../../shared/domain/sinceLastMeeting';
import { meetingMessages } from './messages';
import { useTargetWording } from '../goals/targetWording';
import { withUnit } from '../goals/goalView';
import { useFormat } from '../app/format';

export function SinceLastPanel({ since, id }: { since: SinceLastMeeting; id: string }) {
  const t = useT(meetingMessages);
  const fmt = useFormat();
  const time = useFormat();
  const wording = useTargetWording();
  const value = (n: number, unit: string) => withUnit(fmt.number(n), unit, fmt.locale);
  const by = (name: string) => (name ? ` · ${t('byWho', { name })}` : '');
  return (
    // Focusable: it scrolls when long, and a keyboard must be able to scroll it (axe scrollable-region-focusable).
    <section className="since-last" id={id} aria-labelledby={`${id}-heading`} data-testid="since-last" tabIndex={0}>
      <h2 id={`${id}-heading`}>{t('sinceTitle')}</h2>
      <p className="muted">{since.since ? t('sinceFrom', { when: time.dateTime(since.since) }) : t('sinceFirst')}</p>
      {since.total === 0 ? (
        <p>{t('sinceNothing')}</p>
      ) : (
        <div className="since-groups">
          <Group title={t('measurements')} items={since.measurements.length}>
            {since.measurements.map((m) => (
              <li key={`${m.goalId}-${m.period}`} data-testid="since-measurement">
                {t('measurementLine', { goal: m.goalName, period: fmt.period(m.period), actual: value(m.actual, m.unit) })}
                {m.target !== null && ` (${t('targetPart', { target: value(m.target, m.unit) })})`}
                {m.under !== null && (
                  <span className={`since-flag ${m.under ? 'is-under' : 'is-ok'}`} data-met={m.under ? 'false' : 'true'}>
                    {' '}
                    <span aria-hidden="true">{m.under ? '◆' : '✓'}</span> {wording.statusWord(m.direction, !m.under).toLocaleLowerCase(fmt.locale)}
                  </span>
                )}
              </li>
            ))}
          </Group>
          <Group title={t('statusChanges')} items={since.statusChanges.length}>
            {since.statusChanges.map((c) => (
              <li key={`${c.actionId}-${c.at}`}>
                {t('statusLine', { title: c.title, status: t(c.status) })}
                <span className="muted">{by(c.by)}</span>
              </li>
            ))}
          </Group>
          <Group title={t('newActions')} items={since.newActions.length}>
            {since.newActions.map((a) => (
              <li key={a.id}>
                {a.title}
                <span className="muted">
                  {a.responsible && ` · ${a.responsible}`}
                  {a.deadline && ` · ${fmt.date(a.deadline)}`}
                </span>
              </li>
            ))}
          </Group>
          <Group title={t('newIdeas')} items={since.newIdeas.length}>
            {since.newIdeas.map((i) => (
              <li key={i.id}>
                {i.text}
                <span className="muted">{by(i.author)}</span>
              </li>
            ))}
          </Group>
          <Group title={t('assessedIdeas')} items={since.assessedIdeas.length}>
            {since.assessedIdeas.map((i) => (
              <li key={i.id}>{i.text}</li>
            ))}
          </Group>
        </div>
      )}
    </section>
  );
}

function Group({ title, items, children }: { title: string; items: number; children: ReactNode }) {
  if (items === 0) return null;
  return (
    <div className="since-group">
      <h3>
        {title} <span className="since-count">({items})</span>
      </h3>
      <ul>{children}</ul>
    </div>
  );
}

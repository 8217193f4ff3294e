// The minutes of one meeting as Markdown (for the "Hent som Markdown" download), and the pieces
// the dialog shows the same way: the title that tells meetings apart and each goal's latest
// number against its target, worded by goals/targetWording.ts (issue 9). Pure, so it is tested
// without a browser. User text is escaped: a title with `|` or `*` stays literal text.

import type { MeetingMinutes } from '../../../shared/schema/meeting';
import type { Decision, GoalReading } from '../../../shared/domain/meetingMinutes';
import { targetDifference, targetStatus } from '../../../shared/domain/targetStatus';
import type { Translate } from '../app/i18n';
import { withUnit } from '../goals/goalView';
import { makeTargetWording, type TargetWording } from '../goals/targetWording';
import type { MeetingMessageKey } from './messages';
import type { Formatters } from '../app/format';

/** Backslash-escape what Markdown would read as formatting; line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)\./, '$1\\.');
}

const FIELD_KEY = { title: 'fieldTitle', responsible: 'fieldResponsible', deadline: 'fieldDeadline', status: 'fieldStatus' } as const;

export function decisionNote(decision: Decision, t: Translate<MeetingMessageKey>): string {
  if (decision.kind !== 'changed' || decision.changes.length === 0) return t(decision.kind);
  return `${t('changed')}: ${decision.changes.map((field) => t(FIELD_KEY[field])).join(', ')}`;
}

/** `Møde 3 · 2. dec. 2026 kl. 9.00 · Ordstyrer: Mette`: number, start and who led. */
export function minutesTitle(minutes: MeetingMinutes, t: Translate<MeetingMessageKey>, fmt: Formatters): string {
  const title = t('minutesHeading', { n: minutes.number, date: fmt.day(minutes.startedAt), time: fmt.clock(minutes.startedAt) });
  return minutes.facilitator ? `${title} · ${t('facilitator', { name: minutes.facilitator })}` : title;
}

export interface GoalLine {
  name: string;
  /** The period of the latest number, or '–'. */
  period: string;
  /** `59,5 % mod 80 %`, a number without target, or "Intet tal endnu". */
  result: string;
  /**
   * The verdict in the board's words ('' without a number and a target): a miss by its gap
   * (`−20,5 pct.-point under måltal`, `+0,4 dage over måltal`), a met target as `Måltal nået`
   * with its gap when not exactly on it.
   */
  verdict: string;
  /** Whether the target is met; null without a number and a target. */
  met: boolean | null;
}

/** A goal of the minutes in words, the way the board words it. */
export function goalLine(goal: GoalReading, t: Translate<MeetingMessageKey>, fmt: Formatters, wording: TargetWording): GoalLine {
  const base = { name: goal.name, period: goal.period ? fmt.period(goal.period) : t('none') };
  if (goal.actual === null) return { ...base, result: t('noNumber'), verdict: '', met: null };
  if (goal.target === null) return { ...base, result: `${withUnit(fmt.number(goal.actual), goal.unit, fmt.locale)} (${t('noTarget')})`, verdict: '', met: null };
  const reading = { direction: goal.direction, unit: goal.unit, actual: goal.actual, target: goal.target };
  const { met, position } = targetStatus(goal.direction, targetDifference(goal.target, goal.actual));
  const gap = wording.gap(reading) ?? '';
  const verdict = !met ? gap : position === 'at' ? (wording.status(reading) ?? '') : `${wording.status(reading) ?? ''} (${gap})`;
  return { ...base, result: wording.versus(goal.actual, goal.target, goal.unit), verdict, met };
}

export function minutesMarkdown(
  minutes: MeetingMinutes,
  boardTitle: string,
  t: Translate<MeetingMessageKey>,
  fmt: Formatters,
): string {
  const lines: string[] = [];
  const heading = minutesTitle(minutes, t, fmt);
  lines.push(`# ${escapeMarkdown(boardTitle ? `${heading} – ${boardTitle}` : heading)}`, '');
  lines.push(`- ${t('time', { from: fmt.time(minutes.startedAt), to: fmt.time(minutes.endedAt) })} (${t('planned').toLowerCase()} ${t('minutesUnit', { n: minutes.durationMinutes })})`);
  if (minutes.facilitator) lines.push(`- ${t('facilitatorLabel')}: ${escapeMarkdown(minutes.facilitator)}`);
  lines.push(`- ${t('participants')}: ${minutes.participants.length > 0 ? minutes.participants.map(escapeMarkdown).join(', ') : t('noParticipants')}`);
  if (minutes.since) lines.push(`- ${t('mdSince', { when: fmt.dateTime(minutes.since) })}`);
  const wording = makeTargetWording(fmt.locale);
  const text = (value: string) => (value ? escapeMarkdown(value) : t('none'));
  const day = (value: string | null) => (value ? fmt.date(value) : t('none'));
  /** One section: a heading, then a table of the rows, or a sentence when there are none. */
  const section = (title: string, empty: string, headers: string[], rows: string[][]) => {
    lines.push('', `## ${title}`, '');
    if (rows.length === 0) lines.push(empty);
    else lines.push(`| ${headers.join(' | ')} |`, `|${headers.map(() => '---|').join('')}`, ...rows.map((cells) => `| ${cells.join(' | ')} |`));
  };
  section(
    t('goalsAtEnd'),
    t('noGoals'),
    [t('goal'), t('period'), t('result'), t('status')],
    minutes.goals.map((goal) => {
      const line = goalLine(goal, t, fmt, wording);
      return [escapeMarkdown(line.name), line.period, escapeMarkdown(line.result), text(line.verdict)];
    }),
  );
  section(
    t('decisions'),
    t('noDecisions'),
    ['', t('action'), t('responsible'), t('deadline'), t('status')],
    minutes.decisions.map((d) => [decisionNote(d, t), escapeMarkdown(d.title), text(d.responsible), day(d.deadline), t(d.status)]),
  );
  section(
    t('openActions'),
    t('noOpenActions'),
    [t('action'), t('responsible'), t('deadline'), t('status')],
    minutes.openActions.map((a) => [escapeMarkdown(a.title), text(a.responsible), day(a.deadline), a.overdue ? `${t(a.status)} · **${t('overdue')}**` : t(a.status)]),
  );
  lines.push('');
  return lines.join('\n');
}

/** Offer a text as a file download. */
export function downloadText(filename: string, text: string, type = 'text/markdown;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

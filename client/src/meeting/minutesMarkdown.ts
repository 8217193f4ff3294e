// The minutes of one meeting as Markdown (for the "Hent som Markdown" download). Pure, so it is
// tested without a browser. User text is escaped: a title with `|` or `*` stays literal text.

import type { MeetingMinutes } from '../../../shared/schema/meeting';
import type { Decision } from '../../../shared/domain/meetingMinutes';
import type { Translate } from '../app/i18n';
import type { MeetingMessageKey } from './messages';
import type { TimeFormatters } from './format';

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

export function minutesMarkdown(
  minutes: MeetingMinutes,
  boardTitle: string,
  t: Translate<MeetingMessageKey>,
  time: TimeFormatters,
  date: (isoDate: string) => string,
): string {
  const lines: string[] = [];
  const heading = t('meetingOn', { date: time.day(minutes.startedAt) });
  lines.push(`# ${escapeMarkdown(boardTitle ? `${heading} – ${boardTitle}` : heading)}`, '');
  lines.push(`- ${t('time', { from: time.time(minutes.startedAt), to: time.time(minutes.endedAt) })} (${t('planned').toLowerCase()} ${t('minutesUnit', { n: minutes.durationMinutes })})`);
  if (minutes.facilitator) lines.push(`- ${t('facilitatorLabel')}: ${escapeMarkdown(minutes.facilitator)}`);
  lines.push(`- ${t('participants')}: ${minutes.participants.length > 0 ? minutes.participants.map(escapeMarkdown).join(', ') : t('noParticipants')}`);
  if (minutes.since) lines.push(`- ${t('mdSince', { when: time.dayTime(minutes.since) })}`);
  lines.push('', `## ${t('decisions')}`, '');
  if (minutes.decisions.length === 0) {
    lines.push(t('noDecisions'));
  } else {
    lines.push(`| | ${t('action')} | ${t('responsible')} | ${t('deadline')} | ${t('status')} |`, '|---|---|---|---|---|');
    for (const decision of minutes.decisions) {
      const cells = [
        decisionNote(decision, t),
        escapeMarkdown(decision.title),
        decision.responsible ? escapeMarkdown(decision.responsible) : t('none'),
        decision.deadline ? date(decision.deadline) : t('none'),
        t(decision.status),
      ];
      lines.push(`| ${cells.join(' | ')} |`);
    }
  }
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

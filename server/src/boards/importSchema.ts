// The shape POST /api/boards/import accepts (issue 8): a board as GET /api/boards/:id/export.json
// gives it (format maaltavle-board-1), checked with zod before anything is written. Unknown keys
// are ignored, so a later export with more in it still imports; what the writers clean anyway
// (text lengths, colours) is only bounded here against absurd sizes.

import { z } from 'zod';
import { ACTION_STATUSES, type ActionStatus } from '../../../shared/domain/actionStatus';
import { FREQUENCIES, type Frequency } from '../../../shared/domain/periods';
import type { BoardExportInput } from '../../../shared/schema/boardImport';
import { BOARD_EXPORT_FORMAT } from '../http/boardExport';
import { MAX_TITLE_LENGTH } from '../../../shared/protocol';

const text = (max = 20_000) => z.string().max(max);
const iso = z.string().max(40);
const finite = z.number().refine(Number.isFinite, { error: 'must be a finite number' });
const numbers = z.record(z.string().max(20), finite);
const status = z.enum(ACTION_STATUSES as unknown as [ActionStatus, ...ActionStatus[]]);
const unit = z.number().min(0).max(1);

const Goal = z.object({
  id: z.string().max(100),
  name: text(1000),
  unit: text(1000).optional(),
  direction: z.enum(['up', 'down']).optional(),
  kind: z.enum(['success', 'benefit']).optional(),
  owner: text(1000).optional(),
  frequency: z.enum(FREQUENCIES as unknown as [Frequency, ...Frequency[]]).optional(),
  baseline: finite.nullable().optional(),
  description: text(5000).optional(),
  targets: numbers.optional(),
  actuals: numbers.optional(),
  actualLog: z.record(z.string().max(20), z.object({ by: text(200), at: iso })).optional(),
});

const Question = z.object({
  author: text(200),
  text: text(),
  at: iso,
  answers: z.array(z.object({ author: text(200), text: text(), at: iso })).max(100).optional(),
});

const Idea = z.object({
  id: z.string().max(100),
  text: text(),
  author: text(200),
  color: text(64),
  createdAt: iso.optional(),
  round: z.number().int().min(0).max(1_000_000).optional(),
  position: z.object({ effect: unit, resources: unit }).nullable().optional(),
  assessedAt: iso.optional(),
  questions: z.array(Question).max(200).optional(),
});

const Action = z.object({
  id: z.string().max(100),
  title: text(),
  responsible: text(1000).optional(),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' }).nullable().optional(),
  ideaId: z.string().max(100).optional(),
  goalId: z.string().max(100).optional(),
  createdAt: iso.optional(),
  status: status.optional(),
  history: z.array(z.object({ status, at: iso, by: text(200) })).max(1000).optional(),
  archived: z.boolean().optional(),
});

export const BoardImportBody = z.object({
  format: z.literal(BOARD_EXPORT_FORMAT, { error: `format must be "${BOARD_EXPORT_FORMAT}" (a file from GET /api/boards/:id/export.json)` }),
  meta: z.object({
    title: z.string().trim().min(1, { error: 'the board needs a title' }).max(MAX_TITLE_LENGTH, { error: `the title must be at most ${MAX_TITLE_LENGTH} characters` }),
    cadence: z.enum(['weekly', 'monthly']).optional(),
    lastMeetingAt: iso.nullable().optional(),
    actionCapacity: z.number().int().min(0).max(999).nullable().optional(),
  }),
  goals: z.array(Goal).max(1000),
  ideas: z.array(Idea).max(10_000),
  actions: z.array(Action).max(10_000),
  minutes: z.array(z.looseObject({ id: z.string().max(100) })).max(10_000).optional(),
});

/** The body as the import writer takes it, or a message naming the first thing wrong (with its path). */
export function parseBoardImport(body: unknown): { ok: true; board: BoardExportInput } | { ok: false; message: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, message: 'Send the JSON of a board export (GET /api/boards/:id/export.json)' };
  const parsed = BoardImportBody.safeParse(body);
  if (parsed.success) return { ok: true, board: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, message: `${where}${issue.message}` };
}

// One board in (issue 8, "One board out and in"): write a board exported by
// GET /api/boards/:id/export.json into a new, empty document through the named writers, so the
// imported board obeys the same rules and bounds as one built by hand. Ids are new; the links
// between goals, ideas, actions and minutes are carried over to the new ids. What is only about
// the moment of the export — a running meeting, a brainstorm round in progress, presence — is
// not imported: the new board starts between meetings.

import type * as Y from 'yjs';
import { isActionStatus, type ActionStatus } from '../domain/actionStatus';
import { parsePeriod } from '../domain/periods';
import type { Position } from '../domain/zones';
import { BoardLimitError, measureDocumentBytes, MAX_DOCUMENT_BYTES, MAX_ROOT_ENTRIES } from '../limits';
import { initBoard, roots, setActionCapacity, type Cadence } from './board';
import { addGoal, writeMeasurements, setActual, type GoalInput, type EntryStamp } from './goal';
import { addIdea, askQuestion, assessIdea, ideaMap, type Question } from './idea';
import { addAction, setActionArchived, setActionStatus } from './action';
import { ensureMap } from './values';

/** A board as export.json has it (format maaltavle-board-1), reduced to what is imported. */
export interface BoardExportInput {
  meta: { title: string; createdAt?: string; cadence?: Cadence; lastMeetingAt?: string | null; actionCapacity?: number | null };
  goals: (GoalInput & { id: string; targets?: Record<string, number>; actuals?: Record<string, number>; actualLog?: Record<string, EntryStamp> })[];
  ideas: { id: string; text: string; author: string; color: string; createdAt?: string; round?: number; position?: Position | null; assessedAt?: string; questions?: Question[] }[];
  actions: {
    id: string;
    title: string;
    responsible?: string;
    deadline?: string | null;
    ideaId?: string;
    goalId?: string;
    createdAt?: string;
    status?: ActionStatus;
    history?: { status: ActionStatus; at: string; by: string }[];
    archived?: boolean;
  }[];
  /** The minutes as exported (plain records; the readers clean them when they are read). */
  minutes?: Record<string, unknown>[];
}

export interface ImportCounts {
  goals: number;
  ideas: number;
  actions: number;
  minutes: number;
}

/** Minutes entries name actions and goals by id: follow them to their new ids. */
function remapMinutes(entry: Record<string, unknown>, actionIds: Map<string, string>, goalIds: Map<string, string>): Record<string, unknown> {
  const remapList = (list: unknown, key: 'actionId' | 'goalId', ids: Map<string, string>) =>
    Array.isArray(list) ? list.map((item: unknown) => (item && typeof item === 'object' && typeof (item as Record<string, unknown>)[key] === 'string' ? { ...(item as Record<string, unknown>), [key]: ids.get((item as Record<string, string>)[key]!) ?? '' } : item)) : list;
  return {
    ...entry,
    decisions: remapList(entry.decisions, 'actionId', actionIds),
    openActions: remapList(entry.openActions, 'actionId', actionIds),
    goals: remapList(entry.goals, 'goalId', goalIds),
  };
}

/**
 * Fill an empty document with an exported board. Throws BoardLimitError when it does not fit a
 * board's bounds (entries per root, document bytes), RangeError for a number or period the
 * writers refuse; the document is then to be thrown away.
 */
export function writeImportedBoard(doc: Y.Doc, board: BoardExportInput, now = new Date().toISOString()): ImportCounts {
  // One transaction: the writers skip their per-step bounds check inside one (each would encode
  // the whole document again), and the whole is checked once at the end.
  let counts: ImportCounts | null = null;
  doc.transact(() => {
    counts = writeAll(doc, board, now);
  });
  const tooMany = Object.entries(MAX_ROOT_ENTRIES).find(([root, max]) => (roots(doc) as unknown as Record<string, Y.Map<unknown>>)[root]!.size > max);
  if (tooMany) throw new BoardLimitError({ limit: 'entries', root: tooMany[0], max: tooMany[1] });
  if (measureDocumentBytes(doc) > MAX_DOCUMENT_BYTES) throw new BoardLimitError({ limit: 'bytes', max: MAX_DOCUMENT_BYTES });
  return counts!;
}

function writeAll(doc: Y.Doc, board: BoardExportInput, now: string): ImportCounts {
  initBoard(doc, { title: board.meta.title, createdAt: now, cadence: board.meta.cadence });
  if (board.meta.actionCapacity !== undefined) setActionCapacity(doc, board.meta.actionCapacity);
  if (board.meta.lastMeetingAt) roots(doc).meta.set('lastMeetingAt', board.meta.lastMeetingAt);

  const goalIds = new Map<string, string>();
  for (const goal of board.goals) {
    const id = addGoal(doc, { name: goal.name, unit: goal.unit, direction: goal.direction, kind: goal.kind, owner: goal.owner, frequency: goal.frequency, baseline: goal.baseline, description: goal.description });
    goalIds.set(goal.id, id);
    const ofPeriod = (period: string) => parsePeriod(period) !== null;
    const targets = Object.entries(goal.targets ?? {}).filter(([period]) => ofPeriod(period));
    writeMeasurements(doc, id, targets.map(([period, value]) => ({ period, field: 'target' as const, value })));
    // Each actual keeps who entered it and when.
    for (const [period, value] of Object.entries(goal.actuals ?? {})) {
      if (ofPeriod(period)) setActual(doc, id, period, value, goal.actualLog?.[period] ?? { by: '', at: now });
    }
  }

  const ideaIds = new Map<string, string>();
  for (const idea of board.ideas) {
    const id = addIdea(doc, { text: idea.text, author: idea.author, color: idea.color, round: idea.round, createdAt: idea.createdAt });
    ideaIds.set(idea.id, id);
    if (idea.position) assessIdea(doc, id, idea.position, idea.assessedAt ?? now);
    for (const question of idea.questions ?? []) askQuestion(doc, id, question);
  }

  const actionIds = new Map<string, string>();
  for (const action of board.actions) {
    const history = (action.history ?? []).filter((change) => isActionStatus(change.status));
    const first = history[0];
    const ideaId = action.ideaId ? ideaIds.get(action.ideaId) : undefined;
    const id = addAction(doc, {
      title: action.title,
      responsible: action.responsible,
      deadline: action.deadline,
      ideaId,
      goalId: action.goalId ? goalIds.get(action.goalId) : undefined,
      by: first?.by ?? '',
      at: action.createdAt ?? first?.at ?? now,
    });
    actionIds.set(action.id, id);
    // The status history after "decided", in order; an export without history keeps its status.
    const changes = history.length > 1 ? history.slice(1) : action.status && action.status !== 'decided' ? [{ status: action.status, at: now, by: '' }] : [];
    for (const change of changes) setActionStatus(doc, id, change.status, change.by, change.at);
    if (action.archived) setActionArchived(doc, id, true);
    const idea = ideaId ? ideaMap(doc, ideaId) : null;
    if (idea) idea.set('actionId', id);
  }

  let minuteCount = 0;
  const minutes = board.minutes ?? [];
  if (minutes.length > 0) {
    const store = ensureMap(roots(doc).meta, 'meetingMinutes');
    for (const entry of minutes) {
      if (typeof entry.id !== 'string' || !entry.id || store.has(entry.id)) continue;
      store.set(entry.id, JSON.parse(JSON.stringify(remapMinutes(entry, actionIds, goalIds))) as unknown);
      minuteCount++;
    }
  }
  return { goals: goalIds.size, ideas: ideaIds.size, actions: actionIds.size, minutes: minuteCount };
}

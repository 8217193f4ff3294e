// REST for the silent brainstorm's hidden ideas (see shared/domain/drafts.ts for the paths).
//
// The guarantee: a hidden idea's text is never in the board document (so no client, whatever
// token it has and whatever it syncs, can read it), and the server hands a draft only to the
// request that shows the owner's secret draft key. Reveal is the one way into the document: the
// server itself adds every draft as an idea to the loaded room document in one transaction —
// which relays to every client and is stored like any update — and then deletes the drafts.
// Others learn only how many hidden ideas each participant has (brainstorm.hidden, counts).

import type http from 'node:http';
import { z } from 'zod';
import { MAX_HTTP_BODY_BYTES } from '../../../shared/protocol';
import { MAX_TEXT_LENGTH, addIdea, ensureRoomForIdeas, readIdeas, setHiddenCounts } from '../../../shared/schema';
import { BoardLimitError, maxEntriesOf } from '../../../shared/limits';
import { DRAFT_KEY_HEADER, DRAFT_PARTICIPANTS_PER_BOARD_MAX, DRAFTS_PER_BOARD_MAX, DRAFTS_PER_PARTICIPANT_MAX, isDraftKey } from '../../../shared/domain/drafts';
import type { BoardTokens } from '../auth/boardTokens';
import type { Logger } from '../log';
import type { BoardStore } from '../storage/store';
import type { RoomRegistry } from '../sync/rooms';
import type { ApiRoute } from '../http/apiRoute';
import { authorizeBoardEdit, decodeSegment } from '../http/boardAuth';
import { readJsonBody } from '../http/body';
import { HttpError, methodNotAllowed, sendJson } from '../http/responses';
import type { DraftRefusal, DraftStore } from './draftStore';

export const DRAFTS_PATH = /^\/api\/boards\/([^/]+)\/drafts(?:\/([^/]+))?\/?$/;

const DraftBody = z.object({
  text: z.string({ error: 'text must be a string' }).trim().min(1, { error: 'text must not be empty' }).max(MAX_TEXT_LENGTH, { error: `text must be at most ${MAX_TEXT_LENGTH} characters` }),
  author: z.string({ error: 'author must be a string' }).trim().max(60, { error: 'author must be at most 60 characters' }),
  color: z.string().trim().max(32).default(''),
  participantId: z.string({ error: 'participantId must be a string' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'participantId must be 1–64 letters, digits, - or _' }),
  round: z.number().int().min(0).max(1_000_000).default(0),
});

export interface DraftsApiDeps {
  drafts: DraftStore;
  tokens: BoardTokens;
  store: BoardStore;
  rooms: RoomRegistry;
  log: Logger;
}

function draftKey(req: http.IncomingMessage): string {
  const value = req.headers[DRAFT_KEY_HEADER.toLowerCase()];
  const key = Array.isArray(value) ? value[0] : value;
  if (!key) throw new HttpError(400, `Hidden ideas need your draft key in the ${DRAFT_KEY_HEADER} header`);
  if (!isDraftKey(key)) throw new HttpError(400, `${DRAFT_KEY_HEADER} must be at least 128 bits as base64url`);
  return key;
}

const REFUSALS: Record<DraftRefusal['refused'], [status: number, message: string]> = {
  'participant-taken': [403, 'This participant id writes hidden ideas with another draft key on this board; post under your own id'],
  'key-taken': [403, 'This draft key already writes hidden ideas as another participant on this board'],
  'too-many-participants': [429, `At most ${DRAFT_PARTICIPANTS_PER_BOARD_MAX} participants with hidden ideas on a board; reveal first`],
};

export function createDraftsApi({ drafts, tokens, store, rooms, log }: DraftsApiDeps): ApiRoute {
  /** Tell everyone on the board how many hidden ideas each participant has (never the text). */
  async function publishCounts(boardId: string): Promise<void> {
    const room = await rooms.acquire(boardId);
    setHiddenCounts(room.doc, drafts.counts(boardId));
  }

  async function reveal(boardId: string): Promise<number> {
    const all = drafts.all(boardId);
    if (all.length === 0) {
      drafts.removeMany(boardId, []); // frees the participant ids all the same
      return 0;
    }
    const room = await rooms.acquire(boardId);
    // Read again: a draft deleted while the room was loading is not revealed.
    const current = new Set(drafts.all(boardId).map((d) => d.id));
    const revealing = all.filter((d) => current.has(d.id));
    // All or none: the writers inside one transaction do not check the board's bounds, and a
    // reveal that fills the board halfway would leave some of a round hidden and some shown.
    try {
      ensureRoomForIdeas(room.doc, revealing.map((d) => d.text));
    } catch (error) {
      if (!(error instanceof BoardLimitError)) throw error;
      const free = Math.max(0, maxEntriesOf('ideas') - readIdeas(room.doc).length);
      throw new HttpError(413, error.detail.limit === 'entries' ? `The board has room for ${free} more ideas; ${revealing.length} are hidden. Remove some ideas first; the hidden ones stay hidden.` : 'The board is full; remove something first. The hidden ideas stay hidden.');
    }
    room.doc.transact(() => {
      for (const draft of revealing) {
        addIdea(room.doc, { text: draft.text, author: draft.author, color: draft.color, round: draft.round, createdAt: draft.createdAt });
      }
    });
    // Only now (the ideas are in the document and queued for the store): a crash in between
    // shows an idea twice rather than losing it.
    drafts.removeMany(boardId, revealing.map((d) => d.id));
    setHiddenCounts(room.doc, drafts.counts(boardId));
    return revealing.length;
  }

  return async function handleDrafts(req, res, pathname) {
    const match = DRAFTS_PATH.exec(pathname);
    if (!match) return false;
    const boardId = decodeSegment(match[1]!);
    const sub = match[2] === undefined ? null : decodeSegment(match[2]);
    await authorizeBoardEdit(req, boardId, { tokens, store });

    if (sub === 'reveal') {
      if (req.method !== 'POST') throw methodNotAllowed(['POST']);
      const revealed = await reveal(boardId);
      log.info('revealed hidden ideas', { boardId, revealed });
      sendJson(res, 200, { revealed });
      return true;
    }

    const key = draftKey(req);
    if (sub !== null) {
      if (req.method !== 'DELETE') throw methodNotAllowed(['DELETE']);
      // Someone else's draft and no draft at all look the same: 404.
      if (!drafts.remove(boardId, key, sub)) throw new HttpError(404, 'No such hidden idea of yours');
      await publishCounts(boardId);
      sendJson(res, 200, { deleted: sub });
      return true;
    }

    if (req.method === 'GET' || req.method === 'HEAD') {
      sendJson(res, 200, { drafts: drafts.mine(boardId, key) });
      return true;
    }
    if (req.method !== 'POST') throw methodNotAllowed(['GET', 'POST']);
    const body = await readJsonBody(req, MAX_HTTP_BODY_BYTES);
    const parsed = DraftBody.safeParse(body);
    if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Invalid body');
    if (drafts.countFor(boardId, key) >= DRAFTS_PER_PARTICIPANT_MAX) throw new HttpError(429, `At most ${DRAFTS_PER_PARTICIPANT_MAX} hidden ideas per draft key on a board; reveal or delete some first`);
    if (drafts.countBoard(boardId) >= DRAFTS_PER_BOARD_MAX) throw new HttpError(429, `At most ${DRAFTS_PER_BOARD_MAX} hidden ideas on a board; reveal first`);
    const draft = drafts.add(boardId, key, parsed.data, new Date().toISOString());
    if ('refused' in draft) throw new HttpError(...REFUSALS[draft.refused]);
    await publishCounts(boardId);
    sendJson(res, 201, { draft });
    return true;
  };
}

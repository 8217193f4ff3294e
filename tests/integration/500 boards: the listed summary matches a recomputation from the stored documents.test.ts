// Issue 5: the server keeps a summary per board as the board changes, GET /api/boards returns
// it without opening the documents, and it is right: for 500 boards with random content written
// by real clients, the listed summary equals a recomputation from what the store holds — today,
// and on a later day (when only the overdue part moves and still no document is opened).

import { afterAll, beforeAll, expect, test, vi } from 'vitest';

// y-websocket adds a process 'exit' listener per provider in Node.
process.setMaxListeners(64);
import * as Y from 'yjs';
import {
  addAction,
  addGoal,
  addIdea,
  assessIdea,
  endMeeting,
  setActionDeadline,
  setActionStatus,
  setActual,
  setTarget,
  startMeeting,
} from '../../shared/schema';
import { addDays } from '../../shared/domain/calendar';
import { ACTION_STATUSES } from '../../shared/domain/actionStatus';
import type { BoardSummary } from '../../shared/domain/summary';
import { openSqliteStore } from '../../server/src/storage/sqlite';
import type { BoardStore } from '../../server/src/storage/store';
import { publicSummary, summarizeDoc, today } from '../../server/src/boards/summary';
import { ADMIN_TOKEN, connectClient, createBoard, startTestServer, waitFor, withDatabase, type TestServer, type CreatedBoard } from './harness';

const BOARDS = 500;
const PARALLEL = 25;

let server: TestServer;
let documentLoads = 0;

beforeAll(async () => {
  server = await startTestServer({
    idleUnloadMs: 200,
    summaryDelayMs: 100,
    openStore: (defaults) => {
      const store = openSqliteStore(defaults);
      const counted: BoardStore = {
        ...store,
        loadUpdates: (id) => {
          documentLoads++;
          return store.loadUpdates(id);
        },
      };
      return counted;
    },
  });
});
afterAll(async () => {
  await server.close();
});

function xorshift(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** Random content, as people would make it: goals with numbers, ideas (some assessed), actions around today, meetings. */
function writeRandomContent(doc: Y.Doc, random: () => number, day: string): { ideas: number; actions: number } {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const people = ['Anna', 'Bo', 'Erik', 'Hanne', 'Peter', 'Ulla', ''];
  const ideas = Math.floor(random() * 9);
  const actions = Math.floor(random() * 8);
  doc.transact(() => {
    for (let g = Math.floor(random() * 4); g > 0; g--) {
      const goal = addGoal(doc, { name: `Mål ${g}`, unit: pick(['%', 'dage', '']), direction: random() < 0.7 ? 'up' : 'down' });
      for (let m = 1; m <= 1 + Math.floor(random() * 10); m++) {
        const period = `2026-${String(m).padStart(2, '0')}`;
        if (random() < 0.9) setTarget(doc, goal, period, 50 + m * 2);
        if (random() < 0.8) setActual(doc, goal, period, 40 + Math.floor(random() * 40), { by: pick(people) });
      }
    }
    for (let i = 0; i < ideas; i++) {
      const idea = addIdea(doc, { text: `Idé ${i}`, author: pick(people), color: '#fff3a3' });
      if (random() < 0.5) assessIdea(doc, idea, { effect: random(), resources: random() });
    }
    for (let a = 0; a < actions; a++) {
      const id = addAction(doc, { title: `Handling ${a} | "${pick(people)}"`, responsible: pick(people), by: 'Anna' });
      if (random() < 0.85) setActionDeadline(doc, id, addDays(day, Math.floor(random() * 40) - 20));
      setActionStatus(doc, id, pick(ACTION_STATUSES), pick(people));
    }
  });
  if (random() < 0.3) {
    startMeeting(doc, { by: 'Anna', at: new Date().toISOString() });
    endMeeting(doc, { by: 'Anna', at: new Date().toISOString() });
  }
  return { ideas, actions };
}

interface Listed {
  id: string;
  summary: BoardSummary;
}

async function list(): Promise<Listed[]> {
  const response = await fetch(`${server.url}/api/boards`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as Listed[];
}

/** Every board's summary computed again from the updates the store holds (read straight from SQLite). */
function recompute(ids: readonly string[], day: string): Map<string, BoardSummary> {
  return withDatabase(server.dataDir, (db) => {
    const select = db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE board_id = ? ORDER BY seq');
    const result = new Map<string, BoardSummary>();
    for (const id of ids) {
      const doc = new Y.Doc();
      for (const row of select.all(id)) Y.applyUpdate(doc, row.data);
      result.set(id, publicSummary(summarizeDoc(doc, day).summary));
      doc.destroy();
    }
    return result;
  });
}

test(
  `${BOARDS} boards with random content: the listed summary matches the stored documents, today and on a later day, without opening a document`,
  async () => {
    const day = today();
    const boards: CreatedBoard[] = [];
    for (let i = 0; i < BOARDS; i += PARALLEL) {
      boards.push(...(await Promise.all(Array.from({ length: Math.min(PARALLEL, BOARDS - i) }, (_, j) => createBoard(server.url, `Tavle ${i + j}`)))));
    }

    // Real clients write the content, PARALLEL boards at a time.
    const written = new Map<string, { ideas: number; actions: number }>();
    for (let i = 0; i < boards.length; i += PARALLEL) {
      await Promise.all(
        boards.slice(i, i + PARALLEL).map(async (board, j) => {
          const client = connectClient(server.syncUrl, board.id, board.tokens.edit);
          try {
            await client.firstSync;
            written.set(board.id, writeRandomContent(client.doc, xorshift(i + j + 1), day));
          } finally {
            client.destroy();
          }
        }),
      );
    }
    // Every room is unloaded only after all its messages were applied, and unloading stores the summary.
    await waitFor(() => server.stats().rooms === 0 && server.stats().connections === 0, { timeout: 30_000, what: 'every board to be unloaded' });

    const ids = boards.map((b) => b.id);
    const expected = recompute(ids, day);
    // The recomputation really sees the written content (so "both empty" cannot pass).
    for (const [id, content] of written) {
      const summary = expected.get(id)!;
      expect(summary.ideas).toBe(content.ideas);
      expect(Object.values(summary.actions).reduce((a, b) => a + b, 0)).toBe(content.actions);
    }
    const withOverdue = [...expected.values()].filter((s) => s.overdue > 0).length;
    expect(withOverdue).toBeGreaterThan(50);
    expect([...expected.values()].filter((s) => s.lastMeetingAt !== null).length).toBeGreaterThan(50);

    documentLoads = 0;
    const listed = await list();
    expect(documentLoads).toBe(0);
    expect(listed).toHaveLength(BOARDS);
    for (const entry of listed) expect(entry.summary, entry.id).toEqual(expected.get(entry.id));

    // Ten days later (the server's clock moved on; its timers did not): the stored summaries are
    // of another day. Only the overdue part changes, derived from the stored rows: still no
    // document is opened, and the result equals a recomputation as of that day.
    const later = addDays(day, 10);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.now() + 10 * 86_400_000));
      expect(today()).toBe(later);
      const expectedLater = recompute(ids, later);
      expect([...expectedLater.values()].filter((s) => s.overdue > 0).length).toBeGreaterThan(withOverdue);
      documentLoads = 0;
      const listedLater = await list();
      expect(documentLoads).toBe(0);
      for (const entry of listedLater) expect(entry.summary, entry.id).toEqual(expectedLater.get(entry.id));
    } finally {
      vi.useRealTimers();
    }
  },
  120_000,
);

// Seeding boards for the browser tests through a real y-websocket client in the test process
// (the same protocol the browser speaks), with the named verbs of shared/schema.
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { expect } from '@playwright/test';
import { addDays, dateInZone } from '../../shared/domain/calendar';
import { addPeriods, periodOfDate } from '../../shared/domain/periods';
import { addAction, addGoal, addIdea, assessIdea, setActionDeadline, setActionResponsible, setActionStatus, setActual, setTarget } from '../../shared/schema';

/** A y-websocket client in the test process, as the browser uses it: for seeding and load. */
export function nodeClient(serverUrl: string, boardId: string, token: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl.replace(/^http/, 'ws') + '/sync', boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (isSynced) {
        provider.off('sync', onSync);
        resolve();
      }
    };
    provider.on('sync', onSync);
  });
  return {
    doc,
    provider,
    synced,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export type NodeClient = ReturnType<typeof nodeClient>;

export const today = () => dateInZone(new Date());

/** Write `seed` into a board and wait until a second client sees it (so the server has it). */
export async function seedBoard(serverUrl: string, board: { id: string; tokens: { edit: string } }, seed: (doc: Y.Doc) => void, seen: (doc: Y.Doc) => boolean): Promise<void> {
  const writer = nodeClient(serverUrl, board.id, board.tokens.edit);
  try {
    await writer.synced;
    seed(writer.doc);
    const check = nodeClient(serverUrl, board.id, board.tokens.edit);
    await check.synced;
    await expect.poll(() => seen(check.doc)).toBe(true);
    check.destroy();
  } finally {
    writer.destroy();
  }
}

/** The twelve ideas of the Borgerservice team, with where they were put on the grid (null: not yet). */
export const BORGERSERVICE_IDEAS: [string, string, number | null, number | null][] = [
  ['Kampagne på biblioteket om digitale ansøgninger', 'Mette', 0.8, 0.3],
  ['Ring til borgere der stadig sender papiransøgninger', 'Lars', 0.7, 0.8],
  ['Skærm i venteområdet med vejledning', 'Mette', 0.3, 0.6],
  ['Hjælp til pårørende med digital fuldmagt', 'Lars', 0.8, 0.3],
  ['Tjek adresser i CPR før udsendelse', 'Mette', 0.8, 0.3],
  ['Selvbetjeningsløsningen skal virke på mobilen', 'Lars', 0.9, 0.9],
  ['Fast tid til sagsbehandlingstidsopfølgning hver fredag', 'Mette', 0.6, 0.2],
  ['Færre felter i ansøgningsskemaet', 'Lars', 0.7, 0.6],
  ['Digitaliseringsambassadører i hvert team', 'Mette', 0.4, 0.3],
  ['Tydeligere breve om afgørelser', 'Lars', 0.2, 0.2],
  ['Chatbot på hjemmesiden', 'Mette', null, null],
  ['Åbent hus for borgere over 75', 'Lars', null, null],
];

/**
 * The board issue 9 was walked with: a Borgerservice team following "Andel digitale ansøgninger"
 * (higher is better, under target) and "Sagsbehandlingstid" (lower is better, over target four
 * months running), twelve ideas (three on the same spot, two not assessed) and three actions, one
 * of them overdue.
 */
export function seedBorgerservice(doc: Y.Doc): void {
  const month = periodOfDate(today(), 'monthly');
  const share = addGoal(doc, { name: 'Andel digitale ansøgninger', unit: '%', direction: 'up', owner: 'Mette' });
  const time = addGoal(doc, { name: 'Sagsbehandlingstid', unit: 'dage', direction: 'down', owner: 'Lars' });
  const shareTargets = [60, 62, 64, 66, 68, 70, 72, 74, 76, 78, 80, 80];
  const shareActuals = [58, 61, 65, 66, 69, 70, 71, 70, 66, 63, 61, 59.5];
  const timeTargets = [9, 8.8, 8.6, 8.4, 8.2, 8, 7.8, 7.6, 7.4, 7.2, 7.1, 7.1];
  const timeActuals = [9.2, 8.9, 8.5, 8.3, 8.1, 7.9, 7.7, 7.9, 7.8, 7.6, 7.5, 7.5];
  for (let i = 0; i < 12; i++) {
    const period = addPeriods(month, i - 12);
    setTarget(doc, share, period, shareTargets[i]!);
    setActual(doc, share, period, shareActuals[i]!, { by: 'Mette' });
    setTarget(doc, time, period, timeTargets[i]!);
    setActual(doc, time, period, timeActuals[i]!, { by: 'Lars' });
  }
  const start = Date.now() - 3 * 86_400_000;
  BORGERSERVICE_IDEAS.forEach(([text, author, effect, resources], i) => {
    const id = addIdea(doc, { text, author, color: i % 2 ? '#cdeffd' : '#fff3a3', createdAt: new Date(start + i * 60_000).toISOString() });
    if (effect !== null && resources !== null) assessIdea(doc, id, { effect, resources });
  });
  const campaign = addAction(doc, { title: 'Kampagne på biblioteket om digitale ansøgninger', responsible: 'Mette', by: 'Mette' });
  setActionDeadline(doc, campaign, addDays(today(), 20));
  setActionStatus(doc, campaign, 'started', 'Mette');
  const letters = addAction(doc, { title: 'Tydeligere breve om afgørelser', by: 'Lars' });
  setActionResponsible(doc, letters, 'Lars');
  setActionDeadline(doc, letters, addDays(today(), -5));
  const measure = addAction(doc, { title: 'Måling af sagsbehandlingstid', responsible: 'Ulla', by: 'Lars' });
  setActionDeadline(doc, measure, addDays(today(), 35));
}

/** Every item of a seeded board has arrived: two goals, twelve ideas, three actions. */
export const borgerserviceSeen = (doc: Y.Doc) => doc.getMap('goals').size === 2 && doc.getMap('ideas').size === 12 && doc.getMap('actions').size === 3;

// Boards and real clients for each server: y-websocket's WebsocketProvider for ours and the
// reference (the client library our SPA uses), @hocuspocus/provider for Hocuspocus, whose
// protocol differs (document name and auth frames around the y-protocols messages).

import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { ADMIN_TOKEN, isOurs, type ServerProcess, type Target } from './servers';

/** What a client needs to open a board on a server. */
export interface BoardHandle {
  /** Board id (ours) or document name (reference, Hocuspocus). */
  name: string;
  /** Our edit token; the peers have no auth. */
  token?: string;
  /** Ours: the board's edit link (links.edit), for a browser. */
  editLink?: string;
}

export interface BenchClient {
  doc: Y.Doc;
  /** performance.now() of the first 'sync'/'synced' event. */
  firstSync: Promise<number>;
  /** Called synchronously inside the first sync event (to read the document at that moment). */
  onFirstSync(listener: () => void): void;
  destroy(): void;
}

/** Creates a board. Ours through the REST API (it must exist and needs its edit token). */
export async function createBoard(server: ServerProcess, index: number, label: string): Promise<BoardHandle> {
  if (!isOurs(server.target)) return { name: `${label}-${index}` };
  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/boards`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: `${label} ${index}` }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = await response.text();
    if (response.status === 201) {
      const created = JSON.parse(body) as { id: string; tokens: { edit: string }; links?: { edit?: string } };
      return { name: created.id, token: created.tokens.edit, editLink: created.links?.edit };
    }
    lastError = `${response.status} ${body}`;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`could not create a board on our server: ${lastError}`);
}

export function connectClient(target: Target, port: number, board: BoardHandle): BenchClient {
  const doc = new Y.Doc();
  const listeners: (() => void)[] = [];
  let resolveSync!: (t: number) => void;
  const firstSync = new Promise<number>((resolve) => (resolveSync = resolve));
  let synced = false;
  const onSynced = () => {
    if (synced) return;
    synced = true;
    const t = performance.now();
    for (const listener of listeners) listener();
    resolveSync(t);
  };

  if (target === 'hocuspocus') {
    const provider = new HocuspocusProvider({
      url: `ws://127.0.0.1:${port}`,
      name: board.name,
      document: doc,
      WebSocketPolyfill: WebSocket,
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    provider.on('synced', ({ state }: { state: boolean }) => {
      if (state) onSynced();
    });
    return {
      doc,
      firstSync,
      onFirstSync: (listener) => listeners.push(listener),
      destroy: () => {
        provider.destroy();
        doc.destroy();
      },
    };
  }

  const provider = new WebsocketProvider(
    isOurs(target) ? `ws://127.0.0.1:${port}/sync` : `ws://127.0.0.1:${port}`,
    board.name,
    doc,
    {
      params: board.token ? { token: board.token } : {},
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      // BroadcastChannel would sync clients of this one process with each other, bypassing the server.
      disableBc: true,
    },
  );
  provider.on('sync', (isSynced: boolean) => {
    if (isSynced) onSynced();
  });
  return {
    doc,
    firstSync,
    onFirstSync: (listener) => listeners.push(listener),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves with the value, or rejects after `ms` (so no wait in the benchmark is unbounded). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    }),
  ]);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// One open board: the Y.Doc, its websocket provider, the offline copy in IndexedDB, and the
// connection state the UI shows. Nothing here knows React.

import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { MessageType, SAVE_STATE_PARAM, SYNC_PATH, SaveState, capabilityOfToken, stopsReconnecting, type Capability } from '../../../shared/protocol';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'denied';

export interface ConnectionState {
  status: ConnectionStatus;
  /** True once the server's state has arrived at least once. */
  synced: boolean;
  /** True once the IndexedDB copy has been loaded. */
  localLoaded: boolean;
  /**
   * Close code when the client stopped for good: the server refused the link (4401, 4403,
   * 4404), or this browser holds a change the server will never take (4413 past the board's
   * bounds, 1009 over the frame limit; issue 8): see `meansUnstorableChange`.
   */
  deniedCode: number | null;
  /**
   * Whether what this browser shows is stored on the server, as far as it can know (issue 8.1):
   * false while the server says it cannot store (a full disk), and false while this browser has
   * changes made when it was not connected and synced (offline, connecting, reconnecting) until
   * it is again. Without such changes, a dropped connection alone does not make it false.
   */
  saved: boolean;
  /** The server's last word on storing (MessageType.saveState); true until it says otherwise. */
  serverSaved: boolean;
}

export interface BoardConnection {
  boardId: string;
  capability: Capability;
  doc: Y.Doc;
  awareness: Awareness;
  state: StoreApi<ConnectionState>;
  /**
   * Throw away this browser's copy of the board (IndexedDB), then load the page again: the
   * board comes afresh from the server. The way out after 4413/1009 (issue 8): the refused
   * change is in the local copy and would go to the server with every sync.
   */
  discardLocalCopy: () => Promise<void>;
  destroy: () => void;
}

export function syncOrigin(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${SYNC_PATH}`;
}

/**
 * ConnectionState.saved from its inputs: the server's last word (MessageType.saveState), and
 * changes made here while not connected and synced. Once live again those are on the wire: the
 * server's sync step 1 came before its step 2 and was answered with them (while the server
 * cannot store, it holds its step 1 back and says "not saved"; it sends both when it recovers).
 */
export function createSaveTracker(isLive: () => boolean, publish: (saved: boolean, serverSaved: boolean) => void) {
  let serverSaved = true;
  let unsentLocal = false;
  const update = () => {
    if (isLive()) unsentLocal = false;
    publish(serverSaved && !unsentLocal, serverSaved);
  };
  return {
    serverSays(saved: boolean) {
      serverSaved = saved;
      update();
    },
    localChange() {
      if (isLive()) return;
      unsentLocal = true;
      update();
    },
    /** Call when the connection synced (or dropped). */
    liveChanged: update,
  };
}

export function openBoard(boardId: string, token: string): BoardConnection {
  const doc = new Y.Doc();
  const capability = capabilityOfToken(token) ?? 'view';
  const state = createStore<ConnectionState>(() => ({ status: 'connecting', synced: false, localLoaded: false, deniedCode: null, saved: true, serverSaved: true }));
  const local = new IndexeddbPersistence(`maaltavle:${boardId}`, doc);
  local.whenSynced.then(() => state.setState({ localLoaded: true })).catch(() => state.setState({ localLoaded: true }));

  const provider = new WebsocketProvider(syncOrigin(), boardId, doc, {
    params: { token, [SAVE_STATE_PARAM]: '1' },
    maxBackoffTime: 5000,
    // 1009 too: reconnecting would send the same oversized update again, for ever (issue 8).
    shouldReconnect: (event) => !stopsReconnecting(event.code),
  });
  let everOnline = false;

  const live = () => provider.wsconnected && provider.synced;
  const saving = createSaveTracker(live, (saved, serverSaved) => state.setState({ saved, serverSaved }));
  provider.messageHandlers[MessageType.saveState] = (_encoder, decoder) => saving.serverSays(decoding.readVarUint(decoder) === SaveState.saved);
  const onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && origin !== local) saving.localChange();
  };
  doc.on('update', onLocalUpdate);

  const offlineOr = (status: ConnectionStatus): ConnectionStatus => (navigator.onLine ? status : 'offline');
  provider.on('status', ({ status }) => {
    if (state.getState().status === 'denied') return;
    if (status === 'connected') {
      everOnline = true;
      state.setState({ status: 'online' });
    } else {
      state.setState({ status: offlineOr(everOnline ? 'reconnecting' : 'connecting') });
    }
  });
  provider.on('sync', (synced) => {
    if (synced) state.setState({ synced: true });
    saving.liveChanged();
  });
  provider.on('closed', (event) => state.setState({ status: 'denied', deniedCode: event.code }));
  const onOffline = () => state.getState().status !== 'denied' && state.setState({ status: 'offline' });
  const onOnline = () => state.getState().status === 'offline' && state.setState({ status: 'reconnecting' });
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);

  return {
    boardId,
    capability,
    doc,
    awareness: provider.awareness,
    state,
    discardLocalCopy: async () => {
      provider.disconnect();
      try {
        await local.clearData();
      } finally {
        window.location.reload();
      }
    },
    destroy: () => {
      doc.off('update', onLocalUpdate);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}

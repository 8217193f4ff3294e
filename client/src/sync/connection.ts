// One open board: the Y.Doc, its websocket provider, the offline copy in IndexedDB, and the
// connection state the UI shows. Nothing here knows React.

import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { SYNC_PATH, capabilityOfToken, type Capability } from '../../../shared/protocol';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'denied';

export interface ConnectionState {
  status: ConnectionStatus;
  /** True once the server's state has arrived at least once. */
  synced: boolean;
  /** True once the IndexedDB copy has been loaded. */
  localLoaded: boolean;
  /** Close code when the server refused the link for good (4401, 4403, 4404). */
  deniedCode: number | null;
}

export interface BoardConnection {
  boardId: string;
  capability: Capability;
  doc: Y.Doc;
  awareness: Awareness;
  state: StoreApi<ConnectionState>;
  destroy: () => void;
}

export function syncOrigin(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${SYNC_PATH}`;
}

export function openBoard(boardId: string, token: string): BoardConnection {
  const doc = new Y.Doc();
  const capability = capabilityOfToken(token) ?? 'view';
  const state = createStore<ConnectionState>(() => ({ status: 'connecting', synced: false, localLoaded: false, deniedCode: null }));
  const local = new IndexeddbPersistence(`maaltavle:${boardId}`, doc);
  local.whenSynced.then(() => state.setState({ localLoaded: true })).catch(() => state.setState({ localLoaded: true }));

  const provider = new WebsocketProvider(syncOrigin(), boardId, doc, { params: { token }, maxBackoffTime: 5000 });
  let everOnline = false;

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
    destroy: () => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}

// One open board: its Y.Doc and awareness, the connections on it, and what keeps the store in
// step with it (every update appended, compaction past a threshold, the leader summary).

import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { MessageType, SaveState, type Capability } from '../../../shared/protocol';
import type { Logger } from '../log';
import type { SyncMetrics } from '../metrics';
import type { BoardStore, StoreHealth } from '../storage/store';
import { roots } from '../../../shared/schema';
import { summarizeDoc, today } from '../boards/summary';
import { encodeIntegratedState, MAX_PENDING_BYTES, pendingBytes, type BoardLimit } from '../../../shared/limits';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, type ClientMessage } from './frames';
import { checkAwarenessUpdate, type AwarenessDrop } from './awareness';
import { addsContent, exceededBound } from './bounds';

/** What a room needs of a connection. */
export interface Peer {
  readonly id: number;
  readonly capability: Capability;
  /** Asked for MessageType.saveState frames (`?saveState=1`). */
  readonly wantsSaveState?: boolean;
  send(frame: Uint8Array): void;
}

/** MessageType.saveState: saved while the store writes; not saved while it keeps updates in memory. */
export function encodeSaveState(health: Pick<StoreHealth, 'writable'>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.saveState);
  encoding.writeVarUint(encoder, health.writable ? SaveState.saved : SaveState.notSaved);
  return encoding.toUint8Array(encoder);
}

export interface RoomOptions {
  /** Stored updates after which the board is compacted into one state. */
  compactAfterUpdates: number;
  /** Longest the stored summary lags behind the document while the room is open. */
  summaryDelayMs: number;
  /** How long a room without connections stays in memory. */
  idleUnloadMs: number;
}

export interface RoomDeps {
  store: BoardStore;
  log: Logger;
  metrics: SyncMetrics;
  options: RoomOptions;
  /** Called when the room has had no connections for idleUnloadMs. */
  onIdle(room: Room): void;
}

/**
 * How a message was handled: `ignored` is a document update from a view connection; `refused`
 * is one from an editor that would change the board while the store cannot take it (not applied;
 * the caller closes the connection with CloseCode.cannotStore); `overBounds` one that would take
 * the board past its bounds (not applied; CloseCode.boardFull); `unappliable` one whose content
 * waits for dependencies past MAX_PENDING_BYTES (that content dropped; CloseCode.malformed).
 */
export type ReceiveResult = 'ok' | 'ignored' | 'refused' | 'overBounds' | 'unappliable';

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** Each peer with the awareness client ids it controls, removed when it leaves. */
  private readonly peers = new Map<Peer, Set<number>>();
  /** Who introduced each awareness client id present: only that connection may change it. */
  private readonly awarenessOwners = new Map<number, Peer>();
  /** Peers whose dropped awareness was logged already (once per connection). */
  private readonly awarenessWarned = new WeakSet<Peer>();
  /** Editors that joined while the store refused updates: they get our sync step 1 once it accepts again. */
  private readonly owedStep1 = new Set<Peer>();
  private readonly stopWatchingStore: () => void;
  private updatesSinceCompaction: number;
  private compactionQueued = false;
  private summaryTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** When the document last changed and the stored summary does not know it yet. */
  private unsavedChangeAt: string | null = null;
  /**
   * The summary last computed, and whether anything it reads changed since. Most updates (text
   * typed into a post-it, a post-it dragged on the grid) cannot change it, and reading the whole
   * board for each of them was the server's main CPU cost with many active boards.
   */
  private lastSummary: (ReturnType<typeof summarizeDoc> & { day: string }) | null = null;
  private summaryStale = true;
  private closed = false;

  /** A stored row was junk: compact even if nothing changes, so the junk goes. */
  private storeNeedsCompaction: boolean;

  constructor(
    readonly id: string,
    doc: Y.Doc,
    stored: { rows: number; skipped: number },
    private readonly deps: RoomDeps,
  ) {
    this.doc = doc;
    this.awareness = new Awareness(doc);
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.updatesSinceCompaction = stored.rows;
    this.storeNeedsCompaction = stored.skipped > 0;
    // Stored before issue 8, a compacted state could hold content that can never apply: drop it,
    // and compact so the store loses it too.
    if (pendingBytes(doc) > 0) {
      deps.log.warn('dropped stored content that cannot apply', { boardId: id, bytes: pendingBytes(doc) });
      this.dropPending();
      this.storeNeedsCompaction = true;
    }
    doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.stopWatchingStore = deps.store.onHealthChange(this.onStoreHealth);
    const { meta, goals, ideas, actions } = roots(doc);
    const markSummaryStale = () => {
      this.summaryStale = true;
    };
    for (const root of [meta, goals, actions]) root.observeDeep(markSummaryStale);
    // The summary counts ideas: only ideas added or removed matter, not their contents.
    ideas.observe(markSummaryStale);
    if (stored.rows > deps.options.compactAfterUpdates || this.storeNeedsCompaction) this.queueCompaction();
    this.startIdleTimer();
  }

  get size(): number {
    return this.peers.size;
  }

  /**
   * Start serving a peer. An editor gets our state vector, so it sends what we lack; a viewer
   * does not, as we would drop its answer anyway. Both learn who is here.
   */
  attach(peer: Peer): void {
    if (this.closed) throw new Error(`room ${this.id} is closed`);
    this.peers.set(peer, new Set());
    this.stopIdleTimer();
    const health = this.deps.store.health();
    if (peer.capability === 'edit') {
      // While the store refuses, an editor still gets the board (our step 2 to its step 1) but
      // not our step 1: its answer would carry edits we could not store. It gets it later.
      if (health.accepting) peer.send(encodeSyncStep1(this.doc));
      else this.owedStep1.add(peer);
    }
    if (peer.wantsSaveState) peer.send(encodeSaveState(health));
    const clients = [...this.awareness.getStates().keys()];
    if (clients.length > 0) peer.send(encodeAwareness(this.awareness, clients));
  }

  detach(peer: Peer): void {
    const clients = this.peers.get(peer);
    if (!clients) return;
    this.peers.delete(peer);
    this.owedStep1.delete(peer);
    if (clients.size > 0) removeAwarenessStates(this.awareness, [...clients], null);
    if (this.peers.size === 0) this.startIdleTimer();
  }

  /** Handle one decoded message. Throws when its content is malformed (the caller closes the peer). */
  receive(peer: Peer, message: ClientMessage): ReceiveResult {
    switch (message.type) {
      case 'sync-step1':
        peer.send(encodeSyncStep2(this.doc, message.stateVector));
        return 'ok';
      case 'sync-step2':
      case 'update':
        if (peer.capability !== 'edit') return 'ignored';
        // Do not apply what the store could not keep; an update that changes nothing is harmless.
        if (!this.deps.store.health().accepting) return this.wouldChange(message.update) ? 'refused' : 'ok';
        {
          // Checked before applying: Yjs cannot take an update back.
          const bound = exceededBound(this.doc, message.update);
          if (bound) {
            this.logBound(peer, bound, message.update);
            return 'overBounds';
          }
        }
        Y.applyUpdate(this.doc, message.update, peer);
        if (pendingBytes(this.doc) > MAX_PENDING_BYTES) {
          this.deps.log.warn('dropped content that waits for updates that never came', { boardId: this.id, conn: peer.id, bytes: pendingBytes(this.doc) });
          this.dropPending();
          return 'unappliable';
        }
        return 'ok';
      case 'awareness': {
        const check = checkAwarenessUpdate(message.update, peer, this.awarenessOwners, this.peers.get(peer) ?? new Set<number>());
        if (check.dropped.length > 0) this.logDroppedAwareness(peer, check.dropped);
        if (check.update) applyAwarenessUpdate(this.awareness, check.update, peer);
        return 'ok';
      }
      case 'query-awareness':
        peer.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        return 'ok';
    }
  }

  /** The store started or stopped writing, or refusing: tell who asked, and owe no editor our step 1. */
  private readonly onStoreHealth = (health: StoreHealth): void => {
    if (this.closed) return;
    // Step 1 first: the client answers it with its unsent edits before it hears "saved".
    if (health.accepting && this.owedStep1.size > 0) {
      const step1 = encodeSyncStep1(this.doc);
      for (const peer of this.owedStep1) this.safeSend(peer, step1);
      this.owedStep1.clear();
    }
    const frame = encodeSaveState(health);
    for (const peer of this.peers.keys()) {
      if (peer.wantsSaveState) this.safeSend(peer, frame);
    }
  };

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Runs inside Yjs's transaction cleanup: a throw here would surface as the sender's fault.
    // The store never throws for a failing disk (it keeps the update in memory); this catches a
    // closed store during shutdown.
    this.deps.metrics.updateApplied();
    try {
      this.deps.store.appendUpdate(this.id, update);
    } catch (error) {
      this.deps.log.error('could not queue an update for storage', { boardId: this.id, error });
    }
    const frame = encodeUpdate(update);
    for (const peer of this.peers.keys()) {
      if (peer !== origin) this.safeSend(peer, frame);
    }
    this.unsavedChangeAt = new Date().toISOString();
    this.scheduleSummary();
    if (++this.updatesSinceCompaction > this.deps.options.compactAfterUpdates) this.queueCompaction();
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const controlled = this.peers.get(origin as Peer);
    if (controlled) {
      for (const client of added) {
        controlled.add(client);
        this.awarenessOwners.set(client, origin as Peer);
      }
      for (const client of removed) controlled.delete(client);
    }
    for (const client of removed) this.awarenessOwners.delete(client);
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    // Echoed to the sender too: y-websocket clients treat 30 s without any message as a dead
    // link, and their own awareness renewal coming back is what a lone client hears.
    const frame = encodeAwareness(this.awareness, changed);
    for (const peer of this.peers.keys()) this.safeSend(peer, frame);
  };

  /** Content waiting for dependencies goes: it is never sent, stored, or kept past MAX_PENDING_BYTES. */
  private dropPending(): void {
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
  }

  private logBound(peer: Peer, bound: BoardLimit, update: Uint8Array): void {
    this.deps.log.warn('refused an update past the board’s bounds', { boardId: this.id, conn: peer.id, ...bound, bytes: update.byteLength });
  }

  private logDroppedAwareness(peer: Peer, dropped: AwarenessDrop[]): void {
    this.deps.metrics.refused('awareness_invalid');
    if (this.awarenessWarned.has(peer)) return;
    this.awarenessWarned.add(peer);
    this.deps.log.warn('dropped awareness that does not fit the presence schema', { boardId: this.id, conn: peer.id, reasons: [...new Set(dropped)] });
  }

  private safeSend(peer: Peer, frame: Uint8Array): void {
    try {
      peer.send(frame);
    } catch (error) {
      this.deps.log.warn('could not send to a connection', { boardId: this.id, conn: peer.id, error });
    }
  }

  private startIdleTimer(): void {
    this.stopIdleTimer();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.peers.size === 0 && !this.closed) this.deps.onIdle(this);
    }, this.deps.options.idleUnloadMs);
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private scheduleSummary(): void {
    if (this.summaryTimer || this.closed) return;
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = null;
      this.saveSummary().catch((error) => this.deps.log.error('could not save the board summary', { boardId: this.id, error }));
    }, this.deps.options.summaryDelayMs);
  }

  private async saveSummary(): Promise<void> {
    const changedAt = this.unsavedChangeAt;
    this.unsavedChangeAt = null;
    const day = today();
    if (this.summaryStale || !this.lastSummary || this.lastSummary.day !== day) {
      this.lastSummary = { ...summarizeDoc(this.doc, day), day };
      this.summaryStale = false;
    }
    const { title, summary } = this.lastSummary;
    await this.deps.store.saveSummary(this.id, {
      title: title || undefined,
      summary,
      summaryDate: day,
      updatedAt: changedAt ?? undefined,
    });
  }

  private queueCompaction(): void {
    // A store that cannot write would only put it off; the next update after it recovers compacts.
    if (this.compactionQueued || this.closed || !this.deps.store.health().writable) return;
    this.compactionQueued = true;
    // Not inside the update that crossed the threshold: let the current message finish first.
    setImmediate(() => {
      this.compactionQueued = false;
      if (this.closed) return;
      this.compact().catch((error) => this.deps.log.error('could not compact the board', { boardId: this.id, error }));
    });
  }

  /** Replace the stored updates by the current state. */
  async compact(): Promise<void> {
    const rows = this.updatesSinceCompaction;
    const storeNeededIt = this.storeNeedsCompaction;
    // Counted from the moment the state is taken: updates after it are new rows.
    this.updatesSinceCompaction = 1;
    this.storeNeedsCompaction = false;
    const state = encodeIntegratedState(this.doc);
    let done = false;
    try {
      done = await this.deps.store.compact(this.id, state);
    } finally {
      if (!done) {
        // Put off (the store cannot write): the rows and the queue are as they were.
        this.updatesSinceCompaction += rows - 1;
        this.storeNeedsCompaction ||= storeNeededIt;
      }
    }
    if (done) this.deps.log.info('compacted board', { boardId: this.id, rows, bytes: state.byteLength });
    else this.deps.log.debug('compaction put off: the store cannot write now', { boardId: this.id, rows });
  }

  /**
   * Whether applying an update would change the document: items it lacks, or deletions of items
   * not deleted yet. Used only while the store refuses updates, so its cost does not matter.
   */
  wouldChange(update: Uint8Array): boolean {
    if (this.wouldAddContent(update)) return true;
    try {
      const { ds } = Y.decodeUpdate(update);
      if (ds.clients.size === 0) return false;
      const ours = Y.snapshot(this.doc).ds.clients;
      for (const [client, ranges] of ds.clients) {
        const deleted = ours.get(client) ?? [];
        for (const { clock, len } of ranges) {
          if (!deleted.some((have) => have.clock <= clock && clock + len <= have.clock + have.len)) return true;
        }
      }
      return false;
    } catch {
      return true;
    }
  }

  /** Whether an update holds items this document does not have (deletions are not counted). */
  wouldAddContent(update: Uint8Array): boolean {
    try {
      return addsContent(this.doc, update);
    } catch {
      return true;
    }
  }

  /** For the leader overview: the summary as of `day`, computed from the live document. */
  summarize(day: string) {
    return summarizeDoc(this.doc, day);
  }

  /** Stop serving: no timers, peers or store listener are left; the document is still whole. */
  private stop(): void {
    this.closed = true;
    this.stopIdleTimer();
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    this.summaryTimer = null;
    for (const peer of [...this.peers.keys()]) this.detach(peer);
    this.stopIdleTimer();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.stopWatchingStore();
    this.owedStep1.clear();
  }

  /** The board was deleted: release the document without storing anything. */
  discard(): void {
    if (this.closed) return;
    this.stop();
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Store everything (compacted) and the summary, then release the document. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.stop();
    try {
      if (this.updatesSinceCompaction > 1 || this.storeNeedsCompaction) await this.compact();
      await this.saveSummary();
    } finally {
      this.awareness.destroy();
      this.doc.destroy();
    }
  }
}

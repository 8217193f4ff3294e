// Which boards are open in memory. A board is loaded once however many connections ask at the
// same time, unloaded when idle, and never loaded again before its unloading has been stored.

import type * as Y from 'yjs';
import type { Logger } from '../log';
import { noMetrics, type SyncMetrics } from '../metrics';
import type { BoardStore } from '../storage/store';
import { loadDoc } from '../storage/loadDoc';
import { Room, type RoomOptions } from './room';

export class RoomRegistry {
  private readonly opening = new Map<string, Promise<Room>>();
  private readonly open = new Map<string, Room>();
  private readonly unloading = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private readonly store: BoardStore,
    private readonly log: Logger,
    private readonly options: RoomOptions,
    private readonly metrics: SyncMetrics = noMetrics,
  ) {}

  get size(): number {
    return this.open.size;
  }

  /** The room if it is loaded right now (for reading its live document). */
  loaded(boardId: string): Room | undefined {
    return this.open.get(boardId);
  }

  /**
   * Read a board's document without opening a room: the live document when the board is open,
   * else one loaded from the store for the purpose and let go again (exports use this).
   */
  async read<T>(boardId: string, use: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    const room = this.open.get(boardId);
    if (room) return use(room.doc);
    const { doc } = await loadDoc(this.store, boardId, this.log);
    try {
      return await use(doc);
    } finally {
      doc.destroy();
    }
  }

  /** The loaded room of a board, loading it from the store first if need be. */
  acquire(boardId: string): Promise<Room> {
    if (this.closed) return Promise.reject(new Error('the server is shutting down'));
    const existing = this.opening.get(boardId);
    if (existing) return existing;
    const loading = this.load(boardId);
    this.opening.set(boardId, loading);
    loading.catch(() => {
      if (this.opening.get(boardId) === loading) this.opening.delete(boardId);
    });
    return loading;
  }

  private async load(boardId: string): Promise<Room> {
    await this.unloading.get(boardId);
    const started = performance.now();
    const { doc, rows, skipped } = await loadDoc(this.store, boardId, this.log);
    const room = new Room(boardId, doc, { rows, skipped }, {
      store: this.store,
      log: this.log,
      metrics: this.metrics,
      options: this.options,
      onIdle: (idle) => this.unload(idle),
    });
    this.open.set(boardId, room);
    this.log.info('loaded board', { boardId, rows, skipped, ms: Math.round(performance.now() - started) });
    return room;
  }

  private unload(room: Room): void {
    if (room.size > 0 || this.open.get(room.id) !== room) return;
    this.open.delete(room.id);
    this.opening.delete(room.id);
    const done = room
      .close()
      .then(() => this.log.info('unloaded idle board', { boardId: room.id }))
      .catch((error) => this.log.error('could not store a board while unloading it', { boardId: room.id, error }))
      .finally(() => {
        if (this.unloading.get(room.id) === done) this.unloading.delete(room.id);
      });
    this.unloading.set(room.id, done);
  }

  /**
   * The board was deleted (its connections are closed already): drop its room without storing
   * it, once any loading or unloading of it has settled.
   */
  async discard(boardId: string): Promise<void> {
    const opening = this.opening.get(boardId);
    if (opening) await Promise.allSettled([opening]);
    await this.unloading.get(boardId);
    const room = this.open.get(boardId);
    this.open.delete(boardId);
    this.opening.delete(boardId);
    room?.discard();
  }

  /** Store and release every room (connections must be gone already). */
  async closeAll(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.opening.values()]);
    const rooms = [...this.open.values()];
    this.open.clear();
    this.opening.clear();
    for (const room of rooms) {
      try {
        await room.close();
      } catch (error) {
        this.log.error('could not store a board while shutting down', { boardId: room.id, error });
      }
    }
    await Promise.allSettled([...this.unloading.values()]);
  }
}

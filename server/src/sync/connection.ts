// One WebSocket on /sync: holds back its messages until it is authorised and its room is loaded
// (so a client never syncs against a half-loaded board), then hands each frame to the room.
// Whatever a client sends, the worst outcome is that this connection is closed.

import type { WebSocket, RawData } from 'ws';
import { CloseCode, type Capability } from '../../../shared/protocol';
import type { Logger } from '../log';
import { noMetrics, type RefusalReason, type SyncMetrics } from '../metrics';
import { decodeClientMessage, MalformedFrame } from './frames';
import { TokenBucket } from './rateLimit';
import type { Peer, ReceiveResult, Room } from './room';

export interface ConnectionLimits {
  /** Messages a connection may send in a burst, and per second sustained. */
  burstMessages: number;
  messagesPerSecond: number;
  /** Bytes a connection may send in a burst, and per second sustained. */
  burstBytes: number;
  bytesPerSecond: number;
  /** Bytes held back while authorising and loading. */
  maxHeldBytes: number;
  /** Bytes queued towards a client that does not read; past this it is dropped. */
  maxBufferedBytes: number;
}

/** 1008 (policy violation): not final for y-websocket, so a client that calms down reconnects. */
export const CLOSE_FLOOD = 1008;
/** 1011: the server could not open the board (a store error); the client retries. */
export const CLOSE_INTERNAL = 1011;

let nextId = 1;

const REFUSAL_OF: Record<Exclude<ReceiveResult, 'ok'>, RefusalReason> = {
  ignored: 'view_write',
  refused: 'cannot_store',
  overBounds: 'board_full',
  unappliable: 'unappliable',
};

export class Connection implements Peer {
  readonly id = nextId++;
  capability: Capability = 'view';
  /** The client asked for MessageType.saveState frames (`?saveState=1`). */
  wantsSaveState = false;
  /** Set by the keepalive: false after a ping until the pong arrives. */
  alive = true;
  private room: Room | null = null;
  private held: Buffer[] | null = [];
  private heldBytes = 0;
  private closing = false;
  /** We chose to close (and logged why); the echoed close code needs no second log line. */
  private closedByServer = false;
  private ignoredWrites = 0;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly closeListeners: (() => void)[] = [];

  constructor(
    readonly ws: WebSocket,
    readonly boardId: string,
    readonly remote: string,
    private readonly log: Logger,
    private readonly limits: ConnectionLimits,
    private readonly metrics: SyncMetrics = noMetrics,
  ) {
    this.messages = new TokenBucket(limits.burstMessages, limits.messagesPerSecond);
    this.bytes = new TokenBucket(limits.burstBytes, limits.bytesPerSecond);
    // Without an error listener, ws re-throws socket errors (e.g. a frame over maxPayload) and the
    // process dies. ws closes the socket itself (1009 for size, 1002 for protocol errors).
    ws.on('error', (error) => {
      if ((error as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.metrics.refused('too_large');
      this.log.warn('websocket error', { conn: this.id, boardId, remote, error });
    });
    ws.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', (code, reason) => {
      this.closing = true;
      this.leaveRoom();
      this.held = null;
      if (!this.closedByServer && code !== 1000 && code !== 1001 && code !== 1005) {
        this.log.info('connection closed', { conn: this.id, boardId, code, reason: reason.toString().slice(0, 120) });
      }
      for (const listener of this.closeListeners.splice(0)) listener();
    });
  }

  get isOpen(): boolean {
    return !this.closing;
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** Authorised: join the room (once it is loaded), then replay what the client sent meanwhile. */
  join(capability: Capability, room: Promise<Room>): void {
    this.capability = capability;
    room.then(
      (loaded) => {
        if (this.closing) return;
        try {
          this.room = loaded;
          loaded.attach(this);
        } catch (error) {
          this.room = null;
          this.log.error('could not join a board', { conn: this.id, boardId: this.boardId, error });
          this.close(CLOSE_INTERNAL, 'could not open the board');
          return;
        }
        const held = this.held ?? [];
        this.held = null;
        this.heldBytes = 0;
        for (const frame of held) {
          if (this.closing) break;
          this.handle(frame);
        }
      },
      (error) => {
        this.log.error('could not open a board', { conn: this.id, boardId: this.boardId, error });
        this.close(CLOSE_INTERNAL, 'could not open the board');
      },
    );
  }

  send(frame: Uint8Array): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.log.warn('dropping a connection that does not read', { conn: this.id, boardId: this.boardId, buffered: this.ws.bufferedAmount });
      this.closing = true;
      this.leaveRoom();
      this.ws.terminate();
      return;
    }
    this.ws.send(frame, { binary: true });
    this.metrics.sent(frame.byteLength);
  }

  /** Close with a code; from now on nothing the client sends is handled. */
  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.closedByServer = true;
    this.leaveRoom();
    this.held = null;
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
  }

  private leaveRoom(): void {
    const room = this.room;
    this.room = null;
    room?.detach(this);
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closing) return;
    try {
      const frame = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      this.metrics.received(frame.byteLength);
      if (!this.messages.take(1) || !this.bytes.take(frame.byteLength)) {
        this.metrics.refused('flood');
        this.log.warn('closing a flooding connection', { conn: this.id, boardId: this.boardId, remote: this.remote });
        this.close(CLOSE_FLOOD, 'too many messages');
        return;
      }
      if (!isBinary) {
        this.refuseFrame(new MalformedFrame('text frame; the protocol is binary'), frame);
        return;
      }
      if (this.held) {
        this.heldBytes += frame.byteLength;
        if (this.heldBytes > this.limits.maxHeldBytes) {
          this.metrics.refused('held_too_much');
          this.log.warn('closing a connection that sent too much before its board was open', { conn: this.id, boardId: this.boardId });
          this.close(CLOSE_FLOOD, 'too much data before sync');
          return;
        }
        this.held.push(frame);
        return;
      }
      this.handle(frame);
    } catch (error) {
      this.log.error('unexpected error on a message', { conn: this.id, boardId: this.boardId, error });
      this.close(CLOSE_INTERNAL, 'internal error');
    }
  }

  private handle(frame: Buffer): void {
    const room = this.room;
    if (!room) return;
    try {
      const message = decodeClientMessage(frame);
      const result = room.receive(this, message);
      if (result === 'ignored' && 'update' in message) this.noteIgnoredWrite(room, message.update);
      if (result !== 'ok') this.metrics.refused(REFUSAL_OF[result]);
      if (result === 'refused') {
        // The store logged why once; this line says whom it affected.
        this.log.warn('closing an editor: the store cannot take its edit now', { conn: this.id, boardId: this.boardId, code: CloseCode.cannotStore });
        this.close(CloseCode.cannotStore, 'the server cannot store edits now; try again later');
      }
      // The room logged why; final, as every reconnect would send the same update again.
      if (result === 'overBounds') this.close(CloseCode.boardFull, 'the change would take the board past its bounds');
      if (result === 'unappliable') this.close(CloseCode.malformed, 'update depends on content the server does not have');
    } catch (error) {
      this.refuseFrame(error, frame);
    }
  }

  /** A frame that does not decode or does not apply: close this connection only (1007). */
  private refuseFrame(error: unknown, frame: Buffer): void {
    this.metrics.refused('malformed');
    this.log.warn('malformed frame; closing the connection', {
      conn: this.id,
      boardId: this.boardId,
      remote: this.remote,
      bytes: frame.byteLength,
      head: frame.subarray(0, 8).toString('hex'),
      error,
    });
    this.close(CloseCode.malformed, 'malformed message');
  }

  /**
   * A view connection's document update is dropped. Not closed: y-websocket answers the
   * server's sync step 1 with a step 2 even on a view link, and a wall screen must keep working.
   * Only an update with content the board lacks is worth a log line (once per connection).
   */
  private noteIgnoredWrite(room: Room, update: Uint8Array): void {
    if (this.ignoredWrites > 0 || !room.wouldAddContent(update)) return;
    this.ignoredWrites++;
    this.log.warn('ignored a document update from a view connection', { conn: this.id, boardId: this.boardId, remote: this.remote, bytes: update.byteLength });
  }
}

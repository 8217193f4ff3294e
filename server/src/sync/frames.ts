// The y-websocket wire format: decoding what a client sends (strictly, so junk is recognised as
// junk before it touches a room) and encoding what the server sends.

import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { encodeAwarenessUpdate, type Awareness } from 'y-protocols/awareness';
import { MessageType } from '../../../shared/protocol';
import { encodeIntegratedState } from '../../../shared/limits';

/** Sub-types of a sync message (y-protocols/sync). */
const SyncStep = { step1: 0, step2: 1, update: 2 } as const;
/** y-websocket's "send me everyone's awareness" message; not in shared/protocol as clients never need it. */
const QUERY_AWARENESS = 3;

export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

export class MalformedFrame extends Error {
  override name = 'MalformedFrame';
}

/**
 * One frame holds exactly one message; trailing bytes, a truncated varint or length, and unknown
 * types are all malformed. Contents (the Yjs update, awareness JSON) are checked when applied.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  let message: ClientMessage;
  try {
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SyncStep.step1) message = { type: 'sync-step1', stateVector: payload };
      else if (step === SyncStep.step2) message = { type: 'sync-step2', update: payload };
      else if (step === SyncStep.update) message = { type: 'update', update: payload };
      else throw new MalformedFrame(`unknown sync message type ${step}`);
    } else if (type === MessageType.awareness) {
      message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (type === QUERY_AWARENESS) {
      message = { type: 'query-awareness' };
    } else {
      throw new MalformedFrame(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof MalformedFrame) throw error;
    throw new MalformedFrame(`frame does not decode: ${(error as Error).message}`);
  }
  if (decoding.hasContent(decoder)) throw new MalformedFrame(`${frame.length - decoder.pos} bytes after the message`);
  return message;
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncStep.step1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

/**
 * Throws on a state vector that does not decode (the caller treats that as a malformed frame).
 * Without the content the document cannot integrate (issue 8): a joiner could not use it either.
 */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncStep.step2);
  encoding.writeVarUint8Array(encoder, encodeIntegratedState(doc, stateVector));
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncStep.update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

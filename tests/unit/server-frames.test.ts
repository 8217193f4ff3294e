import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { Awareness } from 'y-protocols/awareness';
import { writeSyncStep1, writeUpdate, readSyncMessage } from 'y-protocols/sync';
import { decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, MalformedFrame } from '../../server/src/sync/frames';

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('decoding what y-websocket clients send', () => {
  test('sync step 1, update and query-awareness as written by y-protocols', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 1);
    const step1 = decodeClientMessage(frame((e) => (encoding.writeVarUint(e, 0), writeSyncStep1(e, doc))));
    expect(step1).toEqual({ type: 'sync-step1', stateVector: Y.encodeStateVector(doc) });
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(frame((e) => (encoding.writeVarUint(e, 0), writeUpdate(e, update))))).toEqual({ type: 'update', update });
    expect(decodeClientMessage(Uint8Array.from([3]))).toEqual({ type: 'query-awareness' });
  });

  test.each([
    ['empty', []],
    ['unknown type', [7]],
    ['auth (never sent by clients)', [2, 0]],
    ['unknown sync step', [0, 5, 0]],
    ['truncated varint', [0x80]],
    ['payload shorter than its length', [0, 2, 10, 1]],
    ['trailing bytes', [3, 3]],
  ])('%s is malformed', (_name, bytes) => {
    expect(() => decodeClientMessage(Uint8Array.from(bytes))).toThrow(MalformedFrame);
  });
});

describe('encoding what the server sends', () => {
  test('y-protocols reads our sync messages and the client doc ends up equal', () => {
    const server = new Y.Doc();
    server.getArray('a').insert(0, ['x', 'y']);
    const client = new Y.Doc();
    for (const message of [encodeSyncStep2(server, Y.encodeStateVector(client)), encodeUpdate(Y.encodeStateAsUpdate(server))]) {
      const decoder = decoding.createDecoder(message);
      expect(decoding.readVarUint(decoder)).toBe(0);
      readSyncMessage(decoder, encoding.createEncoder(), client, null);
    }
    expect(client.getArray('a').toArray()).toEqual(['x', 'y']);
    const step1 = decoding.createDecoder(encodeSyncStep1(server));
    expect([decoding.readVarUint(step1), decoding.readVarUint(step1)]).toEqual([0, 0]);
  });

  test('awareness frames start with type 1', () => {
    const awareness = new Awareness(new Y.Doc());
    awareness.setLocalState({ name: 'A' });
    expect(encodeAwareness(awareness, [awareness.clientID])[0]).toBe(1);
    awareness.destroy();
  });

  test('a sync step 2 for a state vector that does not decode throws', () => {
    expect(() => encodeSyncStep2(new Y.Doc(), Uint8Array.from([5, 0x81]))).toThrow();
  });
});

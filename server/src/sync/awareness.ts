// Awareness a connection sends, checked before it is applied and relayed (issue 8): the message
// within its size cap, each state within the presence schema (shared/schema/presence.ts) and its
// size, and only client ids this connection introduced (a few at most). What does not pass is
// dropped; the rest goes on. Awareness is presence only, so nothing here closes a connection
// except a message that does not decode (1007, as before).

import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import {
  cleanPresenceState,
  MAX_AWARENESS_CLIENTS_PER_CONNECTION,
  MAX_AWARENESS_MESSAGE_BYTES,
  MAX_PRESENCE_STATE_BYTES,
} from '../../../shared/schema/presence';
import { MalformedFrame } from './frames';

export type AwarenessDrop = 'message too large' | 'state too large' | 'not a presence state' | 'client id of another connection' | 'too many client ids';

export interface AwarenessCheck {
  /** The update to apply (only the entries that passed, re-encoded), or null when none did. */
  update: Uint8Array | null;
  /** Why entries were left out (one reason per entry). */
  dropped: AwarenessDrop[];
}

/**
 * Filter one y-protocols awareness update from `sender`. `owners` maps each client id present to
 * the connection that introduced it; `controlled` are the ids `sender` introduced. Throws
 * MalformedFrame when the update does not decode or a state is not JSON.
 */
export function checkAwarenessUpdate<P>(update: Uint8Array, sender: P, owners: ReadonlyMap<number, P>, controlled: ReadonlySet<number>): AwarenessCheck {
  if (update.byteLength > MAX_AWARENESS_MESSAGE_BYTES) return { update: null, dropped: ['message too large'] };
  const dropped: AwarenessDrop[] = [];
  const kept: { client: number; clock: number; json: string }[] = [];
  const introduced = new Set(controlled);
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      const state: unknown = JSON.parse(json);
      const owner = owners.get(client);
      if (owner !== undefined && owner !== sender) {
        dropped.push('client id of another connection');
        continue;
      }
      if (owner === undefined && !introduced.has(client)) {
        // A removal of an id nobody has is harmless but pointless; a new id counts against the cap.
        if (state === null) continue;
        if (introduced.size >= MAX_AWARENESS_CLIENTS_PER_CONNECTION) {
          dropped.push('too many client ids');
          continue;
        }
      }
      if (state === null) {
        kept.push({ client, clock, json: 'null' });
        continue;
      }
      if (json.length > MAX_PRESENCE_STATE_BYTES) {
        dropped.push('state too large');
        continue;
      }
      const clean = cleanPresenceState(state);
      if (!clean) {
        dropped.push('not a presence state');
        continue;
      }
      introduced.add(client);
      kept.push({ client, clock, json: JSON.stringify(clean) });
    }
    if (decoding.hasContent(decoder)) throw new MalformedFrame('bytes after the awareness update');
  } catch (error) {
    if (error instanceof MalformedFrame) throw error;
    throw new MalformedFrame(`awareness update does not decode: ${(error as Error).message}`);
  }
  if (kept.length === 0) return { update: null, dropped };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const { client, clock, json } of kept) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return { update: encoding.toUint8Array(encoder), dropped };
}

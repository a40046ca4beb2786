// Presence that cannot lie: a browser announces who it is (name, delegation)
// in its awareness state, and the other desks show it beside the paragraph. A
// state naming anyone but the signed-in user of that connection is refused
// (the connection is closed), so no delegation appears as another in the room.
// A desk also passes on others' states it received (their clocks are known to
// the server, which sent them): only states newer than the server knows are
// the sender's own. Reads the Hocuspocus message as the Yjs awareness protocol writes it.
import * as decoding from 'lib0/decoding';
import type { Actor } from '../accounts/model.js';

/** Hocuspocus's message type for awareness updates. */
const AWARENESS = 1;

export class PresenceRefused extends Error {}

/** Throws when `message`, an awareness update, gives a new state naming someone other than `actor`; `knownClock` is the server's clock of a client's state. */
export function checkPresence(message: Uint8Array, actor: Actor, knownClock: (clientId: number) => number | undefined): void {
  const d = decoding.createDecoder(message);
  decoding.readVarString(d); // the document's name
  if (decoding.readVarUint(d) !== AWARENESS) return;
  const update = decoding.createDecoder(decoding.readVarUint8Array(d));
  const count = decoding.readVarUint(update);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(update);
    const clock = decoding.readVarUint(update);
    const state = JSON.parse(decoding.readVarString(update)) as { user?: { name?: unknown; delegation?: unknown } } | null;
    const user = state?.user;
    if (clock <= (knownClock(clientId) ?? -1)) continue; // passed on, not the sender's own
    if (user && (user.name !== actor.name || user.delegation !== actor.delegation.name)) {
      throw new PresenceRefused(`Presence must name the signed-in user (${actor.name}, ${actor.delegation.name})`);
    }
  }
}

// What a Hocuspocus message carries for the document: the Yjs update inside a
// sync step 2 or an update message (the sync protocol, y-protocols), read
// before Hocuspocus applies it so the server can store it first.
import * as decoding from 'lib0/decoding';

/** Hocuspocus's message type for the Yjs sync protocol, and that protocol's step 2 and update. */
const SYNC = 0;
const SYNC_STEP_2 = 1;
const UPDATE = 2;

/** The Yjs update `message` carries; null for any other message (awareness, step 1, stateless…). */
export function documentUpdateOf(message: Uint8Array): Uint8Array | null {
  const d = decoding.createDecoder(message);
  decoding.readVarString(d); // the document's name
  if (decoding.readVarUint(d) !== SYNC) return null;
  const step = decoding.readVarUint(d);
  return step === SYNC_STEP_2 || step === UPDATE ? decoding.readVarUint8Array(d) : null;
}

// How one draft is kept in step with the server, as a pure state machine:
// events in (an edit, a timer, the server's answer), the next state and the
// effects to carry out out (a PUT, a timer, a write to the browser buffer).
// No React, no fetch, no storage: the hook (web/drafts/useDraftSync.ts) runs the
// effects and feeds their outcomes back as events.
//
// Edits apply locally at once, are buffered in the browser (a reload or an
// outage never loses them) and save about a second after a pause, naming the
// server version they were based on. A 409 becomes a conflict the user
// resolves; an unreachable server becomes "offline", retried until it answers.
import type { DraftT } from '../api.js';

export type SaveState = 'loading' | 'saved' | 'unsaved' | 'saving' | 'offline' | 'conflict' | 'error';

/** The part of a draft the editor changes. */
export interface Editable {
  title: string;
  paragraphs: DraftT['paragraphs'];
}

export type DraftMeta = Omit<DraftT, 'paragraphs'>;

/** What the browser keeps of unsaved edits. */
export interface Buffer extends Editable {
  /** The server version these edits were made on. */
  baseVersion: number;
  /** The draft as last loaded (without paragraphs): enough to open it offline. */
  meta?: DraftMeta;
  /** When it was written (ms since the epoch); set by whoever writes it. */
  at?: number;
}

export interface Conflict {
  mine: Editable;
  theirs: DraftT;
}

export interface SyncState {
  status: SaveState;
  /** The last known server state. */
  server: DraftT | null;
  /** The text as the user sees it. */
  local: Editable | null;
  /** The server version `local` is based on. */
  version: number;
  meta: DraftMeta | null;
  /** Edits made so far, and how many of them the server has. */
  edits: number;
  savedEdits: number;
  /** The edits a save in flight carries (the value of `edits` when it left). */
  inFlight: number | null;
  /** A conflict waits for the user; nothing saves until it is resolved. */
  conflict: Conflict | null;
  /** Why the last save was refused. */
  message: string | null;
  loadError: unknown;
  /** The browser would not store the buffer (quota). */
  bufferFailed: boolean;
  /** A buffer write is scheduled. */
  flushPending: boolean;
}

export type SyncEvent =
  | { type: 'loaded'; server: DraftT; buffer: Buffer | null }
  | { type: 'loadFailed'; error: unknown; network: boolean; buffer: Buffer | null }
  | { type: 'edit'; change: (e: Editable) => Editable }
  /** A save timer fired, the connection returned, or the user asked to save. */
  | { type: 'save' }
  | { type: 'saved'; draft: DraftT }
  | { type: 'saveConflict'; theirs: DraftT }
  | { type: 'saveOffline' }
  | { type: 'saveRefused'; message: string }
  | { type: 'resolve'; choice: 'mine' | 'theirs' }
  /** Write the buffer now (its timer fired, the page is hidden or closed). */
  | { type: 'flush' }
  | { type: 'bufferWritten'; ok: boolean };

/** The save timer (autosave, retry) and the buffer's write timer. */
export type Timer = 'save' | 'flush';

export type Effect =
  | { type: 'put'; version: number; title: string; paragraphs: Editable['paragraphs'] }
  /** (Re)starts a timer; when it runs out, the event of its name ('save', 'flush') follows. */
  | { type: 'startTimer'; timer: Timer; delayMs: number }
  | { type: 'stopTimer'; timer: Timer }
  | { type: 'writeBuffer'; buffer: Buffer }
  | { type: 'clearBuffer' };

export const SAVE_DELAY_MS = 1000;
export const RETRY_MS = 3000;
export const BUFFER_DELAY_MS = 250;

export const initialState: SyncState = {
  status: 'loading',
  server: null,
  local: null,
  version: 0,
  meta: null,
  edits: 0,
  savedEdits: 0,
  inFlight: null,
  conflict: null,
  message: null,
  loadError: null,
  bufferFailed: false,
  flushPending: false,
};

interface Step {
  state: SyncState;
  effects: Effect[];
}

const editableOf = (d: Editable): Editable => ({ title: d.title, paragraphs: d.paragraphs });
const metaOf = ({ paragraphs: _p, ...meta }: DraftT): DraftMeta => meta;
const sameContent = (a: Editable, b: Editable) => a.title === b.title && JSON.stringify(a.paragraphs) === JSON.stringify(b.paragraphs);

/** Writes the unsaved edits to the browser buffer (nothing when the server has them all). */
function flush(s: SyncState): Step {
  const effects: Effect[] = s.flushPending ? [{ type: 'stopTimer', timer: 'flush' }] : [];
  const state = { ...s, flushPending: false };
  if (s.local && s.edits !== s.savedEdits) {
    effects.push({ type: 'writeBuffer', buffer: { ...s.local, baseVersion: s.version, meta: s.meta ?? undefined } });
  }
  return { state, effects };
}

/** Starts a save if there is something to save and nothing stops it. */
function save(s: SyncState): Step {
  const effects: Effect[] = [{ type: 'stopTimer', timer: 'save' }];
  if (!s.local || s.inFlight !== null || s.conflict || s.edits === s.savedEdits) return { state: s, effects };
  effects.push({ type: 'put', version: s.version, title: s.local.title, paragraphs: s.local.paragraphs });
  return { state: { ...s, inFlight: s.edits, status: 'saving' }, effects };
}

/** Runs `next` on the state `first` left, and joins their effects. */
function then(first: Step, next: (s: SyncState) => Step): Step {
  const second = next(first.state);
  return { state: second.state, effects: [...first.effects, ...second.effects] };
}

export function step(s: SyncState, event: SyncEvent): Step {
  switch (event.type) {
    case 'loaded': {
      const { server, buffer } = event;
      const loaded: SyncState = { ...s, server, version: server.version, meta: metaOf(server), loadError: null };
      const theirs = editableOf(server);
      if (!buffer || sameContent(buffer, theirs)) {
        return { state: { ...loaded, local: theirs, status: 'saved' }, effects: buffer ? [{ type: 'clearBuffer' }] : [] };
      }
      // Edits this browser kept and the server never got.
      const mine: SyncState = { ...loaded, local: editableOf(buffer), edits: s.savedEdits + 1 };
      if (buffer.baseVersion === server.version) return save({ ...mine, status: 'unsaved' });
      return { state: { ...mine, status: 'conflict', conflict: { mine: editableOf(buffer), theirs: server } }, effects: [] };
    }
    case 'loadFailed': {
      const { buffer } = event;
      if (!buffer?.meta || !event.network) return { state: { ...s, loadError: event.error }, effects: [] };
      // Offline with buffered text: keep working on it; saving retries.
      const state: SyncState = {
        ...s,
        version: buffer.baseVersion,
        meta: buffer.meta,
        server: { ...buffer.meta, title: buffer.title, paragraphs: buffer.paragraphs },
        local: editableOf(buffer),
        edits: s.savedEdits + 1,
        status: 'offline',
      };
      return { state, effects: [{ type: 'startTimer', timer: 'save', delayMs: RETRY_MS }] };
    }
    case 'edit': {
      if (!s.local) return { state: s, effects: [] };
      const local = event.change(s.local);
      if (local === s.local) return { state: s, effects: [] };
      const status: SaveState = s.status === 'conflict' || s.status === 'offline' ? s.status : 'unsaved';
      const effects: Effect[] = [];
      if (!s.flushPending) effects.push({ type: 'startTimer', timer: 'flush', delayMs: BUFFER_DELAY_MS });
      effects.push(s.conflict ? { type: 'stopTimer', timer: 'save' } : { type: 'startTimer', timer: 'save', delayMs: SAVE_DELAY_MS });
      return { state: { ...s, local, edits: s.edits + 1, status, flushPending: true }, effects };
    }
    case 'save':
      return save(s);
    case 'saved': {
      const upTo = s.inFlight ?? s.edits;
      const state: SyncState = { ...s, inFlight: null, version: event.draft.version, savedEdits: upTo, server: event.draft, meta: metaOf(event.draft), message: null };
      if (s.edits === upTo) return { state: { ...state, status: 'saved' }, effects: [{ type: 'clearBuffer' }] };
      // Edits made while this save was in flight: save them too.
      return { state: { ...state, status: 'unsaved' }, effects: [{ type: 'startTimer', timer: 'save', delayMs: SAVE_DELAY_MS }] };
    }
    case 'saveConflict':
      return then(flush({ ...s, inFlight: null }), (f) => ({
        state: { ...f, status: 'conflict', conflict: { mine: f.local!, theirs: event.theirs } },
        effects: [],
      }));
    case 'saveOffline':
      return then(flush({ ...s, inFlight: null }), (f) => ({ state: { ...f, status: 'offline' }, effects: [{ type: 'startTimer', timer: 'save', delayMs: RETRY_MS }] }));
    case 'saveRefused':
      // Over a limit, say: keep the text, say why, retry on the next edit.
      return then(flush({ ...s, inFlight: null }), (f) => ({ state: { ...f, status: 'error', message: event.message }, effects: [] }));
    case 'resolve': {
      const { conflict } = s;
      if (!conflict) return { state: s, effects: [] };
      const state: SyncState = { ...s, conflict: null, version: conflict.theirs.version, server: conflict.theirs };
      if (event.choice === 'theirs') {
        return { state: { ...state, local: editableOf(conflict.theirs), savedEdits: s.edits, status: 'saved' }, effects: [{ type: 'clearBuffer' }] };
      }
      // Mine, saved over theirs: one more edit, based on their version.
      return save({ ...state, edits: s.edits + 1, status: 'unsaved' });
    }
    case 'flush':
      return flush(s);
    case 'bufferWritten':
      return { state: { ...s, bufferFailed: !event.ok }, effects: [] };
  }
}

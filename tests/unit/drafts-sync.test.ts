// The editor's save/sync state machine (web/drafts/syncMachine.ts) driven by
// events alone, with an in-memory buffer store and fake timers and server:
// autosave, offline and retry, conflicts and their two resolutions, a reload
// with buffered edits, and edits made while a save is in flight.
import { describe, expect, it } from 'vitest';
import type { DraftT } from '../../web/api.js';
import { memoryBuffers } from '../../web/drafts/draftBuffers.js';
import { initialState, RETRY_MS, SAVE_DELAY_MS, step, type Buffer, type Effect, type Editable, type SyncEvent, type SyncState } from '../../web/drafts/syncMachine.js';

const ID = 'd1';
type Put = Extract<Effect, { type: 'put' }>;

function serverDraft(version: number, text: string, title = 'Draft'): DraftT {
  return {
    id: ID,
    title,
    language: 'en',
    body: 'General Assembly',
    baseDocumentId: null,
    access: 'owner',
    version,
    paragraphs: [{ id: 'p1', section: 'operative', text, source: null }],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** The machine with its effects carried out by hand: PUTs collected, timers pending until fired. */
function harness(buffers = memoryBuffers()) {
  let state: SyncState = initialState;
  const puts: Put[] = [];
  const timers: { save: number | null; flush: number | null } = { save: null, flush: null };
  const send = (event: SyncEvent) => {
    const next = step(state, event);
    state = next.state;
    for (const e of next.effects) {
      if (e.type === 'put') puts.push(e);
      else if (e.type === 'startTimer') timers[e.timer] = e.delayMs;
      else if (e.type === 'stopTimer') timers[e.timer] = null;
      else if (e.type === 'writeBuffer') send({ type: 'bufferWritten', ok: buffers.write(ID, e.buffer) });
      else if (e.type === 'clearBuffer') buffers.clear(ID);
    }
  };
  const fire = (timer: 'save' | 'flush') => {
    expect(timers[timer], `${timer} timer`).not.toBeNull();
    timers[timer] = null;
    send({ type: timer });
  };
  const type = (text: string) => send({ type: 'edit', change: (e: Editable) => ({ ...e, paragraphs: e.paragraphs.map((p) => ({ ...p, text })) }) });
  /** The server answers the last PUT as a server would: the next version, as sent. */
  const accept = () => {
    const put = puts.at(-1)!;
    send({ type: 'saved', draft: { ...serverDraft(put.version + 1, ''), title: put.title, paragraphs: put.paragraphs } });
  };
  return { send, fire, type, accept, puts, timers, buffers, get state() { return state; } };
}

const textOf = (s: { local: Editable | null }) => s.local?.paragraphs[0].text;

/** Loaded at version 1, "mine" typed and sent, and the server answered 409 with its version 2. */
function inConflict() {
  const h = harness();
  h.send({ type: 'loaded', server: serverDraft(1, 'a'), buffer: null });
  h.type('mine');
  h.fire('save');
  h.send({ type: 'saveConflict', theirs: serverDraft(2, 'theirs') });
  return h;
}

describe('draft sync machine', () => {
  it('edit → unsaved → saving → saved, with the version the edit was based on', () => {
    const h = harness();
    h.send({ type: 'loaded', server: serverDraft(1, 'a'), buffer: null });
    expect(h.state.status).toBe('saved');
    h.type('ab');
    expect(h.state.status).toBe('unsaved');
    expect(h.timers.save).toBe(SAVE_DELAY_MS);
    h.fire('save');
    expect(h.state.status).toBe('saving');
    expect(h.puts).toHaveLength(1);
    expect(h.puts[0]).toMatchObject({ version: 1, paragraphs: [{ text: 'ab' }] });
    h.accept();
    expect(h.state.status).toBe('saved');
    expect(h.state.version).toBe(2);
    expect(h.buffers.entries.size).toBe(0);
    // Nothing new: a save does nothing.
    h.send({ type: 'save' });
    expect(h.puts).toHaveLength(1);
  });

  it('a network failure goes offline with the text buffered, retries, and saves when the server is back', () => {
    const h = harness();
    h.send({ type: 'loaded', server: serverDraft(1, 'a'), buffer: null });
    h.type('offline text');
    h.fire('flush');
    expect(h.buffers.read(ID)).toMatchObject({ baseVersion: 1, paragraphs: [{ text: 'offline text' }] });
    h.fire('save');
    h.send({ type: 'saveOffline' });
    expect(h.state.status).toBe('offline');
    expect(h.timers.save).toBe(RETRY_MS);
    // Typing while offline stays offline and buffered.
    h.type('offline text 2');
    expect(h.state.status).toBe('offline');
    h.fire('flush');
    expect(h.buffers.read(ID)?.paragraphs[0].text).toBe('offline text 2');
    // The connection returns.
    h.send({ type: 'save' });
    expect(h.puts.at(-1)).toMatchObject({ version: 1, paragraphs: [{ text: 'offline text 2' }] });
    h.accept();
    expect(h.state.status).toBe('saved');
    expect(h.buffers.entries.size).toBe(0);
  });

  it('a 409 becomes a conflict that blocks saving; "keep mine" saves mine over their version', () => {
    const h = inConflict();
    expect(h.state.status).toBe('conflict');
    expect(h.state.conflict).toMatchObject({ mine: { paragraphs: [{ text: 'mine' }] }, theirs: { version: 2 } });
    expect(h.buffers.read(ID)?.paragraphs[0].text).toBe('mine');
    // Nothing saves while the user chooses, edits included.
    h.type('mine, more');
    expect(h.timers.save).toBeNull();
    h.send({ type: 'save' });
    expect(h.puts).toHaveLength(1);
    h.send({ type: 'resolve', choice: 'mine' });
    expect(h.state.conflict).toBeNull();
    expect(h.puts.at(-1)).toMatchObject({ version: 2, paragraphs: [{ text: 'mine, more' }] });
    h.accept();
    expect(h.state).toMatchObject({ status: 'saved', version: 3 });
    expect(h.buffers.entries.size).toBe(0);
  });

  it('"take theirs" drops my text and the buffer, and saves nothing', () => {
    const h = inConflict();
    h.send({ type: 'resolve', choice: 'theirs' });
    expect(h.state).toMatchObject({ status: 'saved', version: 2, conflict: null });
    expect(textOf(h.state)).toBe('theirs');
    expect(h.buffers.entries.size).toBe(0);
    h.send({ type: 'save' });
    expect(h.puts).toHaveLength(1);
  });

  it('a reload with buffered edits restores them and saves them; on a newer server version it asks', () => {
    const buffers = memoryBuffers();
    const buffer: Buffer = { title: 'Draft', paragraphs: serverDraft(1, 'unsaved').paragraphs, baseVersion: 1 };
    buffers.write(ID, buffer);
    const same = harness(buffers);
    same.send({ type: 'loaded', server: serverDraft(1, 'a'), buffer: buffers.read(ID) });
    expect(textOf(same.state)).toBe('unsaved');
    expect(same.state.status).toBe('saving');
    expect(same.puts[0]).toMatchObject({ version: 1, paragraphs: [{ text: 'unsaved' }] });
    same.accept();
    expect(same.state.status).toBe('saved');
    expect(buffers.entries.size).toBe(0);

    const newer = harness();
    newer.send({ type: 'loaded', server: serverDraft(4, 'changed elsewhere'), buffer });
    expect(newer.state.status).toBe('conflict');
    expect(textOf(newer.state)).toBe('unsaved');
    expect(newer.puts).toHaveLength(0);

    // A buffer that matches the server is stale: dropped.
    const stale = harness();
    stale.buffers.write(ID, buffer);
    stale.send({ type: 'loaded', server: serverDraft(2, 'unsaved'), buffer });
    expect(stale.state.status).toBe('saved');
    expect(stale.buffers.entries.size).toBe(0);
  });

  it('a reload while the server is unreachable opens the buffered draft offline and retries', () => {
    const { paragraphs: _p, ...meta } = serverDraft(3, '');
    const buffer: Buffer = { title: 'Offline title', paragraphs: serverDraft(3, 'typed offline').paragraphs, baseVersion: 3, meta };
    const h = harness();
    h.send({ type: 'loadFailed', error: new TypeError('fetch failed'), network: true, buffer });
    expect(h.state).toMatchObject({ status: 'offline', version: 3, server: { title: 'Offline title' } });
    expect(textOf(h.state)).toBe('typed offline');
    expect(h.timers.save).toBe(RETRY_MS);
    h.fire('save');
    expect(h.puts[0]).toMatchObject({ version: 3, title: 'Offline title' });
    h.accept();
    expect(h.state.status).toBe('saved');

    const refused = harness();
    refused.send({ type: 'loadFailed', error: new Error('Draft not found: d1'), network: false, buffer });
    expect(refused.state.loadError).toBeInstanceOf(Error);
    expect(refused.state.local).toBeNull();
  });

  it('edits made during an in-flight save are not lost: they save after it', () => {
    const h = harness();
    h.send({ type: 'loaded', server: serverDraft(1, 'a'), buffer: null });
    h.type('first');
    h.fire('save');
    h.type('first and second');
    expect(h.state.status).toBe('unsaved');
    // The timer fires while the first save is still out: no second PUT yet.
    h.fire('save');
    expect(h.puts).toHaveLength(1);
    h.accept();
    expect(h.state.status).toBe('unsaved');
    expect(h.buffers.entries.size).toBe(0);
    h.fire('save');
    expect(h.puts[1]).toMatchObject({ version: 2, paragraphs: [{ text: 'first and second' }] });
    h.accept();
    expect(h.state).toMatchObject({ status: 'saved', version: 3 });
  });

  it('a refused save keeps the text, says why, and tries again on the next edit', () => {
    const h = harness();
    h.send({ type: 'loaded', server: serverDraft(1, 'a'), buffer: null });
    h.type('x'.repeat(10));
    h.fire('save');
    h.send({ type: 'saveRefused', message: 'paragraphs.0.text: at most 20000 characters' });
    expect(h.state).toMatchObject({ status: 'error', message: 'paragraphs.0.text: at most 20000 characters' });
    expect(h.buffers.read(ID)?.paragraphs[0].text).toBe('x'.repeat(10));
    h.type('short');
    expect(h.state.status).toBe('unsaved');
    h.fire('save');
    h.accept();
    expect(h.state).toMatchObject({ status: 'saved', message: null });
  });
});

// The editor's draft as a live document: loaded from the server, kept in the
// browser (IndexedDB) so that edits made offline survive a reload, and synced
// with every co-editor through the server's live socket (Hocuspocus). The
// editor keeps working on plain paragraphs (Editable): each of its changes is
// written to the live document as the change it is (core/live-doc.ts), and
// every change from elsewhere comes back as new paragraphs to show.
// - An IME composition is never disturbed: while it lasts nothing is written
//   and the composing paragraph's shown text is left alone; at its end the
//   composed text goes in at the place the composition began, wherever others'
//   typing has moved it.
// - Saved means the server acknowledged every change (it writes each to its
//   database before acknowledging); offline means not connected, edits kept.
// - Presence: who else is here, from which delegation, in which paragraph.
import { HocuspocusProvider } from '@hocuspocus/provider';
import { useCallback, useEffect, useRef, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { applyDraftChange, applyParagraphEdit, isEmpty, lineageOf, paragraphOf, paragraphText, readDraft, spliceParagraph, type LiveAnnouncement, type LiveContent, type LiveMessage } from '../../core/live-doc.js';
import { getDraft, isNetworkError, type DraftT } from '../api.js';
import { liveUndo, type LiveUndo } from './liveUndo.js';
import * as P from './paragraphs.js';
import { peersOf, type Peer, type PresenceState } from './presence.js';

export type SaveState = 'loading' | 'saved' | 'saving' | 'offline' | 'error';

/** The part of a draft the editor changes. */
export interface Editable {
  title: string;
  paragraphs: DraftT['paragraphs'];
}

/** The origin of this editor's own transactions (what its undo tracks). */
const MINE = Symbol('this editor');

const content = (e: Editable): LiveContent => ({ title: e.title, paragraphs: e.paragraphs, body: '', baseDocumentId: null });
const editableOf = (doc: Y.Doc): Editable => {
  const { title, paragraphs } = readDraft(doc);
  return { title, paragraphs };
};

/** The draft as last loaded, for opening it again offline. */
const metaKey = (id: string) => `precedent:draft:${id}`;
function rememberDraft(draft: DraftT): void {
  try {
    localStorage.setItem(metaKey(draft.id), JSON.stringify({ ...draft, paragraphs: [] }));
  } catch {
    // full or disabled storage: the draft just cannot open offline
  }
}
function rememberedDraft(id: string): DraftT | null {
  try {
    const raw = localStorage.getItem(metaKey(id));
    return raw ? (JSON.parse(raw) as DraftT) : null;
  } catch {
    return null;
  }
}

/** How long a draft waits for the live socket before showing the API's text read-only. */
const LIVE_WAIT_MS = 6000;

const socketUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/live`;

interface Composition {
  paragraphId: string;
  /** The paragraph as shown when it began. */
  base: Pick<DraftT['paragraphs'][number], 'text' | 'footnotes'>;
  selection: [start: number, end: number];
  anchors: [Y.RelativePosition, Y.RelativePosition];
}

interface Live {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  stored: IndexeddbPersistence | null;
  undo: LiveUndo;
}

/** Opens the browser's copy of the live document, dropped when it belongs to another lineage than the server's. */
async function openStored(id: string, lineage: string | null | undefined): Promise<{ doc: Y.Doc; stored: IndexeddbPersistence }> {
  const name = `precedent:live:${id}`;
  let doc = new Y.Doc();
  let stored = new IndexeddbPersistence(name, doc);
  await stored.whenSynced;
  const local = lineageOf(doc);
  if (local !== null && lineage !== undefined && local !== lineage) {
    await stored.clearData();
    doc.destroy();
    doc = new Y.Doc();
    stored = new IndexeddbPersistence(name, doc);
    await stored.whenSynced;
  }
  return { doc, stored };
}

export function useLiveDraft(id: string, { name, delegation }: { name: string; delegation: string }) {
  const [draft, setDraft] = useState<DraftT | null>(null);
  const [local, setLocal] = useState<Editable | null>(null);
  const [connected, setConnected] = useState(false);
  const [unsynced, setUnsynced] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  // The draft as the API gave it, shown read-only when the live socket cannot be reached (a proxy without WebSockets).
  const [unreachable, setUnreachable] = useState<DraftT | null>(null);
  const [peers, setPeers] = useState<Peer[]>([]);
  // How many times the server announced a change beside the text, by kind.
  const [announcements, setAnnouncements] = useState<Record<LiveAnnouncement, number>>({ negotiation: 0 });
  const live = useRef<Live | null>(null);
  /** What the editor shows: the base of its next change. */
  const shown = useRef<Editable | null>(null);
  const composition = useRef<Composition | null>(null);

  const show = useCallback((next: Editable) => {
    shown.current = next;
    setLocal(next);
  }, []);

  /** The live document as the editor shows it: the composing paragraph keeps the text being composed. */
  const refresh = useCallback(() => {
    const doc = live.current?.doc;
    if (!doc) return;
    const next = editableOf(doc);
    const c = composition.current;
    const composing = c && shown.current?.paragraphs.find((p) => p.id === c.paragraphId);
    show(composing ? { ...next, paragraphs: P.update(next.paragraphs, composing.id, { text: composing.text, footnotes: composing.footnotes }) } : next);
  }, [show]);

  useEffect(() => {
    let gone = false;
    let opened: Live | null = null;
    const abort = new AbortController();
    setDraft(null);
    setLocal(null);
    setUnreachable(null);
    shown.current = null;
    let waiting: number | undefined;

    async function start() {
      let server: DraftT;
      try {
        server = await getDraft(id, abort.signal);
        rememberDraft(server);
      } catch (error) {
        const remembered = isNetworkError(error) ? rememberedDraft(id) : null;
        if (!remembered) throw error;
        server = remembered;
      }
      if (gone) return;
      const writable = server.access === 'owner' || server.access === 'edit';
      // Only editors keep an offline copy: the others cannot change the text.
      const { doc, stored } = writable ? await openStored(id, server.lineage) : { doc: new Y.Doc(), stored: null };
      if (gone) {
        stored?.destroy();
        doc.destroy();
        return;
      }
      const provider = new HocuspocusProvider({
        url: socketUrl(),
        name: id,
        document: doc,
        token: 'session-cookie',
        onStatus: ({ status }) => setConnected(status === 'connected'),
        onUnsyncedChanges: ({ number }) => setUnsynced(number),
        onAuthenticationFailed: ({ reason }) => setMessage(reason),
        onStateless: ({ payload }) => {
          try {
            const { changed } = JSON.parse(payload) as LiveMessage;
            if (changed === 'negotiation') setAnnouncements((a) => ({ ...a, [changed]: a[changed] + 1 }));
          } catch {
            // not ours
          }
        },
        onSynced: () => {
          if (gone) return;
          // The lineage is the server's now: an offline reload keeps this copy.
          if (writable) rememberDraft({ ...server, lineage: lineageOf(doc) });
          if (!shown.current) refresh();
        },
      });
      provider.setAwarenessField('user', { name, delegation });
      provider.on('awarenessChange', () => setPeers(peersOf(provider.awareness!.getStates() as Map<number, PresenceState>, doc.clientID)));
      opened = { doc, provider, stored, undo: liveUndo(doc, MINE) };
      live.current = opened;
      doc.on('update', (_u: Uint8Array, origin: unknown) => origin !== MINE && !isEmpty(doc) && refresh());
      setDraft(server);
      if (!isEmpty(doc)) refresh();
      else if (server.paragraphs.length > 0 || server.title) waiting = window.setTimeout(() => !gone && !shown.current && setUnreachable(server), LIVE_WAIT_MS);
    }

    start().catch((error: unknown) => {
      if (!gone) setLoadError(error instanceof Error ? error : new Error(String(error)));
    });
    // The browser knows first when the network goes: stop trying until it is back.
    const offline = () => live.current?.provider.disconnect();
    const online = () => void live.current?.provider.connect();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      gone = true;
      abort.abort();
      window.clearTimeout(waiting);
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      if (opened) {
        opened.undo.destroy();
        opened.provider.destroy();
        opened.stored?.destroy();
        opened.doc.destroy();
      }
      live.current = null;
      composition.current = null;
    };
  }, [id, name, delegation, refresh]);

  /** Applies an edit: shown at once, written to the live document unless a composition is under way. */
  const edit = useCallback(
    (change: (e: Editable) => Editable) => {
      const prev = shown.current;
      const doc = live.current?.doc;
      if (!prev || !doc) return;
      const next = change(prev);
      if (next === prev) return;
      show(next);
      if (!composition.current) applyDraftChange(doc, content(prev), content(next), MINE);
    },
    [show],
  );

  /**
   * A paragraph's text (and footnotes) as typed, on the paragraph as it was
   * shown (`rendered`): placed in the live text after whatever co-editors typed
   * since it was shown, so a keystroke never undoes theirs.
   */
  const editText = useCallback(
    (rendered: DraftT['paragraphs'][number], patch: Pick<DraftT['paragraphs'][number], 'text' | 'footnotes'>) => {
      const doc = live.current?.doc;
      const before = shown.current;
      if (!doc || !before) return;
      const next = { ...rendered, ...patch };
      const withParagraph = (p: P.Para) => ({ ...before, paragraphs: P.update(before.paragraphs, p.id, p) });
      if (composition.current) return show(withParagraph(next));
      if (!applyParagraphEdit(doc, rendered.id, rendered, next, MINE)) {
        // Deleted by someone meanwhile: the general path brings it back with this text.
        return edit((e) => ({ ...e, paragraphs: P.update(e.paragraphs, next.id, next) }));
      }
      const now = paragraphOf(doc, rendered.id);
      if (now) show(withParagraph(now));
    },
    [edit, show],
  );

  /** An IME composition begins in a paragraph, over the given selection of its marked text. */
  const compositionStart = useCallback((paragraphId: string, selection: [number, number]) => {
    const doc = live.current?.doc;
    const p = shown.current?.paragraphs.find((x) => x.id === paragraphId);
    const text = doc && paragraphText(doc, paragraphId);
    if (!p || !text) return;
    const anchors: [Y.RelativePosition, Y.RelativePosition] = [
      Y.createRelativePositionFromTypeIndex(text, selection[0]),
      Y.createRelativePositionFromTypeIndex(text, selection[1], -1),
    ];
    composition.current = { paragraphId, base: { text: p.text, footnotes: p.footnotes }, selection, anchors };
  }, []);

  /** The composition ended; the committed text (the edit that follows at once) goes into the live document. */
  const compositionEnd = useCallback(() => {
    queueMicrotask(() => {
      const c = composition.current;
      const doc = live.current?.doc;
      composition.current = null;
      const p = shown.current?.paragraphs.find((x) => x.id === c?.paragraphId);
      if (!c || !doc || !p) return;
      const absolute = (r: Y.RelativePosition) => Y.createAbsolutePositionFromRelativePosition(r, doc)?.index ?? null;
      const [from, to] = c.anchors.map(absolute);
      const place = (start: number, end: number) => {
        if (from === null || to === null) return { start, end };
        if (start === c.selection[0] && end === c.selection[1]) return { start: from, end: Math.max(from, to) };
        const shift = from - c.selection[0];
        return { start: start + shift, end: end + shift };
      };
      spliceParagraph(doc, c.paragraphId, c.base, p, place, MINE);
      refresh();
    });
  }, [refresh]);

  /** Tells the others which paragraph this editor is in (null: none). */
  const setPresence = useCallback((paragraphId: string | null) => {
    live.current?.provider.setAwarenessField('paragraphId', paragraphId);
  }, []);

  const state: SaveState = loadError ? 'error' : !local ? 'loading' : message ? 'error' : !connected ? 'offline' : unsynced > 0 ? 'saving' : 'saved';
  return {
    /** The draft as loaded (access, language, base), with the live text. */
    draft: draft && local ? { ...draft, ...local } : null,
    local,
    state,
    message,
    loadError,
    /** Set when the live socket could not be reached: the draft as the API gave it, to show read-only. */
    unreachable: local ? null : unreachable,
    peers,
    announcements,
    edit,
    editText,
    compositionStart,
    compositionEnd,
    setPresence,
    /** This editor's undo (only its own changes). */
    undo: live.current?.undo ?? null,
    /** The paragraphs shown right now (after an undo step, before React renders). */
    current: useCallback(() => shown.current?.paragraphs ?? [], []),
  };
}

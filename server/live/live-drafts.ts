// Live co-editing of drafts: a Hocuspocus server (the Yjs sync and awareness
// protocols; no home-made merge) whose documents are drafts, named by draft id.
// - Who: a connection is signed in by its session cookie and may open a draft
//   it may read; without write access it is read-only (it sees the text live).
// - Durable: every update a connection sends is written to the store before
//   Hocuspocus applies and acknowledges it, so an acknowledged keystroke
//   survives a crash; a document loads from its state and updates since.
// - Several instances: each stored update is announced to the others (the
//   store's onRemoteUpdate: PostgreSQL NOTIFY), which apply it to their copy
//   of the document, so co-editors connected to different instances see each
//   other type; presence (who is where) and announcements are relayed the
//   same way, without being kept.
// - The draft row follows: at each pause (and before a REST read that finds
//   live changes pending, through settle) the live text is written to the draft row, with a kept version
//   naming who typed; a REST save is pushed into the live text as a change.
// - A draft that never had a live document gets one from its row, with a new
//   lineage: browsers drop an offline copy of another lineage (web/drafts/live/).
import { Hocuspocus, type Document } from '@hocuspocus/server';
import { parse as parseCookies } from 'hono/utils/cookie';
import { randomUUID } from 'node:crypto';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { applyDraftChange, lineageOf, readDraft, sameContent, writeDraft, type LiveAnnouncement, type LiveContent, type LiveMessage } from '../../core/live-doc.js';
import type { Actor } from '../accounts/model.js';
import { sessionUser } from '../accounts/service.js';
import { SESSION_COOKIE } from '../api/session.js';
import { allows } from '../drafts/access.js';
import { liveContentOf, type LiveText } from '../drafts/live.js';
import { openDraft, type DraftsContext } from '../drafts/service.js';
import type { Db } from '../store/db.js';
import type { RoomMessage, Store } from '../store/store.js';
import { checkPresence } from './presence-check.js';
import { documentUpdateOf } from './sync-message.js';

/** How long after the last keystroke the draft row and a kept version are written, and the longest it waits while typing goes on. */
export const PAUSE_MS = 2000;
export const MAX_PAUSE_MS = 10_000;

/** What a connection carries: its user. A REST save's transaction carries the same. */
interface LiveContext {
  actor: Actor;
}

/** The origin of updates read back from the store (loaded, or stored by another instance): never stored again. */
const FROM_STORE = Symbol('from the store');

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** An update that adds nothing (an empty sync step 2 of a client that had nothing new) is not worth a row. */
const isEmptyUpdate = (update: Uint8Array) => update.length <= 2;

export class LiveDrafts implements LiveText {
  readonly server: Hocuspocus;
  /** Open documents changed since their text was last written to the draft row: only those need settling. */
  private readonly unsettled = new Set<string>();
  /** For each open document, the last stored update it is known to hold (all before it too). */
  private readonly heldThrough = new Map<string, number>();
  private readonly stopListening: () => void;

  constructor(
    private readonly db: Db,
    private readonly store: Store,
  ) {
    const drafts: DraftsContext = { db, store, live: this };
    this.server = new Hocuspocus({
      quiet: true,
      debounce: PAUSE_MS,
      maxDebounce: MAX_PAUSE_MS,
      onAuthenticate: async ({ requestHeaders, documentName, connectionConfig }) => {
        const token = parseCookies(String(requestHeaders.cookie ?? ''), SESSION_COOKIE)[SESSION_COOKIE];
        const session = token ? await sessionUser(store, token) : null;
        if (!session) throw new Error('Not signed in');
        // 404/403 as the API answers them (the drafts service checks access).
        const { access } = await openDraft(drafts, session.user, documentName, 'read');
        if (!allows(access, 'write')) connectionConfig.readOnly = true;
        return { actor: session.user } satisfies LiveContext;
      },
      beforeHandleMessage: async ({ update: message, context, document, connection }) => {
        const actor = (context as LiveContext).actor;
        // Presence names the connection's own user, or the connection is closed (presence-check.ts).
        checkPresence(message, actor, (id) => document.awareness.meta.get(id)?.clock);
        // Stored before Hocuspocus applies it and sends the acknowledgement (a read-only connection's is refused there).
        const update = documentUpdateOf(message);
        if (update && !connection.readOnly && !isEmptyUpdate(update)) await store.live.append(document.name, update, actor.id);
      },
      onLoadDocument: async ({ document, documentName }) => this.load(document, documentName),
      afterLoadDocument: async ({ document, documentName }) => {
        // Presence changed here (a desk moved, joined or left) goes to the other instances' desks too.
        document.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
          if (origin === FROM_STORE) return;
          const update = encodeAwarenessUpdate(document.awareness, [...added, ...updated, ...removed]);
          void store.live.relay(documentName, { kind: 'presence', data: Buffer.from(update).toString('base64') }).catch(() => {});
        });
        // What the load itself applies is the stored state; what arrives from the store later (another instance's typing) is news.
        document.on('update', (_update: Uint8Array, origin: unknown) => {
          if (origin !== FROM_STORE || this.heldThrough.has(documentName)) this.unsettled.add(documentName);
        });
      },
      afterUnloadDocument: async ({ documentName }) => {
        this.unsettled.delete(documentName);
        this.heldThrough.delete(documentName);
      },
      onStoreDocument: async ({ document, documentName }) => this.materialise(document, documentName),
    });
    const stopUpdates = store.live.onRemoteUpdate((draftId) => void this.catchUp(draftId).catch(() => {}));
    const stopRelays = store.live.onRelay((draftId, message) => this.relayed(draftId, message));
    this.stopListening = () => {
      stopUpdates();
      stopRelays();
    };
  }

  /** The live document from the store, or a new one from the draft's row (or another instance's, if it made one first). */
  private async load(document: Y.Doc, draftId: string): Promise<void> {
    let stored = await this.store.live.read(draftId);
    if (!stored) {
      const draft = await this.store.drafts.get(draftId);
      if (!draft) throw new Error(`Draft not found: ${draftId}`);
      const fresh = new Y.Doc();
      const built = liveContentOf(draft);
      writeDraft(fresh, built, randomUUID());
      try {
        if (await this.store.live.create(draftId, lineageOf(fresh)!, Y.encodeStateAsUpdate(fresh))) {
          // A REST save that wrote the row after it was read here, but before the live document
          // existed, was told there was none to push to: its change goes in now, or the next pause
          // would write the live text over it. Saves after the creation push it themselves.
          const now = await this.store.drafts.get(draftId);
          if (now && now.version !== draft.version) await this.changeAndStore(fresh, draftId, built, liveContentOf(now), null);
        }
      } finally {
        fresh.destroy();
      }
      stored = (await this.store.live.read(draftId))!;
    }
    Y.transact(document, () => stored.updates.forEach((u) => Y.applyUpdate(document, u)), FROM_STORE);
    this.heldThrough.set(draftId, stored.seq);
  }

  /** Applies what other instances stored since this one last looked; the last update now held. */
  private async catchUp(draftId: string, document = this.server.documents.get(draftId)): Promise<number> {
    const held = this.heldThrough.get(draftId) ?? 0;
    if (!document || document.isLoading) return held;
    const since = await this.store.live.updatesAfter(draftId, held);
    if (!since) return held;
    Y.transact(
      document,
      () => {
        if (since.state) Y.applyUpdate(document, since.state);
        for (const u of since.updates) Y.applyUpdate(document, u.data);
      },
      FROM_STORE,
    );
    const through = Math.max(held, since.updates.at(-1)?.seq ?? held);
    if (this.heldThrough.has(draftId)) this.heldThrough.set(draftId, Math.max(through, this.heldThrough.get(draftId)!));
    return through;
  }

  /** Writes the live text to the draft row (a kept version, naming who typed) when it differs, and compacts the updates it holds. */
  private async materialise(document: Y.Doc, draftId: string, through?: number): Promise<void> {
    // Every update stored so far joins the state first: the compaction drops only what the state holds.
    const held = through ?? (await this.catchUp(draftId));
    const row = await this.store.drafts.get(draftId);
    if (!row) return; // deleted meanwhile
    const content = readDraft(document);
    const editors = await this.store.live.editorsSinceCompaction(draftId);
    const changed = !sameContent(content, liveContentOf(row));
    const names = (await Promise.all(editors.map((id) => this.store.accounts.findUserById(id)))).filter((u) => u !== null);
    const draft = changed ? { ...row, ...content, version: row.version + 1, updatedAt: new Date().toISOString() } : null;
    const note = names.length > 1 ? `Typed live by ${names.map((u) => `${u.name} (${u.delegation.name})`).join(', ')}` : null;
    const change = { draft, expectedVersion: row.version, savedBy: editors.at(-1) ?? null, note };
    if (await this.store.live.materialise(draftId, Y.encodeStateAsUpdate(document), held, change)) this.unsettled.delete(draftId);
  }

  async settle(draftId: string, updatesPending: boolean): Promise<boolean> {
    const document = this.server.documents.get(draftId);
    if (document) {
      // Every API read of the draft comes here: nothing to do unless someone typed since the last write.
      if (document.isLoading || !this.unsettled.has(draftId)) return false;
      await this.materialise(document, draftId);
      return true;
    }
    // Not open here, with updates the row lacks: the server stopped (or crashed) before their pause, or another instance has it open.
    if (!updatesPending) return false;
    const stored = await this.storedDoc(draftId);
    if (!stored) return false;
    try {
      await this.materialise(stored.doc, draftId, stored.seq);
    } finally {
      stored.doc.destroy();
    }
    return true;
  }

  /** The stored live document, outside Hocuspocus; null when there is none. */
  private async storedDoc(draftId: string): Promise<{ doc: Y.Doc; seq: number } | null> {
    const stored = await this.store.live.read(draftId);
    if (!stored) return null;
    const doc = new Y.Doc();
    Y.transact(doc, () => stored.updates.forEach((u) => Y.applyUpdate(doc, u)), FROM_STORE);
    return { doc, seq: stored.seq };
  }

  async push(draftId: string, prev: LiveContent, next: LiveContent, actor: Actor | null, liveDocument: boolean): Promise<void> {
    const open = this.server.documents.get(draftId);
    // Most saves are of drafts nobody opened live: the save's write said so, no read of the state.
    if (!open && !liveDocument) return;
    const target = open && !open.isLoading ? open : (await this.storedDoc(draftId))?.doc;
    // Not open and none stored: the row is all there is.
    if (!target) return;
    try {
      await this.changeAndStore(target, draftId, prev, next, actor);
    } finally {
      if (target !== open) target.destroy();
    }
  }

  /** Applies the change from `prev` to `next` to `target` and stores the updates it made, as `actor`'s. */
  private async changeAndStore(target: Y.Doc, draftId: string, prev: LiveContent, next: LiveContent, actor: Actor | null): Promise<void> {
    const origin = { context: { actor } };
    const made: Uint8Array[] = [];
    const collect = (update: Uint8Array, from: unknown) => from === origin && made.push(update);
    target.on('update', collect);
    try {
      applyDraftChange(target, prev, next, origin);
    } finally {
      target.off('update', collect);
    }
    for (const update of made) await this.store.live.append(draftId, update, actor?.id ?? null);
  }

  /** Tells every browser in the draft, on every instance, that something beside its text changed (`what`: "negotiation"), so it reloads that. */
  announce(draftId: string, what: LiveAnnouncement): void {
    this.announceHere(draftId, what);
    void this.store.live.relay(draftId, { kind: 'announce', data: what }).catch(() => {});
  }

  private announceHere(draftId: string, what: LiveAnnouncement): void {
    this.server.documents.get(draftId)?.broadcastStateless(JSON.stringify({ changed: what } satisfies LiveMessage));
  }

  /** Another instance's presence or announcement, for the desks here. */
  private relayed(draftId: string, message: RoomMessage): void {
    const document = this.server.documents.get(draftId);
    if (!document || document.isLoading) return;
    if (message.kind === 'announce') this.announceHere(draftId, message.data as LiveAnnouncement);
    else applyAwarenessUpdate(document.awareness, Buffer.from(message.data, 'base64'), FROM_STORE);
  }

  disconnect(draftId: string): void {
    this.server.closeConnections(draftId);
  }

  async close(): Promise<void> {
    this.stopListening();
    for (const document of this.server.documents.values()) {
      const { name } = document as Document;
      // The pause's write, due later, happens now (and not after the store has closed).
      const pending = `onStoreDocument-${name}`;
      if (this.server.debouncer.isDebounced(pending)) await Promise.resolve(this.server.debouncer.executeNow(pending)).catch(() => {});
      else if (this.unsettled.has(name)) await this.materialise(document, name).catch(() => {});
    }
    this.server.closeConnections();
  }
}

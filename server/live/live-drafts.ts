// Live co-editing of drafts: a Hocuspocus server (the Yjs sync and awareness
// protocols; no home-made merge) whose documents are drafts, named by draft id.
// - Who: a connection is signed in by its session cookie and may open a draft
//   it may read; without write access it is read-only (it sees the text live).
// - Durable: every update is written to the database as it is applied, before
//   the server acknowledges it (store/live.ts), so an acknowledged keystroke
//   survives a crash; a document loads from its state and updates since.
// - The draft row follows: at each pause (and before any REST read, through
//   settle) the live text is written to the draft row, with a kept version
//   naming who typed; a REST save is pushed into the live text as a change.
// - A draft that never had a live document gets one from its row, with a new
//   lineage: browsers drop an offline copy of another lineage (web/drafts/live/).
import { Hocuspocus, type Document } from '@hocuspocus/server';
import { parse as parseCookies } from 'hono/utils/cookie';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { applyDraftChange, lineageOf, readDraft, sameContent, writeDraft, type LiveAnnouncement, type LiveContent, type LiveMessage } from '../../core/live-doc.js';
import type { Actor } from '../accounts/model.js';
import { sessionUser } from '../accounts/service.js';
import { SESSION_COOKIE } from '../api/session.js';
import { allows } from '../drafts/access.js';
import { liveContentOf, type LiveText } from '../drafts/live.js';
import { openDraft } from '../drafts/service.js';
import type { Db } from '../store/db.js';
import { findUserById } from '../store/accounts.js';
import { getDraft } from '../store/drafts.js';
import * as store from '../store/live.js';
import { checkPresence } from './presence-check.js';

/** How long after the last keystroke the draft row and a kept version are written, and the longest it waits while typing goes on. */
export const PAUSE_MS = 2000;
export const MAX_PAUSE_MS = 10_000;

/** What a connection carries: its user. A REST save's transaction carries the same. */
interface LiveContext {
  actor: Actor;
}

/** The user behind a transaction: a connection's (Hocuspocus passes the connection as origin) or a REST save's, both carrying a LiveContext. */
const actorOfOrigin = (origin: unknown): Actor | null => (origin as { context?: Partial<LiveContext> } | null)?.context?.actor ?? null;

/** A stored live document's state and updates, in order, into `doc`. */
const applyStored = (doc: Y.Doc, updates: readonly Uint8Array[]) => Y.transact(doc, () => updates.forEach((u) => Y.applyUpdate(doc, u)));

export class LiveDrafts implements LiveText {
  readonly server: Hocuspocus;
  /** Open documents changed since their text was last written to the draft row: only those need settling. */
  private readonly unsettled = new Set<string>();

  constructor(private readonly db: Db) {
    this.server = new Hocuspocus({
      quiet: true,
      debounce: PAUSE_MS,
      maxDebounce: MAX_PAUSE_MS,
      onAuthenticate: async ({ requestHeaders, documentName, connectionConfig }) => {
        const token = parseCookies(String(requestHeaders.cookie ?? ''), SESSION_COOKIE)[SESSION_COOKIE];
        const session = token ? sessionUser(this.db, token) : null;
        if (!session) throw new Error('Not signed in');
        // 404/403 as the API answers them (the drafts service checks access).
        const { access } = openDraft(this.db, session.user, documentName, 'read');
        if (!allows(access, 'write')) connectionConfig.readOnly = true;
        return { actor: session.user } satisfies LiveContext;
      },
      // Presence names the connection's own user, or the connection is closed (presence-check.ts).
      beforeHandleMessage: async ({ update, context, document }) => checkPresence(update, (context as LiveContext).actor, (id) => document.awareness.meta.get(id)?.clock),
      onLoadDocument: async ({ document, documentName }) => this.load(document, documentName),
      afterLoadDocument: async ({ document, documentName }) => {
        // Synchronous, inside the update's application: written before the acknowledgement is sent.
        document.on('update', (update: Uint8Array, origin: unknown) => {
          store.appendUpdate(this.db, documentName, update, actorOfOrigin(origin)?.id ?? null);
          this.unsettled.add(documentName);
        });
      },
      afterUnloadDocument: async ({ documentName }) => {
        this.unsettled.delete(documentName);
      },
      onStoreDocument: async ({ document, documentName }) => this.materialise(document, documentName),
    });
  }

  /** The live document from the database, or a new one from the draft's row. */
  private load(document: Y.Doc, draftId: string): void {
    const stored = store.readLive(this.db, draftId);
    if (stored) return applyStored(document, stored.updates);
    const draft = getDraft(this.db, draftId);
    if (!draft) throw new Error(`Draft not found: ${draftId}`);
    writeDraft(document, liveContentOf(draft), randomUUID());
    store.createLive(this.db, draftId, lineageOf(document)!, Y.encodeStateAsUpdate(document));
  }

  /** Writes the live text to the draft row (a kept version, naming who typed) when it differs, and compacts the updates. */
  private materialise(document: Y.Doc, draftId: string): void {
    const row = getDraft(this.db, draftId);
    if (!row) return; // deleted meanwhile
    const content = readDraft(document);
    const editors = store.editorsSinceCompaction(this.db, draftId);
    const changed = !sameContent(content, liveContentOf(row));
    const names = editors.map((id) => findUserById(this.db, id)).filter((u) => u !== null);
    const draft = changed ? { ...row, ...content, version: row.version + 1, updatedAt: new Date().toISOString() } : null;
    const note = names.length > 1 ? `Typed live by ${names.map((u) => `${u.name} (${u.delegation.name})`).join(', ')}` : null;
    if (store.materialiseLive(this.db, draftId, Y.encodeStateAsUpdate(document), { draft, expectedVersion: row.version, savedBy: editors.at(-1) ?? null, note })) {
      this.unsettled.delete(draftId);
    }
  }

  settle(draftId: string): void {
    const document = this.server.documents.get(draftId);
    if (document) {
      // Every API read of the draft comes here: nothing to do unless someone typed since the last write.
      if (!document.isLoading && this.unsettled.has(draftId)) this.materialise(document, draftId);
      return;
    }
    // Not open, with updates the row lacks: the server stopped (or crashed) before their pause.
    if (!store.hasUpdates(this.db, draftId)) return;
    const doc = this.storedDoc(draftId);
    if (doc) this.materialise(doc, draftId);
    doc?.destroy();
  }

  /** The stored live document, outside Hocuspocus; null when there is none. */
  private storedDoc(draftId: string): Y.Doc | null {
    const stored = store.readLive(this.db, draftId);
    if (!stored) return null;
    const doc = new Y.Doc();
    applyStored(doc, stored.updates);
    return doc;
  }

  push(draftId: string, prev: LiveContent, next: LiveContent, actor: Actor | null): void {
    const origin = { context: { actor } };
    const open = this.server.documents.get(draftId);
    if (open && !open.isLoading) {
      applyDraftChange(open, prev, next, origin);
      return;
    }
    // Not open: the change joins the stored updates (none stored yet: the row is all there is).
    const doc = this.storedDoc(draftId);
    if (!doc) return;
    doc.on('update', (update: Uint8Array) => store.appendUpdate(this.db, draftId, update, actor?.id ?? null));
    applyDraftChange(doc, prev, next, origin);
    doc.destroy();
  }

  /** Tells every browser in the draft that something beside its text changed (`what`: "negotiation"), so it reloads that. */
  announce(draftId: string, what: LiveAnnouncement): void {
    this.server.documents.get(draftId)?.broadcastStateless(JSON.stringify({ changed: what } satisfies LiveMessage));
  }

  /** The lineage of the draft's live document; null before it was first opened live. */
  lineage(draftId: string): string | null {
    return store.lineageOf(this.db, draftId);
  }

  disconnect(draftId: string): void {
    this.server.closeConnections(draftId);
  }

  async close(): Promise<void> {
    for (const document of this.server.documents.values()) {
      const { name } = document as Document;
      if (this.unsettled.has(name)) this.materialise(document, name);
    }
    this.server.closeConnections();
  }
}

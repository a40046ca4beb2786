// The live documents of drafts (Yjs, core/live-doc.ts) as the database keeps
// them: a compacted state per draft and, after it, every update as it arrived,
// written before the server acknowledges it (so an acknowledged keystroke
// survives a crash). Materialising writes the draft row and its kept version
// from the live text and compacts the updates, in one transaction.
import type { Draft } from '../drafts/model.js';
import type { Db } from './db.js';
import { updateDraft } from './drafts.js';

export const LIVE_SCHEMA = `
CREATE TABLE IF NOT EXISTS live_documents (
  draft_id TEXT PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
  lineage TEXT NOT NULL,
  state BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS live_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  data BLOB NOT NULL,
  user_id TEXT,
  at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS live_updates_by_draft ON live_updates(draft_id, seq);
`;

export interface StoredLive {
  lineage: string;
  /** The compacted state, then the updates since, in order. */
  updates: Uint8Array[];
}

export function readLive(db: Db, draftId: string): StoredLive | null {
  const doc = db.prepare('SELECT lineage, state FROM live_documents WHERE draft_id = ?').get(draftId) as { lineage: string; state: Buffer } | undefined;
  if (!doc) return null;
  const rows = db.prepare('SELECT data FROM live_updates WHERE draft_id = ? ORDER BY seq').all(draftId) as { data: Buffer }[];
  return { lineage: doc.lineage, updates: [doc.state, ...rows.map((r) => r.data)].map((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)) };
}

export function lineageOf(db: Db, draftId: string): string | null {
  const row = db.prepare('SELECT lineage FROM live_documents WHERE draft_id = ?').get(draftId) as { lineage: string } | undefined;
  return row?.lineage ?? null;
}

export function createLive(db: Db, draftId: string, lineage: string, state: Uint8Array): void {
  db.prepare('INSERT INTO live_documents (draft_id, lineage, state, updated_at) VALUES (?, ?, ?, ?)').run(draftId, lineage, Buffer.from(state), new Date().toISOString());
}

/** One update, durable when this returns (synchronous=FULL). */
export function appendUpdate(db: Db, draftId: string, data: Uint8Array, userId: string | null): void {
  db.prepare('INSERT INTO live_updates (draft_id, data, user_id, at) VALUES (?, ?, ?, ?)').run(draftId, Buffer.from(data), userId, new Date().toISOString());
}

export function hasUpdates(db: Db, draftId: string): boolean {
  return db.prepare('SELECT 1 FROM live_updates WHERE draft_id = ? LIMIT 1').get(draftId) !== undefined;
}

/** Who made the updates since the last compaction, most recent last. */
export function editorsSinceCompaction(db: Db, draftId: string): string[] {
  const rows = db
    .prepare('SELECT user_id FROM live_updates WHERE draft_id = ? AND user_id IS NOT NULL GROUP BY user_id ORDER BY MAX(seq)')
    .all(draftId) as { user_id: string }[];
  return rows.map((r) => r.user_id);
}

export interface Materialised {
  /** The draft as the live text makes it, when it differs from the stored row; null when they agree. */
  draft: Draft | null;
  expectedVersion: number;
  savedBy: string | null;
  note: string | null;
}

/**
 * The live document's whole state replaces its updates, and the draft row (and
 * a kept version) takes the live text when it changed: one transaction, so the
 * row never lags behind a compaction.
 */
export function materialiseLive(db: Db, draftId: string, state: Uint8Array, change: Materialised): boolean {
  return db.transaction(() => {
    if (change.draft && !updateDraft(db, change.draft, change.expectedVersion, change.savedBy, change.note)) return false;
    db.prepare('UPDATE live_documents SET state = ?, updated_at = ? WHERE draft_id = ?').run(Buffer.from(state), new Date().toISOString(), draftId);
    db.prepare('DELETE FROM live_updates WHERE draft_id = ?').run(draftId);
    return true;
  })();
}

/** Live documents and updates: their count and bytes, for the benchmark and health. */
export function liveSize(db: Db, draftId: string): { stateBytes: number; updates: number; updateBytes: number } {
  const doc = db.prepare('SELECT length(state) AS n FROM live_documents WHERE draft_id = ?').get(draftId) as { n: number } | undefined;
  const ups = db.prepare('SELECT count(*) AS c, coalesce(sum(length(data)), 0) AS n FROM live_updates WHERE draft_id = ?').get(draftId) as { c: number; n: number };
  return { stateBytes: doc?.n ?? 0, updates: ups.c, updateBytes: ups.n };
}

// The live documents of drafts (Yjs, core/live-doc.ts) as the database keeps
// them: a compacted state per draft and, after it, every update as it arrived,
// written before the server acknowledges it (so an acknowledged keystroke
// survives a crash). Materialising writes the draft row and its kept version
// from the live text and compacts the updates, in one transaction.
import type { Db } from '../db.js';
import { prepared } from './prepared.js';
import type { Materialised, StoredLive } from '../store.js';
import { updateDraft } from './drafts.js';

export const LIVE_SCHEMA = `
CREATE TABLE IF NOT EXISTS live_documents (
  draft_id TEXT PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
  lineage TEXT NOT NULL,
  state BLOB NOT NULL,
  updated_at TEXT NOT NULL,
  compacted_seq INTEGER NOT NULL DEFAULT 0
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

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Live documents made before compactions were numbered lack the column. */
export function migrateLive(db: Db): void {
  const columns = new Set((prepared(db, 'PRAGMA table_info(live_documents)').all() as { name: string }[]).map((c) => c.name));
  if (!columns.has('compacted_seq')) db.exec('ALTER TABLE live_documents ADD COLUMN compacted_seq INTEGER NOT NULL DEFAULT 0');
}

export function readLive(db: Db, draftId: string): StoredLive | null {
  const doc = prepared(db, 'SELECT lineage, state, compacted_seq FROM live_documents WHERE draft_id = ?').get(draftId) as
    | { lineage: string; state: Buffer; compacted_seq: number }
    | undefined;
  if (!doc) return null;
  const rows = prepared(db, 'SELECT seq, data FROM live_updates WHERE draft_id = ? ORDER BY seq').all(draftId) as { seq: number; data: Buffer }[];
  return { lineage: doc.lineage, updates: [doc.state, ...rows.map((r) => r.data)].map(bytes), seq: Math.max(doc.compacted_seq, rows.at(-1)?.seq ?? 0) };
}

/** The updates after `seq`, with the state first when a compaction since dropped some of them. */
export function updatesAfter(db: Db, draftId: string, seq: number): { state: Uint8Array | null; updates: { seq: number; data: Uint8Array }[] } | null {
  const doc = prepared(db, 'SELECT state, compacted_seq FROM live_documents WHERE draft_id = ?').get(draftId) as { state: Buffer; compacted_seq: number } | undefined;
  if (!doc) return null;
  const rows = prepared(db, 'SELECT seq, data FROM live_updates WHERE draft_id = ? AND seq > ? ORDER BY seq').all(draftId, seq) as { seq: number; data: Buffer }[];
  return { state: doc.compacted_seq > seq ? bytes(doc.state) : null, updates: rows.map((r) => ({ seq: r.seq, data: bytes(r.data) })) };
}

export function lineageOf(db: Db, draftId: string): string | null {
  const row = prepared(db, 'SELECT lineage FROM live_documents WHERE draft_id = ?').get(draftId) as { lineage: string } | undefined;
  return row?.lineage ?? null;
}

export function createLive(db: Db, draftId: string, lineage: string, state: Uint8Array): boolean {
  const inserted = prepared(db, 'INSERT INTO live_documents (draft_id, lineage, state, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (draft_id) DO NOTHING')
    .run(draftId, lineage, Buffer.from(state), new Date().toISOString());
  return inserted.changes === 1;
}

/** One update, durable when this returns (synchronous=FULL); its sequence number. */
export function appendUpdate(db: Db, draftId: string, data: Uint8Array, userId: string | null): number {
  const { lastInsertRowid } = prepared(db, 'INSERT INTO live_updates (draft_id, data, user_id, at) VALUES (?, ?, ?, ?)').run(draftId, Buffer.from(data), userId, new Date().toISOString());
  return Number(lastInsertRowid);
}

export function hasUpdates(db: Db, draftId: string): boolean {
  return prepared(db, 'SELECT 1 FROM live_updates WHERE draft_id = ? LIMIT 1').get(draftId) !== undefined;
}

/** Who made the updates since the last compaction, most recent last. */
export function editorsSinceCompaction(db: Db, draftId: string): string[] {
  const rows = prepared(db, 'SELECT user_id FROM live_updates WHERE draft_id = ? AND user_id IS NOT NULL GROUP BY user_id ORDER BY MAX(seq)')
    .all(draftId) as { user_id: string }[];
  return rows.map((r) => r.user_id);
}

/**
 * The live document's whole state replaces its updates, and the draft row (and
 * a kept version) takes the live text when it changed: one transaction, so the
 * row never lags behind a compaction.
 */
export function materialiseLive(db: Db, draftId: string, state: Uint8Array, throughSeq: number, change: Materialised): boolean {
  return db.transaction(() => {
    if (change.draft && !updateDraft(db, change.draft, change.expectedVersion, change.savedBy, change.note)) return false;
    // A state holding less than the stored one (another instance compacted further meanwhile) does not replace it.
    prepared(db, 'UPDATE live_documents SET state = ?, updated_at = ?, compacted_seq = ? WHERE draft_id = ? AND compacted_seq <= ?').run(
      Buffer.from(state),
      new Date().toISOString(),
      throughSeq,
      draftId,
      throughSeq,
    );
    prepared(db, 'DELETE FROM live_updates WHERE draft_id = ? AND seq <= ?').run(draftId, throughSeq);
    return true;
  })();
}

/** Live documents and updates: their count and bytes, for the benchmark and health. */
export function liveSize(db: Db, draftId: string): { stateBytes: number; updates: number; updateBytes: number } {
  const doc = prepared(db, 'SELECT length(state) AS n FROM live_documents WHERE draft_id = ?').get(draftId) as { n: number } | undefined;
  const ups = prepared(db, 'SELECT count(*) AS c, coalesce(sum(length(data)), 0) AS n FROM live_updates WHERE draft_id = ?').get(draftId) as { c: number; n: number };
  return { stateBytes: doc?.n ?? 0, updates: ups.c, updateBytes: ups.n };
}

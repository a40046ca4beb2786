// Live documents in PostgreSQL, as server/store/live.ts keeps them in SQLite,
// for several instances at once: every update gets a sequence number, and the
// instances tell each other of new ones (NOTIFY precedent_live) so each applies
// the others' updates to its open copy. compacted_seq says which updates the
// compacted state already holds, so an instance that missed some is sent the
// state instead of updates that are gone.
import pg from 'pg';
import type { LiveStore, Materialised, StoredLive } from '../store.js';
import { writeDraft } from './drafts.js';
import type { Notifications } from './notifications.js';
import { bytes, inSnapshot, inTransaction, num, rollback, toBuffer } from './sql.js';

export const LIVE_CHANNEL = 'precedent_live';
/** Presence and announcements passed between instances (not kept). */
export const ROOM_CHANNEL = 'precedent_room';
/** The first key of the per-draft advisory lock appends take (the second is the draft id's hash). */
export const APPEND_LOCK = 7301;
export function liveStore(pool: pg.Pool, notifications: Notifications): LiveStore {

  return {
    read(draftId): Promise<StoredLive | null> {
      // One snapshot: a compaction between the two reads would drop updates the old state lacks.
      return inSnapshot(pool, async (client) => {
        const doc = await client.query<{ lineage: string; state: Buffer; compacted_seq: string }>(
          'SELECT lineage, state, compacted_seq FROM live_documents WHERE draft_id = $1',
          [draftId],
        );
        const row = doc.rows[0];
        if (!row) return null;
        const { rows } = await client.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM live_updates WHERE draft_id = $1 ORDER BY seq', [draftId]);
        const last = rows.length ? num(rows[rows.length - 1]!.seq) : 0;
        return { lineage: row.lineage, updates: [row.state, ...rows.map((r) => r.data)].map(bytes), seq: Math.max(last, num(row.compacted_seq)) };
      });
    },

    async create(draftId, lineage, state) {
      const result = await pool.query('INSERT INTO live_documents (draft_id, lineage, state, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (draft_id) DO NOTHING', [
        draftId,
        lineage,
        toBuffer(state),
        new Date().toISOString(),
      ]);
      return result.rowCount === 1;
    },

    async append(draftId, data, userId) {
      // One statement, so one round trip and its own transaction. The per-draft lock, taken before
      // the sequence number and held to commit, makes a draft's updates commit in seq order: a
      // reader never sees seq n+1 without n. The notification leaves only if the update commits.
      const { rows } = await pool.query<{ seq: string }>(
        `WITH locked AS MATERIALIZED (SELECT pg_advisory_xact_lock(${APPEND_LOCK}, hashtext($1::text)) AS ok),
         inserted AS (
           INSERT INTO live_updates (draft_id, data, user_id, at) SELECT $1::text, $2::bytea, $3::text, $4::text FROM locked RETURNING seq
         )
         SELECT seq, pg_notify('${LIVE_CHANNEL}', json_build_object('draftId', $1::text, 'seq', seq, 'instance', $5::text)::text) FROM inserted`,
        [draftId, toBuffer(data), userId, new Date().toISOString(), notifications.instanceId],
      );
      return num(rows[0]!.seq);
    },

    updatesAfter(draftId, seq) {
      return inSnapshot(pool, async (client) => {
        const doc = await client.query<{ state: Buffer; compacted_seq: string }>('SELECT state, compacted_seq FROM live_documents WHERE draft_id = $1', [draftId]);
        const row = doc.rows[0];
        if (!row) return null;
        const { rows } = await client.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM live_updates WHERE draft_id = $1 AND seq > $2 ORDER BY seq', [
          draftId,
          seq,
        ]);
        return {
          state: num(row.compacted_seq) > seq ? bytes(row.state) : null,
          updates: rows.map((r) => ({ seq: num(r.seq), data: bytes(r.data) })),
        };
      });
    },

    async editorsSinceCompaction(draftId) {
      const { rows } = await pool.query<{ user_id: string }>(
        'SELECT user_id FROM live_updates WHERE draft_id = $1 AND user_id IS NOT NULL GROUP BY user_id ORDER BY MAX(seq)',
        [draftId],
      );
      return rows.map((r) => r.user_id);
    },

    materialise(draftId, state, throughSeq, change: Materialised) {
      return inTransaction(pool, async (client) => {
        if (change.draft) {
          if (!(await writeDraft(client, change.draft, change.expectedVersion, change.savedBy, change.note))) rollback(false);
        } else {
          // The live text agreed with the row at expectedVersion: compact only if that is still the row.
          const { rows } = await client.query<{ version: number }>('SELECT version FROM drafts WHERE id = $1 FOR SHARE', [draftId]);
          if (rows[0]?.version !== change.expectedVersion) rollback(false);
        }
        // Never back: another instance may have compacted further (and dropped updates this state lacks).
        const compacted = await client.query(
          'UPDATE live_documents SET state = $2, updated_at = $3, compacted_seq = $4 WHERE draft_id = $1 AND compacted_seq <= $4',
          [draftId, toBuffer(state), new Date().toISOString(), throughSeq],
        );
        if (compacted.rowCount === 0) rollback(false);
        await client.query('DELETE FROM live_updates WHERE draft_id = $1 AND seq <= $2', [draftId, throughSeq]);
        return true;
      });
    },

    async size(draftId) {
      const { rows } = await pool.query<{ state_bytes: number | null; updates: string; update_bytes: string }>(
        `SELECT (SELECT octet_length(state) FROM live_documents WHERE draft_id = $1) AS state_bytes,
           COUNT(*) AS updates, COALESCE(SUM(octet_length(data)), 0) AS update_bytes
         FROM live_updates WHERE draft_id = $1`,
        [draftId],
      );
      const row = rows[0]!;
      return { stateBytes: num(row.state_bytes), updates: num(row.updates), updateBytes: num(row.update_bytes) };
    },

    async relay(draftId, message) {
      const payload = JSON.stringify({ draftId, ...message, instance: notifications.instanceId });
      // NOTIFY carries at most 8000 bytes: a presence that large (never seen) stays on its instance.
      if (Buffer.byteLength(payload) >= 8000) return;
      await pool.query('SELECT pg_notify($1, $2)', [ROOM_CHANNEL, payload]);
    },

    onRelay(listener) {
      return notifications.subscribe(ROOM_CHANNEL, (note) => {
        const { draftId, kind, data } = note;
        if (typeof draftId === 'string' && (kind === 'presence' || kind === 'announce') && typeof data === 'string') listener(draftId, { kind, data });
      });
    },

    onRemoteUpdate(listener) {
      return notifications.subscribe(LIVE_CHANNEL, (note) => {
        if (typeof note.draftId === 'string') listener(note.draftId, Number(note.seq));
      });
    },
  };
}

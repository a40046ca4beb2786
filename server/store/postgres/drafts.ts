// Drafts, their kept versions and their shares in PostgreSQL, as
// server/store/drafts.ts and draft-sharing.ts keep them in SQLite. A write of a
// draft and its version (and the proposal a save accepts) is one transaction;
// the version check is in the UPDATE itself, so of two instances saving the
// same version one wins and the other is told (null), never both. A draft
// request reads all it needs of the draft (owner, the reader's shares, the
// state of its live document) in one statement, and a save writes in one: each
// round trip is paid by every drafter under load.
import type pg from 'pg';
import type { Draft } from '../../drafts/model.js';
import { inSection, SHARE_SELECT, toDraft, toDraftHead, toShare, toVersionInfo, versionContent, VERSION_SELECT, VERSION_WITH_CONTENT, withContent, type DraftRow, type ShareRow, type VersionRow } from '../rows.js';
import type { Acceptance, DraftsStore, NewShare, SharesStore, VisibleDraft, Written } from '../store.js';
import { inTransaction, isUniqueViolation, num, rollback, type Queryable } from './sql.js';

async function insertVersion(db: Queryable, draft: Draft, savedBy: string | null, note: string | null = null): Promise<void> {
  await db.query('INSERT INTO draft_versions (draft_id, version, saved_at, saved_by, content, note) VALUES ($1, $2, $3, $4, $5, $6)', [
    draft.id,
    draft.version,
    draft.updatedAt,
    savedBy,
    JSON.stringify(versionContent(draft)),
    note,
  ]);
}

/**
 * Writes `draft` and its version if the row is still at `expectedVersion`, in
 * one statement (one round trip; atomic alone, or part of the caller's
 * transaction), telling whether the draft has a live document; null, writing
 * nothing, otherwise. The live document is looked for by the write itself, not
 * by the read before it: one made from the row meanwhile must still get the save.
 * Shared with the live documents' materialise.
 */
export async function writeDraft(db: Queryable, draft: Draft, expectedVersion: number, savedBy: string | null, note: string | null): Promise<Written | null> {
  const { rows } = await db.query<{ live_document: boolean }>(
    `WITH updated AS (
       UPDATE drafts SET title = $2, body = $3, base_document_id = $4, version = $5, paragraphs = $6, preamble_count = $7, operative_count = $8, updated_at = $9
       WHERE id = $1 AND version = $10 RETURNING id
     ),
     kept AS (
       INSERT INTO draft_versions (draft_id, version, saved_at, saved_by, content, note) SELECT id, $5, $9, $11, $12, $13 FROM updated RETURNING draft_id
     )
     SELECT EXISTS (SELECT 1 FROM live_documents WHERE draft_id = $1) AS live_document FROM kept`,
    [
      draft.id,
      draft.title,
      draft.body,
      draft.baseDocumentId,
      draft.version,
      JSON.stringify(draft.paragraphs),
      inSection(draft, 'preamble'),
      inSection(draft, 'operative'),
      draft.updatedAt,
      expectedVersion,
      savedBy,
      JSON.stringify(versionContent(draft)),
      note,
    ],
  );
  return rows[0] ? { liveDocument: rows[0].live_document } : null;
}

/** A draft row with what a reader's request needs beside it (DraftForReader); the shares as JSON rows. */
interface ReaderRow extends DraftRow {
  shares: ShareRow[];
  lineage: string | null;
  live_updates_pending: boolean;
}

interface HeaderRow extends Omit<DraftRow, 'paragraphs'> {
  preamble_count: number;
  operative_count: number;
  owner_name: string | null;
  total: string;
}

export function draftsStore(pool: pg.Pool): DraftsStore {
  return {
    async listVisible(userId, delegationId, page) {
      // One statement, so the page and the total describe the same moment; a page past the end still brings the total (one row of nulls).
      const { rows } = await pool.query<HeaderRow>(
        `WITH visible AS (
           SELECT d.id, d.title, d.language, d.body, d.base_document_id, d.version, d.created_at, d.updated_at, d.owner_delegation_id,
             d.preamble_count, d.operative_count
           FROM drafts d
           WHERE d.owner_delegation_id = $2 OR d.id IN (SELECT draft_id FROM draft_shares WHERE delegation_id = $2 OR user_id = $1)
         )
         SELECT t.total, p.* FROM (SELECT COUNT(*) AS total FROM visible) t
         LEFT JOIN LATERAL (
           SELECT v.*, o.name AS owner_name FROM visible v LEFT JOIN delegations o ON o.id = v.owner_delegation_id
           ORDER BY v.updated_at DESC, v.id LIMIT $3 OFFSET $4
         ) p ON true`,
        [userId, delegationId, page.limit, page.offset],
      );
      const total = num(rows[0]?.total);
      const drafts: VisibleDraft[] = rows
        .filter((row) => row.id !== null)
        .map((row) => ({
          ...toDraftHead(row),
          counts: { preamble: row.preamble_count, operative: row.operative_count },
          ownerDelegationId: row.owner_delegation_id,
          ownerName: row.owner_name,
        }));
      return { drafts, total };
    },

    async get(id) {
      const { rows } = await pool.query<DraftRow>('SELECT * FROM drafts WHERE id = $1', [id]);
      return rows[0] ? toDraft(rows[0]) : null;
    },

    async getForReader(id, reader) {
      // One statement: every draft request pays each round trip, and the parts describe one moment.
      const { rows } = await pool.query<ReaderRow>(
        `SELECT d.*,
           (SELECT lineage FROM live_documents WHERE draft_id = d.id) AS lineage,
           EXISTS (SELECT 1 FROM live_updates WHERE draft_id = d.id) AS live_updates_pending,
           (SELECT COALESCE(json_agg(r ORDER BY r.created_at, r.id), '[]'::json)
            FROM (${SHARE_SELECT} WHERE s.draft_id = d.id AND (s.user_id = $2 OR s.delegation_id = $3)) r) AS shares
         FROM drafts d WHERE d.id = $1`,
        [id, reader.userId, reader.delegationId],
      );
      const row = rows[0];
      if (!row) return null;
      return { draft: toDraft(row), ownerDelegationId: row.owner_delegation_id, shares: row.shares.map(toShare), lineage: row.lineage, liveUpdatesPending: row.live_updates_pending };
    },

    insert(draft, owner) {
      return inTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO drafts (id, title, language, body, base_document_id, version, paragraphs, preamble_count, operative_count, created_at, updated_at, owner_delegation_id, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            draft.id,
            draft.title,
            draft.language,
            draft.body,
            draft.baseDocumentId,
            draft.version,
            JSON.stringify(draft.paragraphs),
            inSection(draft, 'preamble'),
            inSection(draft, 'operative'),
            draft.createdAt,
            draft.updatedAt,
            owner.delegationId,
            owner.userId,
          ],
        );
        await insertVersion(client, draft, owner.userId);
      });
    },

    update(draft, expectedVersion, savedBy, note = null, accepting?: Acceptance) {
      // A save alone is one statement: no transaction to open and commit around it.
      if (!accepting) return writeDraft(pool, draft, expectedVersion, savedBy, note);
      return inTransaction(pool, async (client) => {
        const written = await writeDraft(client, draft, expectedVersion, savedBy, note);
        if (!written) rollback(null);
        const accepted = await client.query(
          `UPDATE proposals SET status = 'accepted', decided_by = $3, decided_at = $4 WHERE draft_id = $1 AND id = $2 AND status IN ('open', 'bracketed')`,
          [draft.id, accepting.proposalId, accepting.by, accepting.at],
        );
        // Decided meanwhile (or not this draft's): the text it would apply is not saved either.
        if (accepted.rowCount === 0) rollback(null);
        return written;
      });
    },

    async delete(id) {
      const result = await pool.query('DELETE FROM drafts WHERE id = $1', [id]);
      return (result.rowCount ?? 0) > 0;
    },

    adoptOwnerless(delegationId) {
      return inTransaction(pool, async (client) => {
        const { rows } = await client.query<DraftRow>('SELECT * FROM drafts WHERE owner_delegation_id IS NULL FOR UPDATE');
        for (const row of rows) {
          const draft = toDraft(row);
          await client.query(
            'INSERT INTO draft_versions (draft_id, version, saved_at, saved_by, content) VALUES ($1, $2, $3, NULL, $4) ON CONFLICT DO NOTHING',
            [draft.id, draft.version, draft.updatedAt, JSON.stringify(versionContent(draft))],
          );
        }
        const result = await client.query('UPDATE drafts SET owner_delegation_id = $1 WHERE owner_delegation_id IS NULL', [delegationId]);
        return result.rowCount ?? 0;
      });
    },

    async nameVersion(draftId, version, name) {
      try {
        const result = await pool.query(
          `UPDATE draft_versions SET name = $3 WHERE draft_id = $1 AND version = $2
           AND NOT EXISTS (SELECT 1 FROM draft_versions WHERE draft_id = $1 AND name = $3)`,
          [draftId, version, name],
        );
        return result.rowCount === 1;
      } catch (e) {
        // Named at the same moment by another instance: the unique index decides.
        if (isUniqueViolation(e)) return false;
        throw e;
      }
    },

    async listVersions(draftId) {
      const { rows } = await pool.query<VersionRow>(`${VERSION_SELECT} WHERE v.draft_id = $1 ORDER BY v.version DESC`, [draftId]);
      return rows.map(toVersionInfo);
    },

    async getVersion(draftId, version) {
      const { rows } = await pool.query<VersionRow & { content: string }>(`${VERSION_WITH_CONTENT} WHERE v.draft_id = $1 AND v.version = $2`, [draftId, version]);
      return rows[0] ? withContent(rows[0]) : null;
    },

    async versionHistory(draftId) {
      const { rows } = await pool.query<VersionRow & { content: string }>(`${VERSION_WITH_CONTENT} WHERE v.draft_id = $1 ORDER BY v.version`, [draftId]);
      return rows.map(withContent);
    },

    async check() {
      await pool.query('SELECT id FROM drafts LIMIT 1');
    },

    async any() {
      const { rows } = await pool.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM drafts) AS any');
      return rows[0]!.any;
    },
  };
}

export function sharesStore(pool: pg.Pool): SharesStore {
  return {
    async list(draftId) {
      const { rows } = await pool.query<ShareRow>(`${SHARE_SELECT} WHERE s.draft_id = $1 ORDER BY s.created_at, s.id`, [draftId]);
      return rows.map(toShare);
    },

    async reaching(draftId, userId, delegationId) {
      const { rows } = await pool.query<ShareRow>(`${SHARE_SELECT} WHERE s.draft_id = $1 AND (s.user_id = $2 OR s.delegation_id = $3) ORDER BY s.created_at, s.id`, [
        draftId,
        userId,
        delegationId,
      ]);
      return rows.map(toShare);
    },

    async upsert(share: NewShare) {
      // One statement against the unique index: two instances sharing with the same recipient at once make one share.
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO draft_shares (id, draft_id, delegation_id, user_id, access, shared_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (draft_id, (COALESCE(delegation_id, '')), (COALESCE(user_id, '')))
         DO UPDATE SET access = excluded.access, shared_by = excluded.shared_by, created_at = excluded.created_at
         RETURNING id`,
        [share.id, share.draftId, share.delegationId, share.userId, share.access, share.sharedBy, share.createdAt],
      );
      return rows[0]!.id;
    },

    async delete(draftId, shareId) {
      const result = await pool.query('DELETE FROM draft_shares WHERE draft_id = $1 AND id = $2', [draftId, shareId]);
      return (result.rowCount ?? 0) > 0;
    },

    async get(draftId, shareId) {
      const { rows } = await pool.query<ShareRow>(`${SHARE_SELECT} WHERE s.draft_id = $1 AND s.id = $2`, [draftId, shareId]);
      return rows[0] ? toShare(rows[0]) : null;
    },
  };
}

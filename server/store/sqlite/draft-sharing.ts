// Who else may read or edit a draft: the draft_shares table (schema in
// drafts-schema.ts). The only SQL that touches it; the rule that turns
// ownership and shares into an access level is server/drafts/access.ts.
import type { DraftShare, ShareAccess } from '../../drafts/model.js';
import type { Db } from '../db.js';
import type { NewShare } from '../store.js';

interface ShareRow {
  id: string;
  access: ShareAccess;
  created_at: string;
  delegation_id: string | null;
  delegation_name: string | null;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  by_name: string;
  by_delegation: string;
}

const SHARE_SELECT = `SELECT s.id, s.access, s.created_at, s.delegation_id, g.name AS delegation_name,
    s.user_id, u.name AS user_name, u.email AS user_email, b.name AS by_name, bg.name AS by_delegation
  FROM draft_shares s
  LEFT JOIN delegations g ON g.id = s.delegation_id
  LEFT JOIN users u ON u.id = s.user_id
  JOIN users b ON b.id = s.shared_by JOIN delegations bg ON bg.id = b.delegation_id`;

const toShare = (row: ShareRow): DraftShare => ({
  id: row.id,
  access: row.access,
  with: row.delegation_id
    ? { kind: 'delegation', id: row.delegation_id, name: row.delegation_name! }
    : { kind: 'user', id: row.user_id!, name: row.user_name!, email: row.user_email! },
  sharedBy: { name: row.by_name, delegation: row.by_delegation },
  createdAt: row.created_at,
});

export function listShares(db: Db, draftId: string): DraftShare[] {
  return (db.prepare(`${SHARE_SELECT} WHERE s.draft_id = ? ORDER BY s.created_at, s.id`).all(draftId) as ShareRow[]).map(toShare);
}

/** The shares of a draft that reach this user: theirs and their delegation's. */
export function sharesReaching(db: Db, draftId: string, userId: string, delegationId: string): DraftShare[] {
  return (db.prepare(`${SHARE_SELECT} WHERE s.draft_id = ? AND (s.user_id = ? OR s.delegation_id = ?)`).all(draftId, userId, delegationId) as ShareRow[]).map(toShare);
}

/** Shares a draft, or changes the access of the existing share with the same delegation or user; the share's id. */
export function upsertShare(db: Db, share: NewShare): string {
  return db.transaction(() => {
    const existing = db
      .prepare('SELECT id FROM draft_shares WHERE draft_id = ? AND delegation_id IS ? AND user_id IS ?')
      .get(share.draftId, share.delegationId, share.userId) as { id: string } | undefined;
    if (existing) {
      db.prepare('UPDATE draft_shares SET access = ?, shared_by = ?, created_at = ? WHERE id = ?').run(share.access, share.sharedBy, share.createdAt, existing.id);
      return existing.id;
    }
    db.prepare(
      `INSERT INTO draft_shares (id, draft_id, delegation_id, user_id, access, shared_by, created_at)
       VALUES (@id, @draftId, @delegationId, @userId, @access, @sharedBy, @createdAt)`,
    ).run(share);
    return share.id;
  })();
}

export function deleteShare(db: Db, draftId: string, shareId: string): boolean {
  return db.prepare('DELETE FROM draft_shares WHERE draft_id = ? AND id = ?').run(draftId, shareId).changes > 0;
}

export function getShare(db: Db, draftId: string, shareId: string): DraftShare | null {
  const row = db.prepare(`${SHARE_SELECT} WHERE s.draft_id = ? AND s.id = ?`).get(draftId, shareId) as ShareRow | undefined;
  return row ? toShare(row) : null;
}

// Who else may read or edit a draft: the draft_shares table (schema in
// drafts-schema.ts). The only SQL that touches it; the rule that turns
// ownership and shares into an access level is server/drafts/access.ts.
import type { DraftShare } from '../../drafts/model.js';
import { SHARE_SELECT, toShare, type ShareRow } from '../rows.js';
import type { Db } from '../db.js';
import { prepared } from './prepared.js';
import type { NewShare } from '../store.js';

export function listShares(db: Db, draftId: string): DraftShare[] {
  return (prepared(db, `${SHARE_SELECT} WHERE s.draft_id = ? ORDER BY s.created_at, s.id`).all(draftId) as ShareRow[]).map(toShare);
}

/** The shares of a draft that reach this user: theirs and their delegation's. */
export function sharesReaching(db: Db, draftId: string, userId: string, delegationId: string): DraftShare[] {
  return (prepared(db, `${SHARE_SELECT} WHERE s.draft_id = ? AND (s.user_id = ? OR s.delegation_id = ?)`).all(draftId, userId, delegationId) as ShareRow[]).map(toShare);
}

/** Shares a draft, or changes the access of the existing share with the same delegation or user; the share's id. */
export function upsertShare(db: Db, share: NewShare): string {
  return db.transaction(() => {
    const existing = prepared(db, 'SELECT id FROM draft_shares WHERE draft_id = ? AND delegation_id IS ? AND user_id IS ?')
      .get(share.draftId, share.delegationId, share.userId) as { id: string } | undefined;
    if (existing) {
      prepared(db, 'UPDATE draft_shares SET access = ?, shared_by = ?, created_at = ? WHERE id = ?').run(share.access, share.sharedBy, share.createdAt, existing.id);
      return existing.id;
    }
    prepared(db,
      `INSERT INTO draft_shares (id, draft_id, delegation_id, user_id, access, shared_by, created_at)
       VALUES (@id, @draftId, @delegationId, @userId, @access, @sharedBy, @createdAt)`,
    ).run(share);
    return share.id;
  })();
}

export function deleteShare(db: Db, draftId: string, shareId: string): boolean {
  return prepared(db, 'DELETE FROM draft_shares WHERE draft_id = ? AND id = ?').run(draftId, shareId).changes > 0;
}

export function getShare(db: Db, draftId: string, shareId: string): DraftShare | null {
  const row = prepared(db, `${SHARE_SELECT} WHERE s.draft_id = ? AND s.id = ?`).get(draftId, shareId) as ShareRow | undefined;
  return row ? toShare(row) : null;
}

// Drafts in SQLite: the only SQL that touches the drafts and draft_versions
// tables (schema in drafts-schema.ts). Every write of a draft also keeps its
// content as a version, in the same transaction: history is never behind the
// draft. A read or a write of a draft also says what the live documents
// (live.ts) hold of it, as the PostgreSQL store says it in the same statement
// (here separate reads cost no round trip).
// Rows in, rows out: the rules (ids, order, versions, rollover, limits, who may
// do what) live in server/drafts/.
import type { Db } from '../db.js';
import { prepared } from './prepared.js';
import type { Acceptance, DraftForReader, VisibleDraft, Written } from '../store.js';
import type { Draft, DraftParagraph, DraftVersionContent, DraftVersionInfo } from '../../drafts/model.js';
import { sharesReaching } from './draft-sharing.js';
import { hasUpdates, lineageOf } from './live.js';
import { inSection, toDraft, toDraftHead, toVersionInfo, versionContent, VERSION_SELECT, VERSION_WITH_CONTENT, withContent, type DraftRow, type VersionRow } from '../rows.js';

// Tests import the types from here; they live in server/drafts/model.ts.
export type { Draft, DraftParagraph };

/** The row's values; the counts per section are kept beside the JSON for the drafts list. */
const toParams = (draft: Draft) => ({
  ...draft,
  paragraphs: JSON.stringify(draft.paragraphs),
  preambleCount: inSection(draft, 'preamble'),
  operativeCount: inSection(draft, 'operative'),
});

function insertVersion(db: Db, draft: Draft, savedBy: string | null, note: string | null = null): void {
  prepared(db, 'INSERT INTO draft_versions (draft_id, version, saved_at, saved_by, content, note) VALUES (?, ?, ?, ?, ?, ?)').run(
    draft.id,
    draft.version,
    draft.updatedAt,
    savedBy,
    JSON.stringify(versionContent(draft)),
    note,
  );
}

interface HeaderRow extends Omit<DraftRow, 'paragraphs'> {
  preamble_count: number;
  operative_count: number;
  owner_name: string | null;
}

const VISIBLE = `d.owner_delegation_id = @delegationId
  OR d.id IN (SELECT draft_id FROM draft_shares WHERE delegation_id = @delegationId OR user_id = @userId)`;

/**
 * One page of the drafts a delegation owns or that are shared with it or with
 * the user, most recently saved first, and how many there are in all. Reads
 * neither the paragraphs nor the versions: only the columns the list shows.
 */
export function listVisibleDrafts(db: Db, userId: string, delegationId: string, page: { limit: number; offset: number }): { drafts: VisibleDraft[]; total: number } {
  const who = { userId, delegationId };
  const rows = prepared(db,
      `SELECT d.id, d.title, d.language, d.body, d.base_document_id, d.version, d.created_at, d.updated_at, d.owner_delegation_id,
         d.preamble_count, d.operative_count, o.name AS owner_name
       FROM drafts d LEFT JOIN delegations o ON o.id = d.owner_delegation_id
       WHERE ${VISIBLE}
       ORDER BY d.updated_at DESC, d.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...who, ...page }) as HeaderRow[];
  const { total } = prepared(db, `SELECT COUNT(*) AS total FROM drafts d WHERE ${VISIBLE}`).get(who) as { total: number };
  const drafts = rows.map((row) => ({
    ...toDraftHead(row),
    counts: { preamble: row.preamble_count, operative: row.operative_count },
    ownerDelegationId: row.owner_delegation_id,
    ownerName: row.owner_name,
  }));
  return { drafts, total };
}

export function getDraft(db: Db, id: string): Draft | null {
  const row = prepared(db, 'SELECT * FROM drafts WHERE id = ?').get(id) as DraftRow | undefined;
  return row ? toDraft(row) : null;
}

/** Stores a new draft, owned by `owner`'s delegation, with its first version. */
export function insertDraft(db: Db, draft: Draft, owner: { userId: string; delegationId: string }): void {
  db.transaction(() => {
    prepared(db,
      `INSERT INTO drafts (id, title, language, body, base_document_id, version, paragraphs, preamble_count, operative_count, created_at, updated_at, owner_delegation_id, created_by)
       VALUES (@id, @title, @language, @body, @baseDocumentId, @version, @paragraphs, @preambleCount, @operativeCount, @createdAt, @updatedAt, @ownerDelegationId, @createdBy)`,
    ).run({ ...toParams(draft), ownerDelegationId: owner.delegationId, createdBy: owner.userId });
    insertVersion(db, draft, owner.userId);
  })();
}

/**
 * Writes `draft` (and keeps it as a version, with `note` saying why when it was
 * not typing) only if the stored row is still at `expectedVersion`, telling
 * whether the draft has a live document; null otherwise.
 */
export function updateDraft(db: Db, draft: Draft, expectedVersion: number, savedBy: string | null, note: string | null = null, accepting?: Acceptance): Written | null {
  const accept = prepared(db, `UPDATE proposals SET status = 'accepted', decided_by = ?, decided_at = ? WHERE draft_id = ? AND id = ? AND status IN ('open', 'bracketed')`);
  const refused = Symbol('refused');
  const write = db.transaction(() => {
    const result = prepared(db,
        `UPDATE drafts SET title = @title, body = @body, base_document_id = @baseDocumentId, version = @version,
           paragraphs = @paragraphs, preamble_count = @preambleCount, operative_count = @operativeCount, updated_at = @updatedAt
         WHERE id = @id AND version = @expectedVersion`,
      )
      .run({ ...toParams(draft), expectedVersion });
    if (result.changes === 0) return null;
    insertVersion(db, draft, savedBy, note);
    // The proposal decided meanwhile: the whole save is undone (a throw rolls the transaction back).
    if (accepting && accept.run(accepting.by, accepting.at, draft.id, accepting.proposalId).changes === 0) throw refused;
    return { liveDocument: lineageOf(db, draft.id) !== null };
  });
  try {
    return write();
  } catch (e) {
    if (e === refused) return null;
    throw e;
  }
}

export function deleteDraft(db: Db, id: string): boolean {
  return prepared(db, 'DELETE FROM drafts WHERE id = ?').run(id).changes > 0;
}

/** The draft with what a reader's request needs beside it: the shares that reach them and its live document's lineage and pending updates. */
export function getDraftForReader(db: Db, id: string, reader: { userId: string; delegationId: string }): DraftForReader | null {
  const row = prepared(db, 'SELECT * FROM drafts WHERE id = ?').get(id) as DraftRow | undefined;
  if (!row) return null;
  return {
    draft: toDraft(row),
    ownerDelegationId: row.owner_delegation_id,
    shares: sharesReaching(db, id, reader.userId, reader.delegationId),
    lineage: lineageOf(db, id),
    liveUpdatesPending: hasUpdates(db, id),
  };
}

/**
 * Drafts made before accounts existed go to `delegationId` (the first
 * administrator's), each with its current content as its first kept version.
 */
export function adoptOwnerlessDrafts(db: Db, delegationId: string): number {
  return db.transaction(() => {
    const rows = prepared(db, 'SELECT * FROM drafts WHERE owner_delegation_id IS NULL').all() as DraftRow[];
    for (const row of rows) {
      const draft = toDraft(row);
      prepared(db, 'INSERT OR IGNORE INTO draft_versions (draft_id, version, saved_at, saved_by, content) VALUES (?, ?, ?, NULL, ?)').run(
        draft.id,
        draft.version,
        draft.updatedAt,
        JSON.stringify(versionContent(draft)),
      );
    }
    return prepared(db, 'UPDATE drafts SET owner_delegation_id = ? WHERE owner_delegation_id IS NULL').run(delegationId).changes;
  })();
}

// --- History ---------------------------------------------------------------

/** Names a kept version ("Rev.1"); false when the draft has a version of that name already. */
export function nameVersion(db: Db, draftId: string, version: number, name: string): boolean {
  const taken = prepared(db, 'SELECT 1 FROM draft_versions WHERE draft_id = ? AND name = ?').get(draftId, name);
  if (taken) return false;
  return prepared(db, 'UPDATE draft_versions SET name = ? WHERE draft_id = ? AND version = ?').run(name, draftId, version).changes === 1;
}

/** Every kept version of a draft, newest first. */
export function listVersions(db: Db, draftId: string): DraftVersionInfo[] {
  return (prepared(db, `${VERSION_SELECT} WHERE v.draft_id = ? ORDER BY v.version DESC`).all(draftId) as VersionRow[]).map(toVersionInfo);
}

export function getVersion(db: Db, draftId: string, version: number): (DraftVersionInfo & { content: DraftVersionContent }) | null {
  const row = prepared(db, `${VERSION_WITH_CONTENT} WHERE v.draft_id = ? AND v.version = ?`).get(draftId, version) as
    | (VersionRow & { content: string })
    | undefined;
  return row ? withContent(row) : null;
}

/** Every version's paragraphs with who saved it, oldest first: for attributing each paragraph's last change. */
export function versionHistory(db: Db, draftId: string): (DraftVersionInfo & { content: DraftVersionContent })[] {
  const rows = prepared(db, `${VERSION_WITH_CONTENT} WHERE v.draft_id = ? ORDER BY v.version`).all(draftId) as (VersionRow & {
    content: string;
  })[];
  return rows.map(withContent);
}

// Schema of the drafts tables: drafts (one row each, owned by a delegation),
// draft_versions (every save, creation included: the history), draft_shares
// (who else may read or edit). The drafts stores (drafts.ts, draft-sharing.ts)
// are their only users.
import type { Db } from './db.js';

export const DRAFTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS drafts (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  language TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  base_document_id TEXT,
  version INTEGER NOT NULL,
  paragraphs TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  owner_delegation_id TEXT REFERENCES delegations(id),
  created_by TEXT REFERENCES users(id)
);
CREATE TABLE IF NOT EXISTS draft_versions (
  draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by TEXT REFERENCES users(id),
  content TEXT NOT NULL,
  PRIMARY KEY (draft_id, version)
);
CREATE TABLE IF NOT EXISTS draft_shares (
  id TEXT PRIMARY KEY,
  draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  delegation_id TEXT REFERENCES delegations(id),
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
  access TEXT NOT NULL CHECK (access IN ('read', 'edit')),
  shared_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  CHECK ((delegation_id IS NULL) <> (user_id IS NULL))
);
CREATE UNIQUE INDEX IF NOT EXISTS draft_shares_once ON draft_shares(draft_id, COALESCE(delegation_id, ''), COALESCE(user_id, ''));
`;

/** Drafts made before accounts existed lack the owner columns: add them (the bootstrap gives those drafts an owner). */
export function migrateDrafts(db: Db): void {
  const columns = new Set((db.prepare('PRAGMA table_info(drafts)').all() as { name: string }[]).map((c) => c.name));
  if (!columns.has('owner_delegation_id')) db.exec('ALTER TABLE drafts ADD COLUMN owner_delegation_id TEXT REFERENCES delegations(id)');
  if (!columns.has('created_by')) db.exec('ALTER TABLE drafts ADD COLUMN created_by TEXT REFERENCES users(id)');
  db.exec('CREATE INDEX IF NOT EXISTS drafts_by_owner ON drafts(owner_delegation_id, updated_at)');
}

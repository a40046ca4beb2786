// Schema of the drafts tables: drafts (one row each, owned by a delegation),
// draft_versions (every save, creation included: the history, with a note
// when a save was not typing, and a name when it is a revision: "Rev.1"), draft_shares (who else may read, propose or
// edit), and the migrations that bring older databases to it. The drafts
// stores (drafts.ts, draft-sharing.ts) are their only users. A draft's
// paragraph counts per section are kept beside its paragraphs' JSON so the
// drafts list reads them without parsing every draft.
import type { Db } from '../db.js';

function sharesTable(name: string): string {
  return `CREATE TABLE IF NOT EXISTS ${name} (
  id TEXT PRIMARY KEY,
  draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  delegation_id TEXT REFERENCES delegations(id),
  user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
  access TEXT NOT NULL CHECK (access IN ('read', 'propose', 'edit')),
  shared_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  CHECK ((delegation_id IS NULL) <> (user_id IS NULL))
);`;
}

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
  created_by TEXT REFERENCES users(id),
  preamble_count INTEGER NOT NULL DEFAULT 0,
  operative_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS draft_versions (
  draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by TEXT REFERENCES users(id),
  content TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (draft_id, version)
);
${sharesTable('draft_shares')}
CREATE UNIQUE INDEX IF NOT EXISTS draft_shares_once ON draft_shares(draft_id, COALESCE(delegation_id, ''), COALESCE(user_id, ''));
`;

/** Brings an older drafts table up to date: the owner columns (drafts made before accounts; the bootstrap gives them an owner), version notes, paragraph counts, propose shares. */
export function migrateDrafts(db: Db): void {
  const columns = new Set((db.prepare('PRAGMA table_info(drafts)').all() as { name: string }[]).map((c) => c.name));
  if (!columns.has('owner_delegation_id')) db.exec('ALTER TABLE drafts ADD COLUMN owner_delegation_id TEXT REFERENCES delegations(id)');
  if (!columns.has('created_by')) db.exec('ALTER TABLE drafts ADD COLUMN created_by TEXT REFERENCES users(id)');
  db.exec('CREATE INDEX IF NOT EXISTS drafts_by_owner ON drafts(owner_delegation_id, updated_at)');
  const versionColumns = new Set((db.prepare('PRAGMA table_info(draft_versions)').all() as { name: string }[]).map((c) => c.name));
  if (!versionColumns.has('note')) db.exec('ALTER TABLE draft_versions ADD COLUMN note TEXT');
  // Named revisions ("Rev.1"): a name marks one kept version, once per draft.
  if (!versionColumns.has('name')) db.exec('ALTER TABLE draft_versions ADD COLUMN name TEXT');
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS draft_versions_named ON draft_versions(draft_id, name) WHERE name IS NOT NULL');
  if (!columns.has('preamble_count')) addSectionCounts(db);
  allowProposeShares(db);
}

/**
 * Drafts saved before the list read counts from columns: add them and count
 * each draft's paragraphs once, here, in SQL. A draft whose JSON is damaged
 * counts 0 rather than stopping the server from starting (opening it still
 * reports the damage).
 */
function addSectionCounts(db: Db): void {
  const count = (section: string) =>
    `CASE WHEN json_valid(paragraphs) THEN (SELECT COUNT(*) FROM json_each(paragraphs) WHERE json_extract(value, '$.section') = '${section}') ELSE 0 END`;
  db.transaction(() => {
    db.exec('ALTER TABLE drafts ADD COLUMN preamble_count INTEGER NOT NULL DEFAULT 0');
    db.exec('ALTER TABLE drafts ADD COLUMN operative_count INTEGER NOT NULL DEFAULT 0');
    db.exec(`UPDATE drafts SET preamble_count = ${count('preamble')}, operative_count = ${count('operative')}`);
  })();
}

/** Shares made before the propose level existed sit in a table whose CHECK refuses it: copy them into one that allows it. */
function allowProposeShares(db: Db): void {
  const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'draft_shares'").get() as { sql: string } | undefined;
  if (!row || row.sql.includes("'propose'")) return;
  db.transaction(() => {
    db.exec(sharesTable('draft_shares_next'));
    db.exec('INSERT INTO draft_shares_next SELECT id, draft_id, delegation_id, user_id, access, shared_by, created_at FROM draft_shares');
    db.exec('DROP TABLE draft_shares');
    db.exec('ALTER TABLE draft_shares_next RENAME TO draft_shares');
    db.exec("CREATE UNIQUE INDEX IF NOT EXISTS draft_shares_once ON draft_shares(draft_id, COALESCE(delegation_id, ''), COALESCE(user_id, ''))");
  })();
}

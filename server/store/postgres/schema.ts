// The PostgreSQL schema as numbered migrations: the same tables as SQLite's
// (accounts.ts, audit.ts, drafts-schema.ts, negotiation.ts, live.ts), applied
// once each, in order, each in its own transaction, and recorded in
// schema_migrations. Several instances may start at once against one database:
// an advisory lock held by each migration's transaction makes the others wait
// and then find it applied. Append migrations; never edit an applied one.
//
// Timestamps stay ISO strings in TEXT and ids are TEXT, both COLLATE "C", so
// they compare and sort byte by byte as in SQLite whatever the database's
// locale. JSON (paragraphs, version content, evidence) stays TEXT too: what is
// read back is exactly what was written. E-mails and delegation names are
// unique without case through indexes on lower(...), which lookups use.
import type pg from 'pg';

export interface Migration {
  version: number;
  sql: string;
}

/** Any constant: the key every instance of Precedent takes while it migrates. */
const MIGRATION_LOCK = 7_301_524_011;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE delegations (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX delegations_name_nocase ON delegations (lower(name));

CREATE TABLE users (
  id TEXT COLLATE "C" PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  delegation_id TEXT COLLATE "C" NOT NULL REFERENCES delegations(id),
  admin BOOLEAN NOT NULL DEFAULT false,
  password_hash TEXT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  password_changed_at TEXT COLLATE "C" NOT NULL
);
CREATE UNIQUE INDEX users_email_nocase ON users (lower(email));
CREATE INDEX users_by_delegation ON users (delegation_id);

CREATE TABLE sessions (
  token_hash TEXT COLLATE "C" PRIMARY KEY,
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT COLLATE "C" NOT NULL,
  last_seen_at TEXT COLLATE "C" NOT NULL,
  expires_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE audit_log (
  id BIGSERIAL PRIMARY KEY,
  at TEXT COLLATE "C" NOT NULL,
  action TEXT NOT NULL,
  actor_id TEXT,
  actor_email TEXT,
  address TEXT,
  target TEXT,
  detail TEXT
);
CREATE INDEX audit_by_action ON audit_log (action, at);
-- The sign-in rate limit counts by e-mail (without case) or by address on every attempt.
CREATE INDEX audit_by_email ON audit_log (action, lower(actor_email), at);
CREATE INDEX audit_by_address ON audit_log (action, address, at);

CREATE TABLE drafts (
  id TEXT COLLATE "C" PRIMARY KEY,
  title TEXT NOT NULL,
  language TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  base_document_id TEXT,
  version INTEGER NOT NULL,
  paragraphs TEXT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL,
  owner_delegation_id TEXT COLLATE "C" REFERENCES delegations(id),
  created_by TEXT COLLATE "C" REFERENCES users(id),
  preamble_count INTEGER NOT NULL DEFAULT 0,
  operative_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drafts_by_owner ON drafts (owner_delegation_id, updated_at);

CREATE TABLE draft_versions (
  draft_id TEXT COLLATE "C" NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  saved_at TEXT COLLATE "C" NOT NULL,
  saved_by TEXT COLLATE "C" REFERENCES users(id),
  content TEXT NOT NULL,
  note TEXT,
  name TEXT,
  PRIMARY KEY (draft_id, version)
);
CREATE UNIQUE INDEX draft_versions_named ON draft_versions (draft_id, name) WHERE name IS NOT NULL;

CREATE TABLE draft_shares (
  id TEXT COLLATE "C" PRIMARY KEY,
  draft_id TEXT COLLATE "C" NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  delegation_id TEXT COLLATE "C" REFERENCES delegations(id),
  user_id TEXT COLLATE "C" REFERENCES users(id) ON DELETE CASCADE,
  access TEXT NOT NULL CHECK (access IN ('read', 'propose', 'edit')),
  shared_by TEXT COLLATE "C" NOT NULL REFERENCES users(id),
  created_at TEXT COLLATE "C" NOT NULL,
  CHECK ((delegation_id IS NULL) <> (user_id IS NULL))
);
CREATE UNIQUE INDEX draft_shares_once ON draft_shares (draft_id, (COALESCE(delegation_id, '')), (COALESCE(user_id, '')));
CREATE INDEX draft_shares_by_delegation ON draft_shares (delegation_id);
CREATE INDEX draft_shares_by_user ON draft_shares (user_id);

-- position: the order proposals were made in (SQLite's rowid), for those made in the same millisecond.
CREATE TABLE proposals (
  id TEXT COLLATE "C" PRIMARY KEY,
  position BIGSERIAL NOT NULL,
  draft_id TEXT COLLATE "C" NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('amend', 'add', 'delete', 'alt')),
  paragraph_id TEXT COLLATE "C",
  section TEXT NOT NULL CHECK (section IN ('preamble', 'operative')),
  text TEXT,
  note TEXT,
  basis TEXT,
  anchor_label TEXT,
  sequence INTEGER NOT NULL,
  delegation_id TEXT COLLATE "C" NOT NULL REFERENCES delegations(id),
  author_id TEXT COLLATE "C" NOT NULL REFERENCES users(id),
  status TEXT NOT NULL CHECK (status IN ('open', 'bracketed', 'accepted', 'rejected', 'withdrawn')),
  evidence TEXT NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL,
  decided_at TEXT COLLATE "C",
  decided_by TEXT COLLATE "C" REFERENCES users(id)
);
CREATE INDEX proposals_by_draft ON proposals (draft_id, created_at, position);

CREATE TABLE proposal_stances (
  proposal_id TEXT COLLATE "C" NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  delegation_id TEXT COLLATE "C" NOT NULL REFERENCES delegations(id),
  stance TEXT NOT NULL CHECK (stance IN ('support', 'object')),
  user_id TEXT COLLATE "C" NOT NULL REFERENCES users(id),
  at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (proposal_id, delegation_id)
);

CREATE TABLE paragraph_statuses (
  draft_id TEXT COLLATE "C" NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  paragraph_id TEXT COLLATE "C" NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'agreed-ad-ref', 'agreed')),
  set_by TEXT COLLATE "C" REFERENCES users(id),
  set_at TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (draft_id, paragraph_id)
);

-- compacted_seq: the last update the state holds. An instance that has applied
-- updates up to a seq below it needs the state: the updates between are gone.
CREATE TABLE live_documents (
  draft_id TEXT COLLATE "C" PRIMARY KEY REFERENCES drafts(id) ON DELETE CASCADE,
  lineage TEXT NOT NULL,
  state BYTEA NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL,
  compacted_seq BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE live_updates (
  seq BIGSERIAL PRIMARY KEY,
  draft_id TEXT COLLATE "C" NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  data BYTEA NOT NULL,
  user_id TEXT COLLATE "C",
  at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX live_updates_by_draft ON live_updates (draft_id, seq);
`,
  },
  {
    // Corpus imports, published for every instance to add to its own corpus copy (corpus-feed.ts).
    version: 2,
    sql: `
CREATE TABLE corpus_feed (
  seq BIGSERIAL PRIMARY KEY,
  document TEXT NOT NULL,
  source_hash TEXT NOT NULL,
  published_at TEXT COLLATE "C" NOT NULL
);
`,
  },
];

/** Applies the migrations this database lacks; the versions it applied. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = [];
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    for (const migration of migrations) {
      await client.query('BEGIN');
      try {
        // Held until COMMIT: a second instance waits here, then sees the version recorded.
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
        const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
        if (done.rowCount === 0) {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [migration.version, new Date().toISOString()]);
          applied.push(migration.version);
        }
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw new Error(`PostgreSQL migration ${migration.version} failed: ${(e as Error).message}`, { cause: e });
      }
    }
  } finally {
    client.release(broken);
  }
  return applied;
}

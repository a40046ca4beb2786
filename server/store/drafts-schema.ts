// Schema of the drafts table; the drafts store (drafts.ts) is its only user.
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
  updated_at TEXT NOT NULL
);
`;

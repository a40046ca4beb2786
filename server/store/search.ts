// What the search index needs from the database beyond the corpus module: each
// document's source hash, to tell which documents changed since the index was saved.
import type { Db } from './db.js';

/** document id → source hash, for every stored document. */
export function documentHashes(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT id, source_hash FROM documents').all() as { id: string; source_hash: string }[];
  return new Map(rows.map((r) => [r.id, r.source_hash]));
}

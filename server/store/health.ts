// Whether the database can be read, as /api/health reports it: the corpus
// tables answer, and every stored draft reads back whole (a damaged page in
// the drafts table otherwise shows only when someone opens the drafts list).
import type { Db } from './db.js';

/** Counts of the corpus; throws when its tables cannot be read. */
export function readCorpusCounts(db: Db): { documents: number; paragraphs: number } {
  const documents = (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
  const paragraphs = (db.prepare("SELECT COUNT(*) AS n FROM paragraphs WHERE section <> 'heading'").get() as { n: number }).n;
  return { documents, paragraphs };
}

/**
 * Reads every draft's every column (length() of a text reads all of it, its
 * overflow pages included) and checks the table's b-tree; throws with SQLite's
 * message when either fails. Cost grows with the drafts stored: callers cache it.
 */
export function checkDraftsReadable(db: Db): void {
  const problems = (db.prepare('PRAGMA quick_check(drafts)').all() as { quick_check: string }[]).map((r) => r.quick_check).filter((m) => m !== 'ok');
  if (problems.length) throw new Error(problems.slice(0, 3).join('; '));
  db.prepare('SELECT SUM(LENGTH(id) + LENGTH(title) + LENGTH(language) + LENGTH(body) + LENGTH(paragraphs) + LENGTH(created_at) + LENGTH(updated_at)) AS n FROM drafts').get();
}

/** Whether any draft is stored (for the marker that guards the database file, db-guard.ts). */
export function hasDrafts(db: Db): boolean {
  return (db.prepare('SELECT EXISTS (SELECT 1 FROM drafts) AS e').get() as { e: number }).e === 1;
}

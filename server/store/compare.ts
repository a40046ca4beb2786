// SQL for the compare module: the preambles of all resolutions in one query, so
// that series grouping can read which earlier resolutions each one recalls
// without loading every paragraph of the corpus.
import type { Db } from './db.js';

/** Document id → its preambular paragraphs joined by new lines (resolutions and decisions only). */
export function preambleTexts(db: Db): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT p.document_id AS id, group_concat(p.text, char(10)) AS text
       FROM paragraphs p JOIN documents d ON d.id = p.document_id
       WHERE p.section = 'preamble' AND d.kind IN ('resolution', 'decision')
       GROUP BY p.document_id`,
    )
    .all() as { id: string; text: string }[];
  return new Map(rows.map((r) => [r.id, r.text]));
}

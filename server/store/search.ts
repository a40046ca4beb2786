// What the search index needs from the database beyond the corpus module: each
// document's source hash, to tell which documents changed since the index was
// saved, and its language, to leave alone a language being rebuilt elsewhere.
import type { Language, Section } from '../../core/model.js';
import type { Db } from './db.js';

export interface StoredDocumentHash {
  hash: string;
  language: Language;
}

/** document id → source hash and language, for every stored document. */
export function documentHashes(db: Db): Map<string, StoredDocumentHash> {
  const rows = db.prepare('SELECT id, source_hash AS hash, language FROM documents').all() as ({ id: string } & StoredDocumentHash)[];
  return new Map(rows.map(({ id, hash, language }) => [id, { hash, language }]));
}

export interface SearchableParagraph {
  id: string;
  documentId: string;
  section: Section;
  label: string;
  lead: string;
  text: string;
}

/**
 * A document's paragraphs as the index needs them: no headings, and only the
 * columns a result shows (skipping the JSON footnote/item columns halves the
 * cost of reading the whole corpus).
 */
export function searchableParagraphs(db: Db, documentId: string): SearchableParagraph[] {
  return db
    .prepare(
      "SELECT id, document_id AS documentId, section, label, lead, text FROM paragraphs WHERE document_id = ? AND section <> 'heading' ORDER BY ordinal",
    )
    .all(documentId) as SearchableParagraph[];
}

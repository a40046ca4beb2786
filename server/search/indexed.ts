// What the search index keeps of the corpus: each paragraph as a result renders
// it and each document as a result cites it, so that results need no database
// round trip; and for each document, what keeps the index in step with the database.
import type { DocumentKind, Language, Section } from '../../core/model.js';
import type { SearchableParagraph } from '../store/search.js';

/** A paragraph as the index keeps it: what the store reads for indexing. */
export type IndexedParagraph = SearchableParagraph;

/** The citation fields of a result's document. */
export interface CitedDocument {
  id: string;
  symbol: string | null;
  title: string;
  date: string | null;
  body: string;
  kind: DocumentKind;
  language: Language;
}

/** A document as the index keeps it: its citation, and what syncing needs. */
export interface IndexedDocument extends CitedDocument {
  /** Source hash: a changed hash means the document must be re-indexed. */
  hash: string;
  /** Slots (in its language's index) of its paragraphs. */
  slots: number[];
}

/** Sections whose paragraphs are searched (headings are structure, not language to reuse). */
export function isSearchable(section: Section): boolean {
  return section !== 'heading';
}

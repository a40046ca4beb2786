// A series key for a document, for "one result per series": documents with the
// same normalised title in the same language are versions of one recurring
// resolution. The fallback for documents that server/compare's series model
// does not place in a series (ParagraphIndex.seriesOf); the title key is the
// one that model groups by.
import type { Language } from '../../core/model.js';
import { normaliseTitle } from '../compare/series.js';

export function seriesKeyOf(doc: { title: string; language: Language; symbol?: string | null }): string {
  return `${doc.language}|${normaliseTitle(doc.title) || (doc.symbol ?? '')}`;
}

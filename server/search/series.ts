// A series key for a document, for "one result per series": documents with the
// same normalised title in the same language are versions of one recurring
// resolution. Deliberately small: server/compare owns the real series model and
// can replace this function without touching the ranking.
import type { Language } from '../model.js';
import { normaliseText } from './analyse.js';

export function seriesKeyOf(doc: { title: string; language: Language; symbol?: string | null }): string {
  const title = normaliseText(doc.title)
    // "57/173. Strengthening …" / "第57/173号决议" prefixes carry the number, not the series.
    .replace(/^\s*(?:\d+\/\d+\s*[.．]?\s*)/u, '')
    .replace(/[\p{P}\p{S}\s]+/gu, '');
  return `${doc.language}|${title || (doc.symbol ?? '')}`;
}

// Stable, URL-safe identifiers for documents and paragraphs, derived from what
// the document is (symbol and language), not from where it was read.
import type { ParsedDocument, ParsedParagraph } from '../model.js';

function slug(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "A/RES/80/229" in Chinese → "a-res-80-229-zh"; without a symbol, from the source name. */
export function documentId(doc: Pick<ParsedDocument, 'symbol' | 'language' | 'source'>): string {
  if (doc.symbol) return `${slug(doc.symbol)}-${doc.language}`;
  const base = doc.source.split(/[\\/]/).pop() ?? doc.source;
  return `doc-${slug(base.replace(/\.[a-z]+$/i, '')) || 'untitled'}-${doc.language}`;
}

/**
 * "a-res-80-229-zh.op8", ".pp3", ".p12" (report paragraphs), ".h4"/".an4"
 * (headings and annex paragraphs, by position). Numbers repeat in reports whose
 * sub-sections restart numbering; a repeat falls back to the position.
 */
export function paragraphIds(documentId: string, paragraphs: ParsedParagraph[]): string[] {
  const seen = new Set<string>();
  let pp = 0;
  return paragraphs.map((p, ordinal) => {
    let local: string;
    if (p.section === 'preamble') local = `pp${++pp}`;
    else if (p.section === 'operative' && p.number != null) local = `op${p.number}`;
    else if (p.section === 'body' && p.number != null) local = `p${p.number}`;
    else if (p.section === 'heading') local = `h${ordinal}`;
    else local = `x${ordinal}`;
    if (seen.has(local)) local = `x${ordinal}`;
    seen.add(local);
    return `${documentId}.${local}`;
  });
}

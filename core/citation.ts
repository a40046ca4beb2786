// How a paragraph is cited and numbered: "A/RES/78/229, OP 8". Preambular
// paragraphs are counted PP 1, 2 … (the UN leaves them unnumbered, delegates
// count them), operative ones OP 1, 2 …, always preamble first. A draft
// paragraph's provenance names its source paragraph, and says "modified" once
// its text no longer is the source's: the one rule, for the editor and Word.
import type { Section } from './model.js';

/** "A/RES/78/229, OP 8"; a document without a symbol is cited by its title. */
export function citation(doc: { symbol: string | null; title: string }, label: string): string {
  return `${doc.symbol ?? doc.title}, ${label}`;
}

/** Where a draft paragraph's language came from: a corpus paragraph, its citation and its text. */
export interface ParagraphSource {
  paragraphId: string;
  documentId: string;
  /** "A/RES/78/229, OP 8" */
  citation: string;
  /** The source paragraph's text, to tell when the draft's has been edited; absent in drafts saved before it was kept. */
  text?: string;
}

/** The provenance a corpus paragraph gives the draft paragraph made from it. */
export function paragraphSource(
  doc: { id: string; symbol: string | null; title: string },
  paragraph: { id: string; label: string; text: string },
): ParagraphSource {
  return { paragraphId: paragraph.id, documentId: doc.id, citation: citation(doc, paragraph.label), text: paragraph.text };
}

/** Width and white space do not make an edit: "ＯＰ  1" is "OP 1". */
const normalised = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** True once `text` differs from its source paragraph's text; false when that text is unknown. */
export function sourceModified(text: string, source: { text?: string } | null | undefined): boolean {
  return source?.text !== undefined && normalised(text) !== normalised(source.text);
}

export interface ParagraphNumber {
  /** "PP 3", "OP 8" */
  label: string;
  number: number;
}

/** Labels for a draft's paragraphs in order: "PP 1" … then "OP 1" … */
export function paragraphLabels(paragraphs: readonly { section: Section }[]): ParagraphNumber[] {
  let pp = 0;
  let op = 0;
  return paragraphs.map((p) => (p.section === 'preamble' ? { label: `PP ${++pp}`, number: pp } : { label: `OP ${++op}`, number: op }));
}

/** The paragraphs with every preambular one before every operative one, otherwise in order. */
export function preambleFirst<P extends { section: Section }>(paragraphs: readonly P[]): P[] {
  return [...paragraphs.filter((p) => p.section === 'preamble'), ...paragraphs.filter((p) => p.section !== 'preamble')];
}

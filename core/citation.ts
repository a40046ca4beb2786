// How a paragraph is cited and numbered: "A/RES/78/229, OP 8". Preambular
// paragraphs are counted PP 1, 2 … (the UN leaves them unnumbered, delegates
// count them), operative ones OP 1, 2 …, always preamble first.
import type { Section } from './model.js';

/** "A/RES/78/229, OP 8"; a document without a symbol is cited by its title. */
export function citation(doc: { symbol: string | null; title: string }, label: string): string {
  return `${doc.symbol ?? doc.title}, ${label}`;
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

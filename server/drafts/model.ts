// The drafts domain: what a draft is, as the store keeps it, the rules shape it
// and the API sends it (the web app receives these shapes through web/api.ts).
// A draft is a resolution under construction: ordered preambular and operative
// paragraphs, each remembering the precedent it came from. Type-only.
import type { DraftSection } from '../../core/limits.js';
import type { Footnote, Language } from '../../core/model.js';
import type { ParagraphSource } from '../../core/citation.js';

/** Where a paragraph's language comes from: a corpus paragraph, its citation and text (core/citation.ts). */
export type DraftSource = ParagraphSource;

export interface DraftParagraph {
  /** Stable within the draft (client-generated or assigned by the rules). */
  id: string;
  section: DraftSection;
  text: string;
  /** The lead phrase as the precedent had it, if known; the UI checks it still prefixes the text. */
  lead?: string;
  source?: DraftSource | null;
  /** Footnotes at offsets in `text`, kept from the precedent or an imported .docx (exchange). */
  footnotes?: Footnote[];
}

export interface Draft {
  id: string;
  title: string;
  language: Language;
  /** The adopting body the draft is for ("General Assembly"), free text. */
  body: string;
  baseDocumentId: string | null;
  /** Bumped by every write; a write naming an older version is refused (409). */
  version: number;
  paragraphs: DraftParagraph[];
  createdAt: string;
  updatedAt: string;
}

export interface DraftSummary extends Omit<Draft, 'paragraphs'> {
  counts: { preamble: number; operative: number };
  /** The base document as a delegate names it (its symbol, else its title); null without a base. */
  baseName: string | null;
}

/** What a new draft is made from; the rules fill in the rest. */
export interface NewDraft {
  title: string;
  language: Language;
  body?: string;
  baseDocumentId?: string | null;
  paragraphs?: DraftParagraph[];
}

/** A save: the fields it names replace the stored ones. */
export interface DraftPatch {
  title?: string;
  body?: string;
  paragraphs?: DraftParagraph[];
  baseDocumentId?: string | null;
}

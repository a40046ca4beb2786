// The domain model: documents and their paragraphs, as every part of Precedent
// (ingest, store, search, compare, exchange, web) sees them. Type-only: safe to
// import from the browser.
import type { ParagraphSource } from './citation.js';
import type { DraftSection } from './limits.js';

/** The six official UN languages, as ISO 639-1 codes. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DOCUMENT_KINDS = ['resolution', 'draft resolution', 'decision', 'report'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(kind: string): kind is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind);
}

/**
 * Where a paragraph stands. Resolutions have a preamble (PP, unnumbered) and an
 * operative part (OP 1, 2, …). Reports have numbered body paragraphs, headings
 * (kept for structure, never searched as paragraphs) and annexes.
 */
export const SECTIONS = ['preamble', 'operative', 'body', 'heading', 'annex'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Footnote {
  /** The marker as printed ("1", "*"). */
  marker: string;
  /** The footnote's own text, never part of the paragraph text. */
  text: string;
  /** Character offset in the paragraph text where the marker stood. */
  offset: number;
}

export interface SubItem {
  /** "(a)", "(i)", "a)" … as printed. */
  marker: string;
  /** The item's text (it is also part of the paragraph's full text). */
  text: string;
}

/** What an importer produces for one paragraph: no ids yet. */
export interface ParsedParagraph {
  section: Section;
  /** OP number, report paragraph number; null for preambular paragraphs and headings. */
  number: number | null;
  /** Citation label: "PP 3", "OP 8", "para. 12", or the heading itself for headings. */
  label: string;
  /** The opening phrase: 回顾 / Recalling / Urges; "" when there is none. */
  lead: string;
  /**
   * The clean text for display, lead phrase included, sub-items included (one per
   * line), footnote texts and markers excluded. Original punctuation widths kept:
   * matching normalises on its own.
   */
  text: string;
  footnotes: Footnote[];
  items: SubItem[];
  /** AKN eId ("container_3", "para_8"): the same paragraph in every language version. */
  eId?: string | null;
}

/** What an importer produces for one document: no id yet. */
export interface ParsedDocument {
  /** A/RES/57/173, or null when the source and the manifest do not say. */
  symbol: string | null;
  title: string;
  language: Language;
  kind: DocumentKind;
  /** "General Assembly", "ECOSOC", "CCPCJ", "Secretary-General" … */
  body: string;
  /** Session number (57 for the fifty-seventh session), when known. */
  session: number | null;
  /** Adoption date for resolutions, issue date otherwise: ISO yyyy-mm-dd. */
  date: string | null;
  /** The source file, relative to where it was imported from. */
  source: string;
  /** AKN only, when present. */
  draftSymbol?: string | null;
  agendaItem?: string | null;
  sponsors?: string[];
  paragraphs: ParsedParagraph[];
}

export interface DocumentRecord extends Omit<ParsedDocument, 'paragraphs'> {
  /** Stable and safe in a URL path: "a-res-80-229-zh". */
  id: string;
}

export interface ParagraphRecord extends ParsedParagraph {
  /** Stable and safe in a URL path: "a-res-80-229-zh.op8". */
  id: string;
  documentId: string;
  /** Position in the document, from 0. */
  ordinal: number;
}

/** Adopted resolutions and decisions are agreed language; reports and drafts are not. */
export function isAgreedLanguage(kind: DocumentKind): boolean {
  return kind === 'resolution' || kind === 'decision';
}

/** One paragraph of a draft, as the server stores it, the browser edits it and the live document (live-doc.ts) holds it. */
export interface DraftParagraph {
  /** Stable within the draft (client-generated or assigned by the rules). */
  id: string;
  section: DraftSection;
  text: string;
  /** The lead phrase as the precedent had it, if known; the UI checks it still prefixes the text. */
  lead?: string;
  /** The corpus paragraph its language comes from: citation and text (citation.ts). */
  source?: ParagraphSource | null;
  /** Footnotes at offsets in `text`, kept from the precedent or an imported .docx. */
  footnotes?: Footnote[];
}

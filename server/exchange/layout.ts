// How a resolution is set in Word in each of the six languages: fonts that carry
// the script's glyphs, size, operative numbering, and the style ids by which our
// own files are recognised. What is not Word's (formula, leads, direction, body
// names) comes from the language profiles. Shared by the .docx writer and reader.
import { PROFILES, type LanguageProfile } from '../../core/languages/index.js';
import type { Language } from '../../core/model.js';

/** How a language is set in Word, beyond what its profile says (formula, leads, direction). */
export interface WordLayout {
  /**
   * Word picks a font per character class: ascii/hAnsi for Latin and Cyrillic,
   * eastAsia for Han, cs (complex script) for Arabic. Each is a font installed
   * with Office on Windows, where the file will be opened; LibreOffice substitutes
   * a font with the same glyphs (Noto) where these are missing.
   */
  fonts: { ascii: string; eastAsia: string; cs: string };
  /** Body text size in points. */
  size: number;
  /** Operative number as Word's level text: "%1." or the Arabic files' "%1 -". */
  opNumber: string;
}

export type LanguageLayout = LanguageProfile & WordLayout;

const TNR = 'Times New Roman';
const LATIN: WordLayout = { fonts: { ascii: TNR, eastAsia: 'SimSun', cs: TNR }, size: 10, opNumber: '%1.' };

const WORD_LAYOUTS: Record<Language, WordLayout> = {
  en: LATIN,
  fr: LATIN,
  es: LATIN,
  ru: LATIN,
  zh: { ...LATIN, size: 12 },
  ar: { fonts: { ascii: TNR, eastAsia: 'SimSun', cs: 'Simplified Arabic' }, size: 14, opNumber: '%1 -' },
};

export function layoutFor(language: Language): LanguageLayout {
  return { ...PROFILES[language], ...WORD_LAYOUTS[language] };
}

/**
 * Paragraph and character style ids of the exported file. The reader
 * recognises a Precedent export by them; for other files it falls back on
 * numbering and the enacting formula.
 */
export const STYLE = {
  symbol: 'UNSymbol',
  body: 'UNBody',
  agenda: 'UNAgenda',
  title: 'UNTitle',
  formula: 'UNFormula',
  pp: 'UNPreamble',
  op: 'UNOperative',
  item: 'UNSubItem',
  other: 'UNText',
  heading: 'UNHeading',
  end: 'UNEnd',
  lead: 'UNLead',
} as const;

/** Indents in twentieths of a point (twips), after the UN's "SingleTxt" style. */
export const INDENT = { left: 1267, right: 1267, first: 475, item: 475 } as const;

/** The custom document properties that let an export be re-imported without guessing. */
export const PROPERTY = {
  language: 'PrecedentLanguage',
  symbol: 'PrecedentSymbol',
  base: 'PrecedentBase',
  /** How many body paragraphs the file was exported with, to match provenance on import. */
  paragraphs: 'PrecedentParagraphs',
  /** Prefix: "PrecedentSource12" holds the corpus paragraph id the 13th body paragraph came from. */
  source: 'PrecedentSource',
} as const;

// How the UN sets a resolution in each of its six languages, as data: fonts that
// carry the script's glyphs, writing direction, how lead phrases are emphasised,
// the enacting formula, operative numbering, and the localized header lines.
// Shared by the .docx writer (to lay out) and the reader (to recognise).
import type { Language } from '../model.js';

export type LeadEmphasis = 'bold' | 'italic' | 'none';

export interface LanguageLayout {
  /** BCP 47 tag written on runs so Word picks the right proofing and font slot. */
  tag: string;
  rtl: boolean;
  /**
   * Word picks a font per character class: ascii/hAnsi for Latin and Cyrillic,
   * eastAsia for Han, cs (complex script) for Arabic. Each is a font installed
   * with Office on Windows, where the file will be opened; LibreOffice substitutes
   * a font with the same glyphs (Noto) where these are missing.
   */
  fonts: { ascii: string; eastAsia: string; cs: string };
  /** Body text size in points. */
  size: number;
  /**
   * How the UN's own files set the opening phrase (checked against the AKN
   * sources: <span class="bold"> in Chinese, "italic" in English, French,
   * Spanish and Russian, no emphasis in Arabic).
   */
  lead: LeadEmphasis;
  /** Operative number as Word's level text: "%1." or the Arabic files' "%1 -". */
  opNumber: string;
  /** The enacting formula of a General Assembly resolution. */
  formula: string;
  /** Whether the English-style formula is set in italics. */
  formulaItalic: boolean;
  /** "Agenda item 107" in the language. */
  agendaItem: (item: string) => string;
  /** The adopting bodies we know by name, English → this language. */
  bodies: Record<string, string>;
}

const TNR = 'Times New Roman';

export const LAYOUTS: Record<Language, LanguageLayout> = {
  en: {
    tag: 'en-US',
    rtl: false,
    fonts: { ascii: TNR, eastAsia: 'SimSun', cs: TNR },
    size: 10,
    lead: 'italic',
    opNumber: '%1.',
    formula: 'The General Assembly,',
    formulaItalic: true,
    agendaItem: (i) => `Agenda item ${i}`,
    bodies: { 'General Assembly': 'General Assembly', ECOSOC: 'Economic and Social Council' },
  },
  fr: {
    tag: 'fr-FR',
    rtl: false,
    fonts: { ascii: TNR, eastAsia: 'SimSun', cs: TNR },
    size: 10,
    lead: 'italic',
    opNumber: '%1.',
    formula: 'L’Assemblée générale,',
    formulaItalic: true,
    agendaItem: (i) => `Point ${i} de l’ordre du jour`,
    bodies: { 'General Assembly': 'Assemblée générale', ECOSOC: 'Conseil économique et social' },
  },
  es: {
    tag: 'es-ES',
    rtl: false,
    fonts: { ascii: TNR, eastAsia: 'SimSun', cs: TNR },
    size: 10,
    lead: 'italic',
    opNumber: '%1.',
    formula: 'La Asamblea General,',
    formulaItalic: true,
    agendaItem: (i) => `Tema ${i} del programa`,
    bodies: { 'General Assembly': 'Asamblea General', ECOSOC: 'Consejo Económico y Social' },
  },
  ru: {
    tag: 'ru-RU',
    rtl: false,
    fonts: { ascii: TNR, eastAsia: 'SimSun', cs: TNR },
    size: 10,
    lead: 'italic',
    opNumber: '%1.',
    formula: 'Генеральная Ассамблея,',
    formulaItalic: true,
    agendaItem: (i) => `Пункт ${i} повестки дня`,
    bodies: { 'General Assembly': 'Генеральная Ассамблея', ECOSOC: 'Экономический и Социальный Совет' },
  },
  zh: {
    tag: 'zh-CN',
    rtl: false,
    fonts: { ascii: TNR, eastAsia: 'SimSun', cs: TNR },
    size: 12,
    lead: 'bold',
    opNumber: '%1.',
    formula: '大会，',
    formulaItalic: false,
    agendaItem: (i) => `议程项目${i}`,
    bodies: { 'General Assembly': '大会', ECOSOC: '经济及社会理事会' },
  },
  ar: {
    tag: 'ar-SA',
    rtl: true,
    fonts: { ascii: TNR, eastAsia: 'SimSun', cs: 'Simplified Arabic' },
    size: 14,
    lead: 'none',
    opNumber: '%1 -',
    formula: 'إن الجمعية العامة،',
    formulaItalic: false,
    agendaItem: (i) => `البند ${i} من جدول الأعمال`,
    bodies: { 'General Assembly': 'الجمعية العامة', ECOSOC: 'المجلس الاقتصادي والاجتماعي' },
  },
};

export function layoutFor(language: Language): LanguageLayout {
  return LAYOUTS[language];
}

/** The body's name in the document's language; unknown bodies are printed as given. */
export function localizedBody(language: Language, body: string): string {
  return LAYOUTS[language].bodies[body] ?? body;
}

/** Back from a localized body name to the English one the store keeps. */
export function englishBody(text: string): string {
  const t = text.trim();
  for (const layout of Object.values(LAYOUTS)) {
    for (const [en, local] of Object.entries(layout.bodies)) if (local === t) return en;
  }
  return t;
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
export const PROPERTY = { language: 'PrecedentLanguage', symbol: 'PrecedentSymbol', base: 'PrecedentBase' } as const;

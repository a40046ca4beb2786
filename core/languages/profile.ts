// What Precedent knows about one official UN language, as data: its script and
// direction, how the UN sets its resolutions (the opening formula, how a lead
// phrase is emphasised, the names of the bodies), the lead phrases that open
// its paragraphs, and the words that tell it apart from its neighbours. One
// profile per language (ar.ts … zh.ts); everything else reads them.
import type { Language } from '../model.js';

export type Script = 'Arabic' | 'Han' | 'Latin' | 'Cyrillic';
export type LeadEmphasis = 'bold' | 'italic' | 'none';

export interface LanguageProfile {
  code: Language;
  /** The language's name in English, as the interface lists it today. */
  name: string;
  /** BCP 47 tag (Word runs, Intl, the HTML lang attribute). */
  tag: string;
  script: Script;
  rtl: boolean;
  /** Chinese has no spaces: it is diffed, joined and compared by character. */
  unit: 'character' | 'word';
  /**
   * How the UN's own files set the opening phrase (checked against the AKN
   * sources: <span class="bold"> in Chinese, italic in English, French,
   * Spanish and Russian, no emphasis in Arabic).
   */
  leadEmphasis: LeadEmphasis;
  /** The enacting formula of a General Assembly resolution ("The General Assembly,"). */
  formula: string;
  /** Whether the formula is set in italics. */
  formulaItalic: boolean;
  /** "Agenda item 107" in the language. */
  agendaItem: (item: string) => string;
  /** The adopting bodies the store names in English, in this language. */
  bodies: Record<string, string>;
  /**
   * Lead phrases as the UN's texts open their paragraphs, longest match wins.
   * Empty where no lexicon has been gathered yet: the heuristic below applies.
   */
  leads: { preamble: readonly string[]; operative: readonly string[] };
  /** Words that may follow a lead's first word and still belong to it ("Recalling also", "Calls upon"). */
  leadContinuations: readonly string[];
  /** A first word that always takes the next one ("Taking note", "Deeply concerned"). */
  leadTakesNextWord?: RegExp;
  /** Chinese leads take these prefixes: 又回顾, 还请, 再次重申. */
  leadPrefixes?: readonly string[];
  /** Frequent words that tell this Latin-script language from the other two. */
  functionWords: readonly string[];
}

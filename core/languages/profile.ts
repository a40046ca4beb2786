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
  /** How the language cites paragraphs, annexes, articles and resolutions (see CitationTerms). */
  citationTerms: CitationTerms;
}

/**
 * How the language's UN documents cite a paragraph and what holds it, for the
 * labels Precedent stores in one form ("PP 3", "OP 8", "annex, art. 5,
 * para. 1", "sect. II, OP 3"): core/citation-in.ts reads these to render a
 * label or citation in the language. English keeps the stored form, which is
 * how delegates write it. Numbers arrive as the label has them ("8", "5.1",
 * "II", "II.B").
 */
export interface CitationTerms {
  /** A preambular paragraph: "PP 3", "序言部分第3段", "troisième alinéa du préambule". */
  preambular: (n: number) => string;
  /** An operative paragraph: "OP 8", "执行部分第8段", "paragraphe 8". */
  operative: (n: string) => string;
  /** A numbered paragraph of an annex, article or report; Chinese calls one inside an article 款, elsewhere 段. */
  paragraph: (n: string, inArticle: boolean) => string;
  article: (n: string) => string;
  chapter: (n: string) => string;
  section: (n: string) => string;
  part: (n: string) => string;
  table: (n: string) => string;
  /** The nth of the unnumbered paragraphs of a body ("text 3"). */
  unnumbered: (n: string) => string;
  annex: string;
  /** A resolution (A/RES/…, E/RES/…) by its number: "第78/229号决议", "résolution 78/229"; English keeps the symbol. */
  resolution: (number: string, symbol: string) => string;
  /**
   * An operative paragraph named after its document, where the language drops
   * the "operative" (Chinese: 第73/346号决议第42段, never …执行部分第42段).
   */
  operativeAfterDocument?: (n: string) => string;
  /** How the print numbers an operative paragraph before its text: "8." (Arabic "8 -", as its AKN files do). */
  numberMark: (n: string) => string;
  /** Between the parts of a label and between a document and its label: ", " (Arabic "، "; Chinese runs them together). */
  separator: string;
}

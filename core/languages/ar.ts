// Arabic: right to left, leads not emphasised, "إن الجمعية العامة،".
import { leads } from './leads/ar.js';
import type { LanguageProfile } from './profile.js';
import { arabicOrdinal, numberValue } from './numerals.js';

export const ar: LanguageProfile = {
  code: 'ar',
  name: 'Arabic',
  tag: 'ar-SA',
  script: 'Arabic',
  rtl: true,
  unit: 'word',
  leadEmphasis: 'none',
  formula: 'إن الجمعية العامة،',
  formulaItalic: false,
  agendaItem: (i) => `البند ${i} من جدول الأعمال`,
  bodies: { 'General Assembly': 'الجمعية العامة', ECOSOC: 'المجلس الاقتصادي والاجتماعي' },
  // Counted in the UN's AKN files by scripts/lead-lexicons.ts.
  leads,
  leadContinuations: [],
  leadTakesNextWord: /^وإذ$/u,
  functionWords: [],
  // "الفقرة 3 من الديباجة"، "الفقرة 8 من القرار 78/229"، "المرفق"، "المادة 5"؛ chapters and
  // sections by ordinal (الفصل الثاني) as the Arabic texts head them.
  citationTerms: {
    preambular: (n) => `الفقرة ${n} من الديباجة`,
    operative: (n) => `الفقرة ${n}`,
    paragraph: (n) => `الفقرة ${n}`,
    article: (n) => `المادة ${n}`,
    chapter: (n) => `الفصل ${arUnit(n)}`,
    section: (n) => `الفرع ${arUnit(n)}`,
    part: (n) => `الجزء ${arUnit(n)}`,
    table: (n) => `الجدول ${n}`,
    unnumbered: (n) => `الفقرة غير المرقمة ${n}`,
    annex: 'المرفق',
    resolution: (number) => `القرار ${number}`,
    numberMark: (n) => `${n} -`,
    separator: '، ',
  },
};

/** "II" → الثاني: a unit's number as an Arabic ordinal where one exists, else as given. */
function arUnit(n: string): string {
  const [head, ...rest] = n.split('.');
  const value = numberValue(head);
  const ordinal = value === null ? null : arabicOrdinal(value);
  return [ordinal ?? head, ...rest].join('.');
}

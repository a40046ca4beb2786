// Arabic: right to left, leads not emphasised, "إن الجمعية العامة،".
import { leads } from './leads/ar.js';
import type { LanguageProfile } from './profile.js';

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
};

// Arabic: right to left, leads not emphasised, "إن الجمعية العامة،".
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
  leads: { preamble: [], operative: [] },
  leadContinuations: [],
  leadTakesNextWord: /^وإذ$/u,
  functionWords: [],
};

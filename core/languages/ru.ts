// Russian: Cyrillic, leads in italics, "Генеральная Ассамблея,".
import { leads } from './leads/ru.js';
import type { LanguageProfile } from './profile.js';

export const ru: LanguageProfile = {
  code: 'ru',
  name: 'Russian',
  tag: 'ru-RU',
  script: 'Cyrillic',
  rtl: false,
  unit: 'word',
  leadEmphasis: 'italic',
  formula: 'Генеральная Ассамблея,',
  formulaItalic: true,
  agendaItem: (i) => `Пункт ${i} повестки дня`,
  bodies: { 'General Assembly': 'Генеральная Ассамблея', ECOSOC: 'Экономический и Социальный Совет' },
  // Counted in the UN's AKN files by scripts/lead-lexicons.ts.
  leads,
  leadContinuations: ['также', 'далее', 'вновь'],
  functionWords: [],
};

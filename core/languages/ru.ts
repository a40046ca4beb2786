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
  // «пункт 3 преамбулы», «пункт 8 резолюции 78/229», «приложение», «статья 5».
  citationTerms: {
    preambular: (n) => `пункт ${n} преамбулы`,
    operative: (n) => `пункт ${n}`,
    paragraph: (n) => `пункт ${n}`,
    article: (n) => `статья ${n}`,
    chapter: (n) => `глава ${n}`,
    section: (n) => `раздел ${n}`,
    part: (n) => `часть ${n}`,
    table: (n) => `таблица ${n}`,
    unnumbered: (n) => `ненумерованный пункт ${n}`,
    annex: 'приложение',
    resolution: (number) => `резолюция ${number}`,
    numberMark: (n) => `${n}.`,
    separator: ', ',
  },
};

// French: leads in italics, "L’Assemblée générale,".
import { leads } from './leads/fr.js';
import type { LanguageProfile } from './profile.js';
import { frenchOrdinal } from './numerals.js';

export const fr: LanguageProfile = {
  code: 'fr',
  name: 'French',
  tag: 'fr-FR',
  script: 'Latin',
  rtl: false,
  unit: 'word',
  leadEmphasis: 'italic',
  formula: 'L’Assemblée générale,',
  formulaItalic: true,
  agendaItem: (i) => `Point ${i} de l’ordre du jour`,
  bodies: { 'General Assembly': 'Assemblée générale', ECOSOC: 'Conseil économique et social' },
  // Counted in the UN's AKN files by scripts/lead-lexicons.ts.
  leads,
  leadContinuations: ['aussi', 'également', 'en', 'outre', 'avec'],
  functionWords: ['le', 'les', 'des', 'et', 'du', 'au', 'aux', 'à', 'une', 'est', 'sur', 'dans', 'qui', 'son', 'ses', 'pour', 'assemblée', 'prie', 'rappelant'],
  // « troisième alinéa du préambule », « paragraphe 8 de la résolution 78/229 », « annexe ».
  citationTerms: {
    preambular: (n) => `${frenchOrdinal(n)} alinéa du préambule`,
    operative: (n) => `paragraphe ${n}`,
    paragraph: (n) => `paragraphe ${n}`,
    article: (n) => `article ${n}`,
    chapter: (n) => `chapitre ${n}`,
    section: (n) => `section ${n}`,
    part: (n) => `partie ${n}`,
    table: (n) => `tableau ${n}`,
    unnumbered: (n) => `paragraphe non numéroté ${n}`,
    annex: 'annexe',
    resolution: (number) => `résolution ${number}`,
    numberMark: (n) => `${n}.`,
    separator: ', ',
  },
};

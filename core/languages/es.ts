// Spanish: leads in italics, "La Asamblea General,".
import { leads } from './leads/es.js';
import type { LanguageProfile } from './profile.js';

export const es: LanguageProfile = {
  code: 'es',
  name: 'Spanish',
  tag: 'es-ES',
  script: 'Latin',
  rtl: false,
  unit: 'word',
  leadEmphasis: 'italic',
  formula: 'La Asamblea General,',
  formulaItalic: true,
  agendaItem: (i) => `Tema ${i} del programa`,
  bodies: { 'General Assembly': 'Asamblea General', ECOSOC: 'Consejo Económico y Social' },
  // Counted in the UN's AKN files by scripts/lead-lexicons.ts.
  leads,
  leadContinuations: ['además', 'también', 'asimismo', 'con'],
  functionWords: ['el', 'los', 'las', 'del', 'y', 'al', 'una', 'su', 'sus', 'para', 'con', 'por', 'que', 'como', 'entre', 'asamblea', 'solicita', 'recordando'],
  // «párrafo 3 del preámbulo», «párrafo 8 de la resolución 78/229», «anexo», «cuadro».
  citationTerms: {
    preambular: (n) => `párrafo ${n} del preámbulo`,
    operative: (n) => `párrafo ${n}`,
    paragraph: (n) => `párrafo ${n}`,
    article: (n) => `artículo ${n}`,
    chapter: (n) => `capítulo ${n}`,
    section: (n) => `sección ${n}`,
    part: (n) => `parte ${n}`,
    table: (n) => `cuadro ${n}`,
    unnumbered: (n) => `párrafo sin numerar ${n}`,
    annex: 'anexo',
    resolution: (number) => `resolución ${number}`,
    numberMark: (n) => `${n}.`,
    separator: ', ',
  },
};

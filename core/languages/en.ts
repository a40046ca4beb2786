// English: leads in italics, "The General Assembly,".
import { leads as counted } from './leads/en.js';
import type { LanguageProfile } from './profile.js';

export const en: LanguageProfile = {
  code: 'en',
  name: 'English',
  tag: 'en-US',
  script: 'Latin',
  rtl: false,
  unit: 'word',
  leadEmphasis: 'italic',
  formula: 'The General Assembly,',
  formulaItalic: true,
  agendaItem: (i) => `Agenda item ${i}`,
  bodies: { 'General Assembly': 'General Assembly', ECOSOC: 'Economic and Social Council' },
  leads: {
    preamble: [
      'Recalling', 'Recalling also', 'Recalling further', 'Further recalling', 'Reaffirming', 'Reaffirming also',
      'Noting', 'Noting also', 'Noting with appreciation', 'Noting with concern', 'Noting with satisfaction',
      'Taking note', 'Convinced', 'Deeply convinced', 'Concerned', 'Deeply concerned', 'Gravely concerned',
      'Expressing concern', 'Expressing deep concern', 'Expressing grave concern', 'Welcoming', 'Welcoming also',
      'Emphasizing', 'Stressing', 'Underlining', 'Recognizing', 'Recognizing also', 'Acknowledging', 'Aware',
      'Mindful', 'Bearing in mind', 'Considering', 'Taking into account', 'Taking into consideration',
      'Determined', 'Affirming', 'Condemning', 'Alarmed', 'Encouraging', 'Expressing its appreciation',
      'Guided by', 'Reiterating', 'Acknowledging also', 'Emphasizing also', 'Stressing also',
      // And those counted in the UN's AKN files by scripts/lead-lexicons.ts.
      ...counted.preamble,
    ],
    operative: [
      'Requests', 'Also requests', 'Further requests', 'Urges', 'Also urges', 'Strongly urges', 'Encourages',
      'Also encourages', 'Strongly encourages', 'Calls upon', 'Also calls upon', 'Invites', 'Also invites',
      'Decides', 'Also decides', 'Further decides', 'Reaffirms', 'Also reaffirms', 'Emphasizes', 'Stresses',
      'Underlines', 'Recognizes', 'Acknowledges', 'Affirms', 'Takes note', 'Takes note with appreciation',
      'Notes', 'Notes with appreciation', 'Notes with concern', 'Welcomes', 'Also welcomes', 'Expresses',
      'Expresses its appreciation', 'Expresses concern', 'Expresses deep concern', 'Commends', 'Supports',
      'Recommends', 'Endorses', 'Approves', 'Authorizes', 'Condemns', 'Strongly condemns', 'Draws attention',
      'Reiterates', 'Appeals', 'Demands', 'Declares',
      ...counted.operative,
    ],
  },
  leadContinuations: [
    'also', 'further', 'furthermore', 'again', 'moreover', 'upon', 'with', 'deep', 'great', 'grave', 'serious', 'concern',
    'appreciation', 'satisfaction', 'regret', 'in', 'mind', 'note', 'its', 'their', 'full', 'particular', 'account',
  ],
  leadTakesNextWord: /^(?:\p{L}+ly|Taking|Bearing|Expressing)$/u,
  functionWords: ['the', 'of', 'and', 'to', 'its', 'on', 'for', 'with', 'that', 'by', 'all', 'as', 'which', 'is', 'states', 'assembly', 'requests', 'recalling'],
  citationTerms: {
    preambular: (n) => `PP ${n}`,
    operative: (n) => `OP ${n}`,
    paragraph: (n) => `para. ${n}`,
    article: (n) => `art. ${n}`,
    chapter: (n) => `ch. ${n}`,
    section: (n) => `sect. ${n}`,
    part: (n) => `part ${n}`,
    table: (n) => `table ${n}`,
    unnumbered: (n) => `text ${n}`,
    annex: 'annex',
    resolution: (_number, symbol) => symbol,
    numberMark: (n) => `${n}.`,
    separator: ', ',
  },
};

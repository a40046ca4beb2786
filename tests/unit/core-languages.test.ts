// The shared core's language knowledge: detection, scripts, the enacting formula
// and lead phrases in the six languages, citations and labels.
import { describe, expect, it } from 'vitest';
import { citation, paragraphLabels, preambleFirst } from '../../core/citation.js';
import { PROFILES, detectLanguage, englishBody, formulaLanguage, isCjk, isCjkCore, isHan, localizedBody } from '../../core/languages/index.js';
import { detectLead, leadOf, lexiconLead, sectionLead } from '../../core/lead.js';
import { LANGUAGES } from '../../core/model.js';

describe('language profiles', () => {
  it('has one profile per official language, each recognising its own formula', () => {
    for (const code of LANGUAGES) {
      expect(PROFILES[code].code).toBe(code);
      expect(formulaLanguage(PROFILES[code].formula)).toBe(code);
    }
  });

  it('recognises the formula as typed or converted: without the article, straight apostrophe, no accents, other commas', () => {
    expect(formulaLanguage('General Assembly,')).toBe('en');
    expect(formulaLanguage("L'Assemblee generale,")).toBe('fr');
    expect(formulaLanguage('大会,')).toBe('zh');
    expect(formulaLanguage('الجمعية العامة،')).toBe('ar');
    expect(formulaLanguage('The General Assembly')).toBeNull();
    expect(formulaLanguage('The General Assembly decides,')).toBeNull();
  });

  it('names bodies in each language and back', () => {
    expect(localizedBody('zh', 'General Assembly')).toBe('大会');
    expect(englishBody('Генеральная Ассамблея')).toBe('General Assembly');
    expect(localizedBody('fr', 'Human Rights Council')).toBe('Human Rights Council');
  });

  it('tells Chinese text from the rest, and detects by script and function words', () => {
    expect(isHan('联')).toBe(true);
    expect(isCjkCore('，')).toBe(true);
    expect(isCjkCore('“')).toBe(false);
    expect(isCjk('“')).toBe(true);
    expect(isCjk('a')).toBe(false);
    expect(detectLanguage('Rappelant sa résolution, l’Assemblée générale prie le Secrétaire général')).toBe('fr');
    expect(detectLanguage('A/RES/78/229')).toBe('en');
  });
});

describe('lead phrases', () => {
  it('picks the longest lexicon lead, at a word boundary', () => {
    const { preamble, operative } = PROFILES.zh.leads;
    expect(lexiconLead('又回顾其关于', preamble)).toBe('又回顾');
    expect(lexiconLead('强调指出社会发展', preamble)).toBe('强调指出');
    expect(lexiconLead('再次请秘书长', operative)).toBe('再次请');
    expect(lexiconLead('联合国毒品', operative)).toBe('');
    expect(lexiconLead('Notingham', ['Noting'])).toBe('');
    expect(sectionLead('Calls upon Member States', 'en', 'operative')).toBe('Calls upon');
  });

  it('detects leads in the editor: Chinese with prefixes, alphabetic leads by their shape', () => {
    expect(detectLead('也鼓励会员国', 'zh')).toBe('也鼓励');
    expect(detectLead('会员国应当', 'zh')).toBe('');
    expect(detectLead('Recalling also its resolution', 'en')).toBe('Recalling also');
    expect(detectLead('Deeply concerned about', 'en')).toBe('Deeply concerned');
    expect(detectLead('Rappelant en outre sa résolution', 'fr')).toBe('Rappelant en outre');
    expect(detectLead('the General Assembly', 'en')).toBe('');
    expect(leadOf('Urges States', 'en', 'Urges')).toBe('Urges');
    expect(leadOf('Encourages States', 'en', 'Urges')).toBe('Encourages');
  });
});

describe('citations and labels', () => {
  it('cites by symbol, or by title when there is none', () => {
    expect(citation({ symbol: 'A/RES/78/229', title: 'x' }, 'OP 8')).toBe('A/RES/78/229, OP 8');
    expect(citation({ symbol: null, title: 'Report' }, 'para. 3')).toBe('Report, para. 3');
  });

  it('numbers preamble and operative part apart, preamble first', () => {
    const list = preambleFirst([
      { id: 'a', section: 'operative' as const },
      { id: 'b', section: 'preamble' as const },
      { id: 'c', section: 'operative' as const },
    ]);
    expect(list.map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(paragraphLabels(list).map((l) => l.label)).toEqual(['PP 1', 'OP 1', 'OP 2']);
  });
});

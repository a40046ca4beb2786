// Stored labels and citations rendered as the UN writes them in each of the
// six languages (core/citation-in.ts over each profile's citationTerms), and
// left alone where they are not labels.
import { describe, expect, it } from 'vitest';
import { citationIn, citeIn, documentIn, labelIn, numberMarkIn } from '../../core/citation-in.js';
import { LANGUAGES } from '../../core/model.js';
import { arabicOrdinal, chineseNumber, frenchOrdinal, romanValue } from '../../core/languages/numerals.js';

const LABELS = ['PP 3', 'OP 8', 'annex', 'annex, para. 4', 'annex, art. 5, para. 1', 'sect. II, OP 3', 'annex, ch. II, art. 12, para. 2 (2)', 'text 2', 'annex, table 1', 'OP 5.1'];

const EXPECTED: Record<(typeof LANGUAGES)[number], string[]> = {
  en: LABELS,
  zh: ['序言部分第3段', '执行部分第8段', '附件', '附件第4段', '附件第5条第1款', '第二节执行部分第3段', '附件第二章第12条第2款 (2)', '未编号第2段', '附件表1', '执行部分第5.1段'],
  fr: [
    'troisième alinéa du préambule',
    'paragraphe 8',
    'annexe',
    'annexe, paragraphe 4',
    'annexe, article 5, paragraphe 1',
    'section II, paragraphe 3',
    'annexe, chapitre II, article 12, paragraphe 2 (2)',
    'paragraphe non numéroté 2',
    'annexe, tableau 1',
    'paragraphe 5.1',
  ],
  es: [
    'párrafo 3 del preámbulo',
    'párrafo 8',
    'anexo',
    'anexo, párrafo 4',
    'anexo, artículo 5, párrafo 1',
    'sección II, párrafo 3',
    'anexo, capítulo II, artículo 12, párrafo 2 (2)',
    'párrafo sin numerar 2',
    'anexo, cuadro 1',
    'párrafo 5.1',
  ],
  ru: [
    'пункт 3 преамбулы',
    'пункт 8',
    'приложение',
    'приложение, пункт 4',
    'приложение, статья 5, пункт 1',
    'раздел II, пункт 3',
    'приложение, глава II, статья 12, пункт 2 (2)',
    'ненумерованный пункт 2',
    'приложение, таблица 1',
    'пункт 5.1',
  ],
  ar: [
    'الفقرة 3 من الديباجة',
    'الفقرة 8',
    'المرفق',
    'المرفق، الفقرة 4',
    'المرفق، المادة 5، الفقرة 1',
    'الفرع الثاني، الفقرة 3',
    'المرفق، الفصل الثاني، المادة 12، الفقرة 2 (2)',
    'الفقرة غير المرقمة 2',
    'المرفق، الجدول 1',
    'الفقرة 5.1',
  ],
};

describe('labelIn: a stored label in each language', () => {
  for (const language of LANGUAGES) {
    it(language, () => {
      expect(LABELS.map((l) => labelIn(l, language))).toEqual(EXPECTED[language]);
    });
  }

  it('leaves what is not a label as it is: headings, unnumbered "OP", lettered items', () => {
    for (const language of LANGUAGES) {
      for (const label of ['Budget estimates for the period', '第5条', 'OP', 'OP B.', 'Annex II', '']) expect(labelIn(label, language)).toBe(label);
    }
  });

  it('counts French preambular paragraphs in ordinal words', () => {
    expect(labelIn('PP 1', 'fr')).toBe('premier alinéa du préambule');
    expect(labelIn('PP 21', 'fr')).toBe('vingt et unième alinéa du préambule');
    expect(labelIn('PP 71', 'fr')).toBe('soixante et onzième alinéa du préambule');
    expect(labelIn('PP 80', 'fr')).toBe('quatre-vingtième alinéa du préambule');
    expect(labelIn('PP 99', 'fr')).toBe('quatre-vingt-dix-neuvième alinéa du préambule');
    expect(labelIn('PP 120', 'fr')).toBe('120e alinéa du préambule');
  });
});

describe('citeIn and citationIn: a document and its paragraph', () => {
  const doc = { symbol: 'A/RES/78/229', title: 'Strengthening the programme' };
  const cited = {
    en: 'A/RES/78/229, OP 8',
    zh: '第78/229号决议第8段',
    fr: 'résolution 78/229, paragraphe 8',
    es: 'resolución 78/229, párrafo 8',
    ru: 'резолюция 78/229, пункт 8',
    ar: 'القرار 78/229، الفقرة 8',
  };
  for (const language of LANGUAGES) {
    it(language, () => {
      expect(citeIn(doc, 'OP 8', language)).toBe(cited[language]);
      expect(citationIn('A/RES/78/229, OP 8', language)).toBe(cited[language]);
    });
  }

  it('Chinese names the preamble after the document, and runs an annex on', () => {
    expect(citeIn(doc, 'PP 3', 'zh')).toBe('第78/229号决议序言部分第3段');
    expect(citationIn('A/RES/69/197, annex, art. 5, para. 1', 'zh')).toBe('第69/197号决议附件第5条第1款');
  });

  it('names other documents by their symbol, and one without a symbol by its title (commas and all)', () => {
    expect(documentIn('A/78/123', 'fr')).toBe('A/78/123');
    expect(documentIn('E/RES/2019/3', 'ru')).toBe('резолюция 2019/3');
    expect(citationIn('A/78/123, para. 5', 'es')).toBe('A/78/123, párrafo 5');
    expect(citationIn('Report of the Secretary-General, crime, para. 5', 'fr')).toBe('Report of the Secretary-General, crime, paragraphe 5');
    expect(citeIn({ symbol: null, title: 'Report, 2004' }, 'para. 2', 'en')).toBe('Report, 2004, para. 2');
    expect(citeIn(doc, ['OP 3', 'OP 4'], 'en')).toBe('A/RES/78/229, OP 3 + OP 4');
    expect(citeIn(doc, ['OP 3', 'OP 4'], 'ru')).toBe('резолюция 78/229, пункт 3 + пункт 4');
  });

  it('returns a citation with no label in it as it is', () => {
    expect(citationIn('A/RES/78/229', 'zh')).toBe('A/RES/78/229');
    expect(citationIn('A/RES/78/229, Budget estimates', 'fr')).toBe('A/RES/78/229, Budget estimates');
  });
});

describe('numberMarkIn: an operative number as each print sets it', () => {
  it('"8." everywhere but Arabic, "8 -" there (as the AKN files number them)', () => {
    expect(LANGUAGES.map((l) => numberMarkIn(8, l))).toEqual(LANGUAGES.map((l) => (l === 'ar' ? '8 -' : '8.')));
  });
});

describe('numerals', () => {
  it('reads Roman numerals and writes Chinese numbers and Arabic ordinals', () => {
    expect([romanValue('IV'), romanValue('XIV'), romanValue('XL'), romanValue('ABC')]).toEqual([4, 14, 40, null]);
    expect([1, 10, 11, 20, 23, 99, 100].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '二十三', '九十九', '100']);
    expect([1, 2, 10, 11].map(arabicOrdinal)).toEqual(['الأول', 'الثاني', 'العاشر', null]);
    expect([2, 5, 9, 17, 61].map(frenchOrdinal)).toEqual(['deuxième', 'cinquième', 'neuvième', 'dix-septième', 'soixante et unième']);
  });
});

// The analyser: language detection, normalisation with offsets, index terms
// in every official language, Chinese without spaces.
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../core/languages/index.js';
import { indexTerms, normalise, units } from '../../server/search/analyse.js';

describe('detectLanguage', () => {
  it('recognises the six official languages from a sentence each', () => {
    expect(detectLanguage('请秘书长向大会第八十一届会议提交一份关于本决议执行情况的报告')).toBe('zh');
    expect(detectLanguage('Requests the Secretary-General to submit to the General Assembly a report')).toBe('en');
    expect(detectLanguage('Prie le Secrétaire général de lui présenter à sa quatre-vingt-unième session un rapport sur l’application de la présente résolution')).toBe('fr');
    expect(detectLanguage('Solicita al Secretario General que le presente en su octogésimo primer período de sesiones un informe sobre la aplicación de la presente resolución')).toBe('es');
    expect(detectLanguage('Просит Генерального секретаря представить Генеральной Ассамблее доклад')).toBe('ru');
    expect(detectLanguage('يطلب إلى الأمين العام أن يقدم إلى الجمعية العامة تقريرا')).toBe('ar');
  });

  it('keeps a Chinese paragraph Chinese despite an embedded symbol', () => {
    expect(detectLanguage('回顾其2002年12月18日第A/RES/57/173号决议，')).toBe('zh');
  });
});

describe('normalise', () => {
  it('folds width and case and collapses spaces, mapping back to the original', () => {
    const input = '  Ａ　B\n\n c，d ';
    const n = normalise(input);
    expect(n.text).toBe('a b c,d');
    expect(input[n.map[n.text.indexOf('c')]]).toBe('c');
    expect(input[n.map[n.text.indexOf(',')]]).toBe('，');
  });
});

describe('indexTerms', () => {
  const zh = '请秘书长向大会第八十一届会议提交一份关于本决议执行情况的报告';

  it('cuts Chinese without spaces into words or bigrams, never one giant term', () => {
    const words = indexTerms(zh, 'zh', 'words');
    expect(words).toContain('秘书');
    expect(words).toContain('报告');
    const bigrams = indexTerms(zh, 'zh', 'bigrams');
    expect(bigrams).toContain('秘书');
    expect(bigrams).toHaveLength(zh.length - 1);
  });

  it('keeps symbols and years inside Chinese text as words', () => {
    expect(indexTerms('第57/173号决议（2002年）', 'zh', 'bigrams')).toEqual(expect.arrayContaining(['57', '173', '2002']));
  });

  it('folds case, width and inflection in alphabetic languages', () => {
    expect(indexTerms('Strengthening ＵＮＯＤＣ programmes', 'en')).toEqual(['strengthen', 'unodc', 'programme']);
    expect(indexTerms('Programme des Nations Unies', 'fr')).toEqual(indexTerms('programmes des nations unies', 'fr'));
    expect(indexTerms('Генеральной Ассамблеи', 'ru')).toEqual(indexTerms('Генеральная Ассамблея', 'ru'));
    expect(indexTerms('الجمعية العامة', 'ar')).toEqual(indexTerms('والجمعية العامة', 'ar'));
  });
});

describe('units', () => {
  it('gives one unit per CJK character and per word, with spans in the original text', () => {
    const text = 'Urges Member States，to act';
    const us = units(text, 'en');
    expect(us.map((u) => u.key)).toEqual(['urges', 'member', 'states', 'to', 'act']);
    expect(us.map((u) => text.slice(u.start, u.end))).toEqual(['Urges', 'Member', 'States', 'to', 'act']);
    const zh = units('敦促会员国，', 'zh');
    expect(zh.map((u) => u.key).join('')).toBe('敦促会员国');
  });
});

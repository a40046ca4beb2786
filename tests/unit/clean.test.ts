// One test per trap of extracted UN text, against the small cleaning functions.
import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  cleanLine,
  collapseFourfold,
  dropCjkGaps,
  fourfoldLead,
  isBareMarker,
  isFootnoteRule,
  isFurniture,
  joinSpacedDigits,
  joinWrapped,
  normalizeForMatching,
  parseDate,
  unwrapLines,
} from '../../server/ingest/clean.js';

describe('collapseFourfold', () => {
  it('collapses a phrase drawn four times', () => {
    expect(collapseFourfold('回顾回顾回顾回顾其 1991 年')).toBe('回顾其 1991 年');
    expect(collapseFourfold('又回顾又回顾又回顾又回顾其')).toBe('又回顾其');
    expect(collapseFourfold('第五十七届会议第五十七届会议第五十七届会议第五十七届会议')).toBe('第五十七届会议');
  });

  it('collapses characters drawn four times, also when spread apart', () => {
    expect(collapseFourfold('大大大大会会会会')).toBe('大会');
    expect(collapseFourfold('联联联联合合合合国国国国')).toBe('联合国');
    expect(collapseFourfold('联联联联    合合合合    国国国国 A/RES/57/173')).toBe('联合国 A/RES/57/173');
    expect(collapseFourfold('大大大大        会会会会')).toBe('大会');
  });

  it('keeps words that genuinely repeat', () => {
    expect(collapseFourfold('谢谢你们')).toBe('谢谢你们');
    expect(collapseFourfold('在 2003年年底之前')).toBe('在 2003年年底之前');
    expect(collapseFourfold('常常')).toBe('常常');
  });

  it('collapses a bold run in the middle of a paragraph', () => {
    expect(collapseFourfold('的重要性，并敦促敦促敦促敦促特设委员会')).toBe('的重要性，并敦促特设委员会');
  });
});

describe('fourfoldLead', () => {
  it('reads where the bold lead ends', () => {
    expect(fourfoldLead(' 回顾回顾回顾回顾其 1991 年')).toEqual({ lead: '回顾', rest: '其 1991 年' });
    expect(fourfoldLead('赞赏地注意到赞赏地注意到赞赏地注意到赞赏地注意到秘书长')?.lead).toBe('赞赏地注意到');
    expect(fourfoldLead('请请请请所有国家')?.lead).toBe('请');
    expect(fourfoldLead('敦敦敦敦促促促促各国')).toEqual({ lead: '敦促', rest: '各国' });
  });

  it('finds nothing in plain text', () => {
    expect(fourfoldLead(' 回顾其关于建立')).toBeNull();
    expect(fourfoldLead('谢谢主席')).toBeNull();
  });
});

describe('joinSpacedDigits', () => {
  it('joins digits spread apart', () => {
    expect(joinSpacedDigits('2 0 0 7 年 1 2 月 1 8 日大会决议')).toBe('2007 年 12 月 18 日大会决议');
  });

  it('leaves grouped thousands and separate numbers alone', () => {
    expect(joinSpacedDigits('共计 13 626 894')).toBe('共计 13 626 894');
    expect(joinSpacedDigits('智利 1 000')).toBe('智利 1 000');
    expect(joinSpacedDigits('2002年 1 月 31 日')).toBe('2002年 1 月 31 日');
    expect(joinSpacedDigits('第 9/1 号决议')).toBe('第 9/1 号决议');
  });
});

describe('dropCjkGaps', () => {
  it('removes spaces between Chinese characters', () => {
    expect(dropCjkGaps('合 国 预 防 犯 罪 和 刑 事 司 法 方 案 的影响， 包 括')).toBe('合国预防犯罪和刑事司法方案的影响，包括');
  });

  it('keeps spaces beside numbers and Latin words', () => {
    expect(dropCjkGaps('2007 年 12 月')).toBe('2007 年 12 月');
    expect(dropCjkGaps('大会 A/RES/57/173')).toBe('大会 A/RES/57/173');
    expect(dropCjkGaps('the “Vienna” and “Bangkok” declarations')).toBe('the “Vienna” and “Bangkok” declarations');
  });
});

describe('hard wraps', () => {
  it('joins Chinese lines with no space and Latin lines with one', () => {
    expect(joinWrapped('特别是其技术合', '作能力')).toBe('特别是其技术合作能力');
    expect(joinWrapped('Strengthening the United Nations', 'programme')).toBe('Strengthening the United Nations programme');
    expect(joinWrapped('见', 'A/57/64。')).toBe('见A/57/64。');
    expect(unwrapLines(['回顾其 1991 年 12 月 18 日关于', '制定有效的方案，  '])).toBe('回顾其 1991 年 12 月 18 日关于制定有效的方案，');
  });

  it('joins symbols and URLs split after a slash, dash or underscore with no space', () => {
    expect(joinWrapped('（E/CN.7/2019/2-', 'E/CN.15/2019/2）')).toBe('（E/CN.7/2019/2-E/CN.15/2019/2）');
    expect(joinWrapped('(http://www.unodc.org/unodc/ ', 'terrorism_documents.html)')).toBe(
      '(http://www.unodc.org/unodc/terrorism_documents.html)',
    );
  });
});

describe('page furniture', () => {
  it('recognises job numbers, distribution marks, page numbers and link lines', () => {
    for (const line of ['02 54959 ', 'V.19-03785', '04-12345 (C)', 'Distr.: General', 'http://undocs.org/ch/E/CN.7/2019/2', '2/10', '- 3 -', '————————']) {
      expect(isFurniture(line), line).toBe(true);
    }
  });

  it('keeps text, headings and bare markers', () => {
    for (const line of ['议程项目 100', '1', '2002年 12月 18日', '57/173. 加强联合国预防犯罪', 'A． 预防恐怖主义']) {
      expect(isFurniture(line), line).toBe(false);
    }
    expect(isBareMarker('12 ')).toBe(true);
    expect(isBareMarker('2002')).toBe(false);
    expect(isFootnoteRule(' '.repeat(59))).toBe(true);
    expect(isFootnoteRule(' ')).toBe(false);
  });
});

describe('normalizeForMatching', () => {
  it('folds full and half width and collapses white space', () => {
    expect(normalizeForMatching('１．  回顾其，ＡＢＣ')).toBe('1.回顾其,ABC');
    expect(normalizeForMatching('2007 年 12 月')).toBe(normalizeForMatching('2007年12月'));
    expect(normalizeForMatching('Recalling   its\nresolution')).toBe('Recalling its resolution');
  });

  it('is not applied to display text by cleaning', () => {
    expect(cleanLine(' 回顾回顾回顾回顾其第 46/152号决议， ')).toBe('回顾其第 46/152号决议，');
  });
});

describe('textual facts', () => {
  it('reads Chinese numerals and dates', () => {
    expect(chineseNumeral('五十七')).toBe(57);
    expect(chineseNumeral('六十九')).toBe(69);
    expect(chineseNumeral('十')).toBe(10);
    expect(chineseNumeral('一百零五')).toBe(105);
    expect(parseDate('2002年 12月 18日')).toBe('2002-12-18');
    expect(parseDate('2 0 0 7 年 1 2 月 1 8 日大会决议')).toBe('2007-12-18');
    expect(parseDate('18 December 2014')).toBe('2014-12-18');
    expect(parseDate('第 77 次全体会议')).toBeNull();
  });
});

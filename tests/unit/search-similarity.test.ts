// The similarity a drafter reads: 1 for the same text, high for a rollover with
// updated numbers, the shared passages pointing at the same words in both texts;
// 1 (and "100%") for the same text only; containment and long passages ahead of
// scattered set phrases.
import { describe, expect, it } from 'vitest';
import { compare, NEAR_IDENTICAL } from '../../server/search/similarity.js';
import { formatPercent } from '../../web/lib/format.js';

const op2014 = '请秘书长向大会第七十届会议提交一份关于本决议执行情况的报告；';
const op2025 = '请秘书长向大会第八十一届会议提交一份关于本决议执行情况的报告。';
const en2022 =
  'Requests the Secretary-General to submit to the General Assembly at its seventy-eighth session a report on the implementation of the present resolution;';
const en2025 =
  'Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report on the implementation of the present resolution.';

describe('compare', () => {
  it('scores identical text 1, width and spacing differences included', () => {
    expect(compare(op2014, op2014, 'zh').similarity).toBe(1);
    expect(compare('Urges Member States, to act', 'Urges  Member States，to act', 'en').similarity).toBe(1);
    expect(compare('回顾其 1991 年 12 月 18 日第 46/152号决议，', '回顾其1991年12月18日第４６/１５２号决议,', 'zh').similarity).toBe(1);
  });

  it('never scores 1 for a text that differs in anything but width and spaces', () => {
    // 77/237 OP 5 with 考虑 deleted; the same paragraph ending "." instead of ";"; a changed case.
    const op5 =
      '敦促尚未批准或加入《联合国打击跨国有组织犯罪公约》及其各项议定书、经1972年《议定书》修正的1961年《麻醉品单一公约》、1971年《精神药物公约》、1988年《联合国禁止非法贩运麻醉药品和精神药物公约》、《联合国反腐败公约》及有关恐怖主义问题的国际公约和议定书的会员国考虑批准或加入这些文书，并敦促这些公约和议定书的缔约国努力促成这些文书的有效执行，特别是就预防和打击包括网络犯罪在内的跨国有组织犯罪而言；';
    const cut = compare(op5.replace('考虑', ''), op5, 'zh').similarity;
    expect(cut).toBeLessThan(1);
    expect(cut).toBeGreaterThan(0.95);
    expect(compare(en2022, en2022.replace(/;$/, '.'), 'en').similarity).toBe(NEAR_IDENTICAL);
    expect(compare(op2014, op2014.replace(/；$/, '。'), 'zh').similarity).toBe(NEAR_IDENTICAL);
    expect(compare('Urges States Parties to act', 'Urges States parties to act', 'en').similarity).toBe(NEAR_IDENTICAL);
  });

  it('shows 100% for the same text only: the display never rounds up', () => {
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(NEAR_IDENTICAL)).toBe('99%');
    expect(formatPercent(0.995)).toBe('99%');
    expect(formatPercent(0.994)).toBe('99%');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('puts an earlier paragraph contained in the typed one above one sharing set phrases (57/173 → 62/175 PP 13)', () => {
    const typed = '认识到打击跨国有组织犯罪和恐怖主义的行动是一项共同分担的责任，强调必须携手合作，预防和打击跨国有组织犯罪、腐败以及各种形式和表现的恐怖主义，';
    const pp4 = '认识到采取行动打击全球犯罪活动是一项共同分担的责任，';
    const pp5 =
      '深信各国应更密切协调与合作以打击各种犯罪，包括有组织犯罪、腐败、偷运移民和贩卖人口，特别是贩卖妇女与儿童、与毒品有关的犯罪、洗钱、非法制造和贩运枪支及其零部件和弹药、非法滥用信息技术、以及为助长各种形式及表现的恐怖主义而进行的犯罪活动，同时铭记联合国和各区域组织在这方面可能发挥的作用，';
    expect(compare(typed, pp4, 'zh').similarity).toBeGreaterThan(compare(typed, pp5, 'zh').similarity);
  });

  it('weighs the years and symbols a Chinese paragraph cites as written (57/173 → 62/175 PP 1)', () => {
    const typed =
      '回顾其关于建立一个有效的联合国预防犯罪和刑事司法方案的1991年 12月18 日第 46/152 号决议，以及关于加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力的 2006 年 12 月 20 日第 61/181 号决议，';
    const pp1 = '回顾其 1991 年 12 月 18 日关于制定有效的联合国预防犯罪和刑事司法方案的第 46/152号决议，其中核准该决议所附的原则声明和行动纲领，';
    const pp2 = '又回顾其 2001 年 12 月 19 日关于加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力的第 56/123号决议，';
    expect(compare(typed, pp1, 'zh').similarity).toBeGreaterThan(compare(typed, pp2, 'zh').similarity);
  });

  it('scores a rollover with an updated session high, and unrelated text 0', () => {
    const zh = compare(op2025, op2014, 'zh');
    expect(zh.similarity).toBeGreaterThan(0.8);
    expect(zh.similarity).toBeLessThan(1);
    expect(compare(en2025, en2022, 'en').similarity).toBeGreaterThan(0.8);
    expect(compare(en2025, 'Decides to include in the provisional agenda of its next session the item entitled', 'en').similarity).toBe(0);
  });

  it('finds the shared passages with offsets that select the same words in both texts', () => {
    const { shared } = compare(en2025, en2022, 'en');
    expect(shared.length).toBe(2);
    for (const s of shared) expect(en2025.slice(...s.from)).toBe(en2022.slice(...s.to));
    expect(en2025.slice(...shared[0].from)).toBe('Requests the Secretary-General to submit to the General Assembly at its');
    const zh = compare(op2025, op2014, 'zh');
    expect(op2025.slice(...zh.shared[0].from)).toBe('请秘书长向大会第');
    expect(op2014.slice(...zh.shared[zh.shared.length - 1].to)).toBe('届会议提交一份关于本决议执行情况的报告');
  });

  it('rates half a paragraph typed against its source well above a loose relative', () => {
    const half = en2025.slice(0, Math.floor(en2025.length / 2));
    const own = compare(half, en2025, 'en').similarity;
    expect(own).toBeGreaterThan(0.7);
    expect(own).toBeGreaterThan(compare(half, 'Requests the Secretary-General to report on the matter to the Human Rights Council at its next session', 'en').similarity);
  });

  it('does not count stray common words as shared language', () => {
    expect(compare('the implementation of', 'of the implementation', 'en').shared).toEqual([]);
  });
});

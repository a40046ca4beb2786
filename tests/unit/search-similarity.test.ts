// The similarity a drafter reads: 1 for the same text, high for a rollover with
// updated numbers, the shared passages pointing at the same words in both texts.
import { describe, expect, it } from 'vitest';
import { compare } from '../../server/search/similarity.js';

const op2014 = '请秘书长向大会第七十届会议提交一份关于本决议执行情况的报告；';
const op2025 = '请秘书长向大会第八十一届会议提交一份关于本决议执行情况的报告。';
const en2022 =
  'Requests the Secretary-General to submit to the General Assembly at its seventy-eighth session a report on the implementation of the present resolution;';
const en2025 =
  'Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report on the implementation of the present resolution.';

describe('compare', () => {
  it('scores identical text 1, width and spacing differences included', () => {
    expect(compare(op2014, op2014, 'zh').similarity).toBe(1);
    expect(compare('Urges Member States, to act', 'urges  member states，to act', 'en').similarity).toBe(1);
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

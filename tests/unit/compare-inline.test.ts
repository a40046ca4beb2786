// Inline diffs as a negotiator reads them: Chinese by character (numbers and
// symbols whole), English by word, rollover updates (symbols, dates, sessions)
// marked routine, letter case and spacing marked editorial.
import { describe, expect, it } from 'vitest';
import { inlineDiff, onlyRoutine, type InlineChange } from '../../core/diff/inline.js';

const edits = (cs: InlineChange[]) => cs.filter((c) => c.type !== 'equal');
const rebuild = (cs: InlineChange[], side: 'old' | 'new') =>
  cs.filter((c) => c.type === 'equal' || c.type === (side === 'old' ? 'delete' : 'insert')).map((c) => c.text).join('');

describe('inlineDiff', () => {
  it('diffs Chinese by character and marks a changed symbol routine', () => {
    const a = '重申其第 61/181 号决议，';
    const b = '重申其第 69/197 号决议，';
    const cs = inlineDiff(a, b, 'zh');
    expect(rebuild(cs, 'old')).toBe(a);
    expect(rebuild(cs, 'new')).toBe(b);
    // The symbol changes whole: "61/181→69/197", never "6[1→9]/1[81→97]".
    expect(edits(cs).map((c) => [c.type, c.text])).toEqual([
      ['delete', '61/181'],
      ['insert', '69/197'],
    ]);
    expect(edits(cs).every((c) => c.routine)).toBe(true);
    expect(onlyRoutine(cs)).toBe(true);
  });

  it('diffs Chinese without spaces by character', () => {
    const cs = inlineDiff('请秘书长提交报告', '请秘书长提交一份全面报告', 'zh');
    expect(edits(cs)).toEqual([{ type: 'insert', text: '一份全面', routine: false }]);
  });

  it('diffs English by whole words', () => {
    const cs = inlineDiff('Requests the Secretary-General to submit a report', 'Requests the Secretary-General to submit a comprehensive report', 'en');
    expect(edits(cs)).toEqual([{ type: 'insert', text: 'comprehensive ', routine: false }]);
    const swap = inlineDiff('Strongly urges Member States', 'Strongly encourages Member States', 'en');
    expect(edits(swap).map((c) => c.text)).toEqual(['urges', 'encourages']);
  });

  it('marks a session update routine and a reworded request substantive, in one paragraph', () => {
    const a = 'Requests the Secretary-General to report to the General Assembly at its seventy-eighth session on the implementation of the present resolution;';
    const b = 'Requests the Secretary-General to report to the General Assembly at its eightieth session on the implementation and follow-up of the present resolution;';
    const cs = inlineDiff(a, b, 'en');
    const session = edits(cs).filter((c) => /seventy-eighth|eightieth/.test(c.text));
    expect(session.map((c) => [c.type, c.text, c.routine])).toEqual([
      ['delete', 'seventy-eighth', true],
      ['insert', 'eightieth', true],
    ]);
    expect(edits(cs).find((c) => c.text.includes('follow-up'))?.routine).toBe(false);
    expect(onlyRoutine(cs)).toBe(false);
  });

  it('marks "sixty-third session" → "seventieth session" and dates routine', () => {
    expect(onlyRoutine(inlineDiff('at its sixty-third session', 'at its seventieth session', 'en'))).toBe(true);
    expect(onlyRoutine(inlineDiff('Recalling its resolution 77/237 of 15 December 2022,', 'Recalling its resolution 78/229 of 19 December 2023,', 'en'))).toBe(true);
    expect(onlyRoutine(inlineDiff('大会第七十八届会议', '大会第八十届会议', 'zh'))).toBe(true);
    expect(onlyRoutine(inlineDiff('2023年12月19日第50次全体会议', '2025年12月18日第69次全体会议', 'zh'))).toBe(true);
  });

  it('treats a recalled resolution added to a list as routine, but a number in substance as substantive', () => {
    expect(onlyRoutine(inlineDiff('Recalling its resolutions 76/187 and 77/237,', 'Recalling its resolutions 76/187, 77/237 and 78/229,', 'en'))).toBe(true);
    expect(onlyRoutine(inlineDiff('within 30 days of receipt', 'within 60 days of receipt', 'en'))).toBe(false);
  });

  it('keeps years, numbers and symbols whole in Chinese', () => {
    const cs = inlineDiff('大会2022年12月15日第77/237号决议和2022年报告', '大会2024年12月17日第79/186号决议和2024年报告', 'zh');
    // (Two characters between edits fold into them: one edit reads better than three.)
    expect(edits(cs).map((c) => c.text)).toEqual(['2022', '2024', '15日第77/237', '17日第79/186', '2022', '2024']);
    expect(onlyRoutine(cs)).toBe(true);
    const symbol = inlineDiff('见A/RES/78/229。', '见A/RES/80/229。', 'zh');
    expect(edits(symbol).map((c) => c.text)).toEqual(['A/RES/78/229', 'A/RES/80/229']);
  });

  it('treats the latest symbol added to a recall list as routine, with its date', () => {
    const en = inlineDiff(
      'Recalling its resolutions 76/187 of 16 December 2021 and 77/237 of 14 December 2022,',
      'Recalling its resolutions 76/187 of 16 December 2021, 77/237 of 14 December 2022 and 78/229 of 19 December 2023,',
      'en',
    );
    expect(onlyRoutine(en)).toBe(true);
    expect(edits(en).map((c) => c.text)).toContain(' and 78/229 of 19 December 2023');
    const zh = inlineDiff('回顾其2021年12月16日第76/187号和2022年12月14日第77/237号决议，', '回顾其2021年12月16日第76/187号、2022年12月14日第77/237号和2023年12月19日第78/229号决议，', 'zh');
    expect(onlyRoutine(zh)).toBe(true);
    // A new clause after the list is not.
    expect(onlyRoutine(inlineDiff('Recalling its resolution 77/237,', 'Recalling its resolution 77/237 of 14 December 2022 on crime prevention,', 'en'))).toBe(false);
  });

  it('marks a change of letter case or of a space editorial (and so routine), never invisible', () => {
    const house = inlineDiff('calls upon States parties to the Convention', 'calls upon States Parties to the Convention', 'en');
    expect(edits(house)).toEqual([
      { type: 'delete', text: 'parties', routine: true, editorial: true },
      { type: 'insert', text: 'Parties', routine: true, editorial: true },
    ]);
    expect(onlyRoutine(house)).toBe(true);
    const nbsp = inlineDiff('Member States to ratify', 'Member\u00a0States to ratify', 'en');
    expect(edits(nbsp).length).toBeGreaterThan(0);
    expect(edits(nbsp).every((c) => c.editorial && c.routine)).toBe(true);
    const doubled = inlineDiff('Member States to ratify', 'Member States  to ratify', 'en');
    expect(edits(doubled).every((c) => c.editorial)).toBe(true);
    // A word changed is neither.
    expect(edits(inlineDiff('States parties', 'States members', 'en')).some((c) => c.editorial)).toBe(false);
  });

  it('gives one equal run for identical text and rebuilds both sides exactly', () => {
    expect(inlineDiff('同一段', '同一段', 'zh')).toEqual([{ type: 'equal', text: '同一段' }]);
    const a = 'Welcoming  the  report, (A/78/100) and noting “progress”;';
    const b = 'Welcoming the report (A/80/120), and noting with appreciation “progress”;';
    const cs = inlineDiff(a, b, 'fr');
    expect(rebuild(cs, 'old')).toBe(a);
    expect(rebuild(cs, 'new')).toBe(b);
  });
});

// Inline diffs as a negotiator reads them: Chinese by character, English by
// word, rollover updates (symbols, dates, sessions) marked routine.
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
    // Character level: the shared "6" of the session stays equal; no word split on spaces.
    expect(cs[0]).toEqual({ type: 'equal', text: '重申其第 6' });
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

  it('treats a change of letter case (house style) as routine', () => {
    expect(onlyRoutine(inlineDiff('calls upon States parties to the Convention', 'calls upon States Parties to the Convention', 'en'))).toBe(true);
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

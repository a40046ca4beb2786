// The Markdown importer against the real seed of resolution 69/197 (seed 002).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedParagraph } from '../../core/model.js';
import { importMarkdown } from '../../server/ingest/markdown.js';
import { ImportError } from '../../server/ingest/source.js';

const text = readFileSync(resolve(import.meta.dirname, '../../corpus/seeds/002_e1ad52332a936a69.txt'), 'utf8');

describe('69/197 in Markdown (seed 002)', () => {
  const { documents, warnings } = importMarkdown(text, 'seeds/002_e1ad52332a936a69.txt', {});
  const doc = documents[0];
  const pps = doc.paragraphs.filter((p) => p.section === 'preamble');
  const ops = doc.paragraphs.filter((p) => p.section === 'operative');
  const op = (n: number) => ops.find((p) => p.number === n)!;

  it('reads the header and warns that the symbol is derived', () => {
    expect(doc).toMatchObject({
      title: '加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力',
      language: 'zh',
      kind: 'resolution',
      body: 'General Assembly',
      session: 69,
      date: '2014-12-18',
      agendaItem: '105',
      symbol: 'A/RES/69/197',
    });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^symbol:/);
    const quiet = importMarkdown(text, 'x', { symbol: 'A/RES/69/197' });
    expect(quiet.warnings).toEqual([]);
  });

  it('has 52 preambular and 53 operative paragraphs, numbered in order', () => {
    expect(pps).toHaveLength(52);
    expect(ops).toHaveLength(53);
    expect(doc.paragraphs).toHaveLength(105);
    expect(pps.map((p) => p.label)).toEqual(pps.map((_, i) => `PP ${i + 1}`));
    expect(ops.map((p) => p.number)).toEqual(ops.map((_, i) => i + 1));
    expect(ops.map((p) => p.label)).toEqual(ops.map((_, i) => `OP ${i + 1}`));
    for (const p of pps) expect(p.text, p.label).toMatch(/[，,]$/);
    for (const p of ops) expect(p.text, p.label).toMatch(p.number === 53 ? /。$/ : /[；;]$/);
  });

  it('takes leads from bold runs, and from the lexicon where bold is missing', () => {
    expect(pps[3].lead).toBe('回顾');
    expect(pps[4].lead).toBe('又回顾');
    expect(pps[22]).toMatchObject({ lead: '着重指出' });
    expect(pps[22].text.startsWith('着重指出，尽管')).toBe(true);
    expect(pps[36].lead).toBe('深为关切');
    // Unbolded in the source:
    expect(pps[0].lead).toBe('重申');
    expect(pps[13].lead).toBe('又回顾');
    expect(pps[14].lead).toBe('还回顾');
    expect(pps[18].lead).toBe('关切');
    expect(op(20).lead).toBe('强调');
    expect(op(53).lead).toBe('又请');
    expect(op(10).lead).toBe('强调指出');
    for (const p of doc.paragraphs) {
      expect(p.lead, p.label).not.toBe('');
      expect(p.text.startsWith(p.lead), p.label).toBe(true);
      expect(p.text, p.label).not.toContain('**');
    }
  });

  it('keeps OP 5 whole across the footnotes that split it', () => {
    const p = op(5);
    expect(p.text.startsWith('回顾《联合国打击跨国有组织犯罪公约》第 32 条')).toBe(true);
    expect(p.text).toContain('执行《公约》及其各项议定书的情况，并强调');
    expect(p.text.endsWith('并邀请会员国在这方面继续开展对话；')).toBe(true);
    expect(op(6).text.startsWith('注意到 2014年3月25日')).toBe(true);
  });

  it('keeps OP 28 whole across the page break that splits it', () => {
    const p = op(28);
    expect(p.text.startsWith('提请注意秘书长关于联合国预防犯罪和刑事司法方案任务执行情况')).toBe(true);
    expect(p.text).toContain('文化财产贩运、非法资金流动、包括濒危野生动植物种');
    expect(p.text.endsWith('探讨处理这些问题的方式和方法；')).toBe(true);
  });

  it('moves <sup> markers out of the text into footnotes with their offsets', () => {
    const pp2 = pps[1];
    expect(pp2.footnotes.map((f) => f.marker)).toEqual(['1', '2', '3', '4', '5']);
    expect(pp2.footnotes[0].text).toBe('联合国，《条约汇编》，第 2225、2237、2241 和 2326 卷，第 39574 号。');
    expect(pp2.text.slice(0, pp2.footnotes[4].offset).endsWith('《联合国反腐败公约》')).toBe(true);
    // A marker cited again later carries the same note.
    expect(op(2).footnotes[0]).toMatchObject({ marker: '1', text: pp2.footnotes[0].text });
    expect(op(2).text).toContain('及其各项议定书是国际社会');
    expect(op(1).footnotes[0]).toMatchObject({ marker: '20', text: 'A/69/94。', offset: op(1).text.length });
  });

  it('leaves no markup, footnote text, page breaks or closing lines in paragraphs', () => {
    const notes = doc.paragraphs.flatMap((p) => p.footnotes.map((f) => f.text));
    expect(new Set(doc.paragraphs.flatMap((p) => p.footnotes.map((f) => f.marker))).size).toBe(24);
    for (const p of doc.paragraphs) {
      expect(p.text, p.label).not.toMatch(/<\/?sup>|^#|---|全体会议|\d{4} 年 12 月 18 日$/);
      expect(p.text, p.label).not.toMatch(/(\p{Script=Han})\1\1\1/u);
      for (const note of notes) expect(p.text, p.label).not.toContain(note);
      for (const f of p.footnotes) expect(f.text, `${p.label} note ${f.marker}`).not.toBe('');
    }
  });

  it('keeps half-width punctuation as printed', () => {
    expect(op(43).text).toContain('密切协商, 加强对提出请求的会员国的技术援助');
  });
});

describe('importMarkdown edge cases', () => {
  const small = (body: string[]) => ['## 70/1. 标题', '', '大会，', '', ...body].join('\n');

  it('refuses text without the body opener', () => {
    expect(() => importMarkdown('# Notes\n\nSome text.', 'notes.md', {})).toThrow(ImportError);
  });

  it('reads [^n] footnotes and sub-items kept in one paragraph', () => {
    const { documents } = importMarkdown(
      small(['**回顾**其第 1 号决议，[^1]', '', '[^1]: 见 A/1/1。', '', '1. **决定**如下：', '', '(a) 设立工作组；', '', '(b) 召开会议；', '', '2. **请**秘书长报告。']),
      'small.md',
      { symbol: 'A/RES/70/1', date: '2015-09-25' },
    );
    const paragraphs: ParsedParagraph[] = documents[0].paragraphs;
    expect(paragraphs.map((p) => p.label)).toEqual(['PP 1', 'OP 1', 'OP 2']);
    expect(paragraphs[0].footnotes).toEqual([{ marker: '1', text: '见 A/1/1。', offset: paragraphs[0].text.length }]);
    expect(paragraphs[0].text).toBe('回顾其第 1 号决议，');
    expect(paragraphs[1].items).toEqual([
      { marker: '(a)', text: '设立工作组；' },
      { marker: '(b)', text: '召开会议；' },
    ]);
    expect(paragraphs[1].text).toBe('决定如下：\n(a) 设立工作组；\n(b) 召开会议；');
  });
});

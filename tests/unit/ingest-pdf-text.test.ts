// The PDF-text importer against the real seeds: two resolutions (57/173, 62/175)
// and two reports, with every trap of extracted text in them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument, ParsedParagraph } from '../../core/model.js';
import { importPdfText } from '../../server/ingest/pdf-text/index.js';
import { ImportError } from '../../server/ingest/source.js';

const SEEDS = resolve(import.meta.dirname, '../../corpus/seeds');
const seed = (name: string) => readFileSync(resolve(SEEDS, name), 'utf8');
const S57 = '000_58023fb286ab6d41.txt';
const S62 = '001_dcaec41a17fa75d7.txt';
const REPORT_2004 = '003_2ed4e228b852b96c.txt';
const REPORT_2019 = '004_4b1fd735764ae239.txt';

function load(name: string, meta = {}) {
  const result = importPdfText(seed(name), `seeds/${name}`, meta);
  expect(result.documents).toHaveLength(1);
  return { doc: result.documents[0], warnings: result.warnings };
}

const section = (doc: ParsedDocument, s: ParsedParagraph['section']) => doc.paragraphs.filter((p) => p.section === s);
const op = (doc: ParsedDocument, n: number) => doc.paragraphs.find((p) => p.section === 'operative' && p.number === n)!;

/** What must never survive into paragraph text, whatever the document. */
function expectCleanText(doc: ParsedDocument) {
  const notes = doc.paragraphs.flatMap((p) => p.footnotes.map((f) => f.text)).filter((t) => t.length > 4);
  for (const p of doc.paragraphs) {
    expect(p.text, `${p.label} four-fold glyphs`).not.toMatch(/(\p{Script=Han})\1\1\1/u);
    expect(p.text, `${p.label} job number`).not.toMatch(/\b\d{2} \d{5}\b/);
    expect(p.text, `${p.label} distribution mark`).not.toMatch(/Distr\./);
    expect(p.text, `${p.label} link line`).not.toMatch(/undocs\.org/);
    expect(p.text, `${p.label} spread digits`).not.toMatch(/(?<![\d ])\d \d \d \d(?![\d])/);
    expect(p.text, `${p.label} untrimmed`).toBe(p.text.trim());
    for (const note of notes) expect(p.text, `${p.label} holds footnote text "${note}"`).not.toContain(note);
    for (const f of p.footnotes) {
      expect(f.offset).toBeGreaterThanOrEqual(0);
      expect(f.offset).toBeLessThanOrEqual(p.text.length);
    }
  }
}

function expectResolutionShape(doc: ParsedDocument, pps: number, ops: number) {
  const preamble = section(doc, 'preamble');
  const operative = section(doc, 'operative');
  expect(preamble).toHaveLength(pps);
  expect(operative).toHaveLength(ops);
  expect(doc.paragraphs).toHaveLength(pps + ops);
  expect(preamble.map((p) => p.label)).toEqual(preamble.map((_, i) => `PP ${i + 1}`));
  expect(preamble.every((p) => p.number === null)).toBe(true);
  expect(operative.map((p) => p.number)).toEqual(operative.map((_, i) => i + 1));
  expect(operative.map((p) => p.label)).toEqual(operative.map((_, i) => `OP ${i + 1}`));
  // The preamble comes first, then the operative part.
  expect(doc.paragraphs.findIndex((p) => p.section === 'operative')).toBe(pps);
  for (const p of preamble) {
    expect(p.lead, p.label).not.toBe('');
    expect(p.text.startsWith(p.lead), p.label).toBe(true);
    expect(p.text, p.label).toMatch(/[，,]$/);
  }
  for (const p of operative) {
    expect(p.lead, p.label).not.toBe('');
    expect(p.text.startsWith(p.lead), p.label).toBe(true);
    expect(p.text, p.label).toMatch(p.number === ops ? /。$/ : /；$/);
  }
  // Neither the opener nor the closing lines are paragraphs.
  for (const p of doc.paragraphs) {
    expect(p.text).not.toMatch(/^大会[，,]$/);
    expect(p.text).not.toMatch(/全体会议/);
  }
}

describe('57/173 (seed 000, four-fold bold glyphs)', () => {
  const { doc, warnings } = load(S57);

  it('reads the header facts from the text', () => {
    expect(doc).toMatchObject({
      symbol: 'A/RES/57/173',
      title: '加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力',
      language: 'zh',
      kind: 'resolution',
      body: 'General Assembly',
      session: 57,
      date: '2002-12-18',
      agendaItem: '100',
    });
    expect(warnings).toEqual([]);
  });

  it('has 19 preambular and 20 operative paragraphs', () => {
    expectResolutionShape(doc, 19, 20);
  });

  it('takes leads from the four-fold glyph runs', () => {
    const pp = section(doc, 'preamble');
    expect(pp[0].lead).toBe('回顾');
    expect(pp[0].text).toMatch(/^回顾其 1991 年 12 月 18 日/);
    expect(pp[1].lead).toBe('又回顾');
    expect(pp[4].lead).toBe('深信');
    expect(pp[18].lead).toBe('感谢');
    expect(op(doc, 1).lead).toBe('赞赏地注意到');
    expect(op(doc, 4).lead).toBe('又重申');
    expect(op(doc, 8).lead).toBe('请');
    // A second bold verb inside the paragraph is collapsed, not a lead.
    expect(op(doc, 18).lead).toBe('重申');
    expect(op(doc, 18).text).toContain('并敦促特设委员会');
  });

  it('keeps OP 8 whole across the footnote block that splits it', () => {
    const p = op(doc, 8);
    expect(p.text.startsWith('请所有国家向联合国预防犯罪和刑事司法基金提供自愿捐助')).toBe(true);
    expect(p.text).toContain('作出的承诺，包括第 56/261 号决议所附的在执行《关于犯罪与司法');
    expect(p.text.endsWith('行动计划中提出的各项措施；')).toBe(true);
    expect(p.footnotes).toEqual([
      {
        marker: '5',
        text: '见《第十届联合国预防犯罪和罪犯待遇大会，2000年 4月 10日至 17日，维也纳：秘书处编写的报告》（联合国出版物，出售品编号：E.OO.IV.8）。',
        offset: p.text.indexOf('包括第 56/261'),
      },
    ]);
    // The next paragraph starts cleanly after it.
    expect(op(doc, 9).text.startsWith('鼓励联合国系统')).toBe(true);
  });

  it('takes footnote markers out of the text and keeps where they stood', () => {
    const pp6 = section(doc, 'preamble')[5];
    expect(pp6.text).toContain('区域部长级会议以及作为普埃布拉进程');
    expect(pp6.footnotes).toHaveLength(1);
    expect(pp6.footnotes[0]).toMatchObject({ marker: '1', text: '见 A/57/64。' });
    expect(pp6.text.slice(0, pp6.footnotes[0].offset).endsWith('部长级会议')).toBe(true);
    const pp10 = section(doc, 'preamble')[9];
    expect(pp10.text).toBe('认识到秘书处毒品和犯罪问题办事处国际预防犯罪中心的技术合作能力必须兼顾大会和经济及社会理事会确定的所有优先事项，');
    expect(pp10.footnotes[0]).toMatchObject({ marker: '2', text: '原称药物管制和预防犯罪办事处。' });
    // A paragraph after a footnote block starts as its own paragraph.
    expect(section(doc, 'preamble')[18].text.startsWith('感谢某些会员国')).toBe(true);
    expect(op(doc, 1).footnotes[0]).toMatchObject({ marker: '3', text: 'A/57/153。', offset: op(doc, 1).text.length });
  });

  it('leaves no furniture, glyph runs or footnote text in paragraphs', () => {
    expectCleanText(doc);
  });
});

describe('62/175 (seed 001, no symbol line, no bold glyphs)', () => {
  const { doc, warnings } = load(S62);

  it('has 14 preambular and 16 operative paragraphs', () => {
    expectResolutionShape(doc, 14, 16);
  });

  it('reads the spaced-out date and says where the symbol came from', () => {
    expect(doc).toMatchObject({ date: '2007-12-18', session: 62, body: 'General Assembly', symbol: 'A/RES/62/175' });
    expect(doc.title).toBe('加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力');
    expect(warnings.some((w) => w.startsWith('symbol:'))).toBe(true);
  });

  it('prefers the manifest symbol to a derived one, silently', () => {
    const withMeta = load(S62, { symbol: 'A/RES/62/175' });
    expect(withMeta.doc.symbol).toBe('A/RES/62/175');
    expect(withMeta.warnings).toEqual([]);
  });

  it('falls back to the lead lexicon', () => {
    const pp = section(doc, 'preamble');
    expect(pp.map((p) => p.lead)).toEqual([
      '回顾', '又回顾', '赞赏地注意到', '回顾', '又回顾', '重申', '又重申',
      '回顾', '欣见', '考虑到', '强调', '回顾', '认识到', '又认识到',
    ]);
    expect(op(doc, 8).lead).toBe('提请注意');
    expect(op(doc, 15).lead).toBe('再次请');
  });

  it('keeps OP 2 whole across a footnote block and resolves repeated markers', () => {
    const p = op(doc, 2);
    expect(p.text.startsWith('重申联合国预防犯罪和刑事司法方案')).toBe(true);
    expect(p.text).toContain('办事处的工作对于完成其预防犯罪和刑事司法任务');
    expect(p.text.endsWith('事处的工作至关重要；')).toBe(true);
    // Footnote 7 is cited again in OP 8; both references carry its text.
    expect(op(doc, 1).footnotes[0]).toMatchObject({ marker: '7', text: 'A/62/126。' });
    expect(op(doc, 8).footnotes[0]).toMatchObject({ marker: '7', text: 'A/62/126。' });
    expect(op(doc, 8).text).toContain('秘书长的报告所述新出现的政策问题');
  });

  it('leaves no furniture or footnote text in paragraphs', () => {
    expectCleanText(doc);
  });
});

describe('report of the Secretary-General (seed 003)', () => {
  const { doc, warnings } = load(REPORT_2004);
  const numbered = doc.paragraphs.filter((p) => p.number !== null);
  const headings = section(doc, 'heading');

  it('numbers paragraphs 1 to 59 in order', () => {
    expect(numbered.map((p) => p.number)).toEqual(Array.from({ length: 59 }, (_, i) => i + 1));
    expect(numbered.every((p) => p.section === 'body' && p.label === `para. ${p.number}`)).toBe(true);
  });

  it('keeps headings apart from paragraphs', () => {
    const labels = headings.map((h) => h.label);
    expect(labels).toContain('一、导言');
    expect(labels).toContain('A．预防恐怖主义');
    expect(labels).toContain('技术援助');
    expect(labels).toContain('(a) 预防城市犯罪');
    expect(labels).toContain('附件');
    expect(labels.filter((l) => l === '1．技术援助')).toHaveLength(2);
    expect(labels).toContain(
      '三、《联合国打击跨国有组织犯罪公约》、《关于防止、禁止和惩治贩运人口特别是妇女和儿童的议定书》以及《关于打击陆、海、空偷运移民的议定书》的生效',
    );
    for (const h of headings) {
      expect(h.number).toBeNull();
      expect(h.text).toBe(h.label);
      expect(h.text.length).toBeLessThan(100);
    }
    for (const p of numbered) {
      expect(p.text, p.label).not.toMatch(/^\d+[．.]/);
      expect(p.text, p.label).not.toMatch(/[一二三四五六七八九]、|^[A-F]．/);
      for (const h of headings) {
        // Short headings ("技术援助") are ordinary words too (para. 22 opens with 技术援助项目);
        // a heading merged into a paragraph would sit at one of its edges.
        expect(p.text.endsWith(h.text), `${p.label} / ${h.text}`).toBe(false);
        if (h.text.length > 6) expect(p.text.startsWith(h.text), `${p.label} / ${h.text}`).toBe(false);
        if (h.text.length > 12) expect(p.text, p.label).not.toContain(h.text);
      }
    }
  });

  it('keeps the summary as an unnumbered body paragraph', () => {
    expect(doc.paragraphs[0]).toMatchObject({ section: 'body', number: null, label: 'summary' });
    expect(doc.paragraphs[0].text.startsWith('本报告是根据大会 2003 年 12 月 22 日第 58/140 号决议编写的')).toBe(true);
  });

  it('keeps lists with their paragraph', () => {
    const p37 = numbered[36];
    expect(p37.items.map((i) => i.marker)).toEqual(['(a)', '(b)', '(c)']);
    expect(p37.text.split('\n')).toHaveLength(4);
    expect(p37.text.split('\n')[1]).toBe(`(a) ${p37.items[0].text}`);
    const p59 = numbered[58];
    expect(p59.text.startsWith('大会也似宜：\n(a) 继续促请会员国')).toBe(true);
    expect(p59.items).toHaveLength(3);
  });

  it('resolves endnote markers to the notes at the end', () => {
    const p2 = numbered[1];
    expect(p2.footnotes.map((f) => f.marker)).toEqual(['1', '2']);
    expect(p2.footnotes[0].text).toBe('《经济及社会理事会正式记录，2004 年，补编第 10 号》（E/2004/30）。');
    const p47 = numbered[46];
    expect(p47.footnotes.map((f) => f.marker)).toEqual(['12', '13', '14']);
    expect(p47.text).toContain('有关司法独立的基本原则、有关律师作用的基本原则和有关检察官作用的准则。办事处也支持');
    expect(warnings.some((w) => w.startsWith('footnotes:'))).toBe(false);
  });

  it('keeps the annex table out of the numbering, one row per line', () => {
    const annex = section(doc, 'annex');
    expect(annex).toHaveLength(1);
    const rows = annex[0].text.split('\n');
    expect(rows).toContain('澳大利亚 880 000');
    expect(rows[rows.length - 1]).toBe('共计 13 626 894');
    expect(rows.filter((r) => r === '国别/实体 认捐总额')).toHaveLength(1);
  });

  it('warns about what neither the text nor the manifest says', () => {
    expect(doc.kind).toBe('report');
    expect(doc.body).toBe('Secretary-General');
    expect(doc.symbol).toBeNull();
    expect(warnings.some((w) => w.startsWith('symbol:'))).toBe(true);
    expect(warnings.some((w) => w.includes('mid-title'))).toBe(true);
    const filled = load(REPORT_2004, { title: '加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力', date: '2004-08-04' });
    expect(filled.doc.title).toBe('加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力');
    expect(filled.doc.date).toBe('2004-08-04');
  });

  it('leaves no furniture or footnote text in paragraphs', () => {
    expectCleanText(doc);
  });
});

describe('CCPCJ report addendum (seed 004)', () => {
  const { doc, warnings } = load(REPORT_2019, { body: 'CCPCJ', date: '2019-05-24', symbol: 'E/CN.15/2019/12/Add.1' });
  const numbered = doc.paragraphs.filter((p) => p.number !== null);

  it('numbers paragraphs 1 to 24 in order', () => {
    expect(numbered.map((p) => p.number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('separates headings, sub-headings numbered from 1 again, and unnumbered sub-headings', () => {
    expect(section(doc, 'heading').map((h) => h.label)).toEqual([
      'A. 审议情况',
      '1. 批准并执行《联合国打击跨国有组织犯罪公约》及其各项议定书',
      '联合国毒品和犯罪问题办公室在促进批准和执行《联合国打击跨国有组织犯罪公约》方面的工作',
      '2. 批准并执行《联合国反腐败公约》',
      '联合国毒品和犯罪问题办公室在促进批准和执行《联合国反腐败公约》方面的工作',
      '3. 批准并执行关于预防和打击恐怖主义的国际文书',
      '4. 预防犯罪和刑事司法方面的其他事项',
      '5. 为支持联合国毒品和犯罪问题办公室的工作而开展的其他活动，特别是联合国预防犯罪和刑事司法方案网、非政府组织及其他机构的活动',
      'B. 采取的行动',
    ]);
  });

  it('keeps quoted agenda items and document lists in their paragraph, without link lines', () => {
    const [p1, p2] = numbered;
    expect(p1.items.map((i) => i.marker)).toEqual(['(a)', '(b)', '(c)', '(d)', '(e)']);
    expect(p1.text.split('\n')[1]).toBe('“统一并协调联合国毒品和犯罪问题办公室与会员国在预防犯罪和刑事司法领域的工作：');
    expect(p2.items).toHaveLength(6);
    expect(p2.items[0].text).toBe('执行主任关于联合国毒品和犯罪问题办公室活动的报告（E/CN.7/2019/2-E/CN.15/2019/2）；');
    expect(p2.items[2].text).toBe('秘书长关于恐怖主义问题相关国际公约和议定书执行过程中的技术援助的报告（E/CN.15/2019/5）；');
  });

  it('joins Latin names wrapped across lines with a space', () => {
    expect(numbered[23].text).toContain('Carolina Lizárraga Houghton 和 Youngju Oh');
  });

  it('takes what the text lacks from the manifest', () => {
    expect(doc).toMatchObject({ kind: 'report', body: 'CCPCJ', date: '2019-05-24', symbol: 'E/CN.15/2019/12/Add.1' });
    // Without a manifest title the header line is used, and said to be a guess.
    expect(doc.title).toBe('统一并协调联合国毒品和犯罪问题办公室与会员国在预防犯罪和刑事司法领域的工作');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^title: taken from the header lines/);
    expectCleanText(doc);
  });

  it('prefers the manifest title to the header line of a report', () => {
    const title = '预防犯罪和刑事司法委员会第二十八届会议报告，增编：议程项目 6';
    const filled = load(REPORT_2019, { title, body: 'CCPCJ', date: '2019-05-23' });
    expect(filled.doc.title).toBe(title);
    expect(filled.warnings).toEqual(['symbol: neither the text nor the manifest gives the symbol']);
  });
});

describe('importPdfText edge cases', () => {
  it('refuses empty text', () => {
    expect(() => importPdfText('  \n ', 'empty.txt')).toThrow(ImportError);
  });

  it('lets the manifest decide the kind', () => {
    const { doc } = load(S57, { kind: 'draft resolution' });
    expect(doc.kind).toBe('draft resolution');
    expect(section(doc, 'operative')).toHaveLength(20);
  });

  it('reads a small English resolution', () => {
    const text = [
      'Resolution adopted by the General Assembly on 18 December 2002',
      '57/173. Strengthening the United Nations Crime Prevention and Criminal Justice Programme',
      '',
      ' The General Assembly,',
      '',
      ' Recalling its resolution 46/152 of 18 December 1991, in which it approved the statement',
      'of principles and programme of action,',
      ' Recalling also its resolution 56/123,',
      ' 1. Takes note with appreciation of the report of the Secretary-General;',
      ' 2. Requests the Secretary-General to report to the General Assembly at its fifty-eighth session.',
      '',
      '77th plenary meeting',
    ].join('\n');
    const { documents, warnings } = importPdfText(text, 'en.txt');
    const doc = documents[0];
    expect(doc).toMatchObject({ language: 'en', date: '2002-12-18', session: 57, symbol: 'A/RES/57/173' });
    expect(warnings).toHaveLength(1);
    expect(doc.paragraphs.map((p) => [p.label, p.lead])).toEqual([
      ['PP 1', 'Recalling'],
      ['PP 2', 'Recalling also'],
      ['OP 1', 'Takes note with appreciation'],
      ['OP 2', 'Requests'],
    ]);
    expect(doc.paragraphs[0].text).toBe(
      'Recalling its resolution 46/152 of 18 December 1991, in which it approved the statement of principles and programme of action,',
    );
  });
});

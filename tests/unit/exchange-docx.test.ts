// The .docx reader and recogniser on a file Precedent did not write (a
// delegation's Word file: typed numbers, italic leads, Word-numbered
// sub-items, tracked changes by someone else, a footnote), and the tracked
// writer on small cases whose XML is read back with the independent reader.
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../server/exchange/docx-export.js';
import { ImportRejected, importDocx, importText } from '../../server/exchange/docx-import.js';
import type { ExportParagraph } from '../../server/exchange/tracked-changes.js';
import { logicalParagraphs, readXml, resolve } from '../helpers/docx-xml.js';

const rev = (id: number) => ({ id, author: 'Delegation of Ruritania', date: '2025-10-01T10:00:00Z' });

async function delegationFile(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'ops',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('A/C.3/80/L.3')] }),
          new Paragraph({ children: [new TextRun({ text: 'Strengthening the crime prevention programme', bold: true })] }),
          new Paragraph({ children: [new TextRun({ text: 'The General Assembly,', italics: true })] }),
          new Paragraph({
            children: [
              new TextRun({ text: 'Recalling', italics: true }),
              new TextRun(' its resolution 78/229,'),
              new FootnoteReferenceRun({ children: [new Paragraph('See A/80/157.')] }),
            ],
          }),
          new Paragraph({ children: [new TextRun({ text: 'Noting', italics: true }), new TextRun(' the report,')] }),
          new Paragraph({
            children: [
              new TextRun('1.\t'),
              new TextRun({ text: 'Requests', italics: true }),
              new TextRun(' the Secretary-General to '),
              new DeletedTextRun({ ...rev(1), text: 'submit' }),
              new InsertedTextRun({ ...rev(2), text: 'present' }),
              new TextRun(' a report;'),
            ],
          }),
          new Paragraph({
            numbering: { reference: 'ops', level: 0 },
            children: [new TextRun({ text: 'Calls upon', italics: true }), new TextRun(' Member States:')],
          }),
          new Paragraph({ numbering: { reference: 'ops', level: 1 }, children: [new TextRun('To cooperate;')] }),
          new Paragraph({ numbering: { reference: 'ops', level: 1 }, children: [new TextRun('To share information;')] }),
          new Paragraph({
            run: { insertion: rev(3) },
            children: [new InsertedTextRun({ ...rev(4), text: '3.\tDecides to remain seized of the matter.' })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('importing a Word file Precedent did not write', () => {
  it('recognises header, PP/OP, typed and Word numbering, italic leads, Word-numbered sub-items and footnotes', async () => {
    const result = await importDocx(await delegationFile(), { changes: 'accept' });
    expect(result.changesSeen).toBe(4);
    expect(result.language).toBe('en');
    expect(result.symbol).toBe('A/C.3/80/L.3');
    expect(result.title).toBe('Strengthening the crime prevention programme');
    expect(result.paragraphs.map((p) => [p.section, p.lead, p.text])).toEqual([
      ['preamble', 'Recalling', 'Recalling its resolution 78/229,'],
      ['preamble', 'Noting', 'Noting the report,'],
      ['operative', 'Requests', 'Requests the Secretary-General to present a report;'],
      ['operative', 'Calls upon', 'Calls upon Member States:\n(a) To cooperate;\n(b) To share information;'],
      ['operative', 'Decides', 'Decides to remain seized of the matter.'],
    ]);
    expect(result.paragraphs[0].footnotes).toEqual([{ marker: '1', text: 'See A/80/157.', offset: 'Recalling its resolution 78/229,'.length }]);
  });

  it('imports the same file as rejected: the deleted word back, the inserted paragraph gone', async () => {
    const result = await importDocx(await delegationFile(), { changes: 'reject' });
    expect(result.changesSeen).toBe(4);
    expect(result.paragraphs.map((p) => p.text)).toEqual([
      'Recalling its resolution 78/229,',
      'Noting the report,',
      'Requests the Secretary-General to submit a report;',
      'Calls upon Member States:\n(a) To cooperate;\n(b) To share information;',
    ]);
  });

  it('refuses what is not a .docx, saying which problem it is', async () => {
    await expect(importDocx(new TextEncoder().encode('hello'))).rejects.toThrow(/not a Word \.docx/);
    await expect(importDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).rejects.toThrow(/corrupt/);
    await expect(importDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).rejects.toThrow(/\.doc\)/);
    expect(() => importText('   \n\n')).toThrow(ImportRejected);
  });

  it('recognises pasted Chinese: full-width numbers, lexicon leads', () => {
    const d = importText('大会，\n回顾其第78/229号决议，\n1．请秘书长提交报告；\n2．鼓励会员国加强合作。');
    expect(d.language).toBe('zh');
    expect(d.paragraphs.map((p) => [p.section, p.lead, p.text])).toEqual([
      ['preamble', '回顾', '回顾其第78/229号决议，'],
      ['operative', '请', '请秘书长提交报告；'],
      ['operative', '鼓励', '鼓励会员国加强合作。'],
    ]);
  });
});

const pp = (text: string, lead: string, footnotes: ExportParagraph['footnotes'] = []): ExportParagraph => ({ section: 'preamble', text, lead, footnotes });
const op = (text: string, lead: string, footnotes: ExportParagraph['footnotes'] = []): ExportParagraph => ({ section: 'operative', text, lead, footnotes });

async function tracked(from: ExportParagraph[], to: ExportParagraph[], language: 'en' | 'zh' = 'en') {
  const { buffer, revisions } = await exportDocx({ language, symbol: null, body: 'General Assembly', agendaItem: null, title: 'T', titleNumber: null, paragraphs: to }, { against: from });
  const xml = await readXml(buffer);
  const read = (view: 'accept' | 'reject') => logicalParagraphs(resolve(xml.paragraphs, view), ['UNPreamble', 'UNOperative'], 'UNSubItem');
  return { xml, revisions, accept: read('accept'), reject: read('reject') };
}

describe('tracked changes writer, read back through the XML', () => {
  it('a footnote whose paragraph gained words before it stays one plain reference', async () => {
    const note = [{ marker: '1', text: 'A/78/100.', offset: 'Noting the report,'.length }];
    const { xml, accept, reject } = await tracked(
      [pp('Noting the report,', 'Noting', note)],
      [pp('Noting the annual report,', 'Noting', [{ ...note[0], offset: 'Noting the annual report,'.length }])],
    );
    const refs = xml.paragraphs.flatMap((p) => p.segments.filter((s) => s.footnote));
    expect(refs.map((r) => r.status)).toEqual(['equal']);
    expect(accept.map((p) => p.text)).toEqual(['Noting the annual report,']);
    expect(reject.map((p) => p.text)).toEqual(['Noting the report,']);
    expect(accept[0].footnotes.map((id) => xml.footnotes.get(id))).toEqual(['A/78/100.']);
  });

  it('a moved paragraph is a deletion where it was and an insertion where it is; PP and OP never pair', async () => {
    const a = op('Requests the Secretary-General to report;', 'Requests');
    const b = op('Encourages Member States to cooperate;', 'Encourages');
    const c = op('Decides to remain seized of the matter.', 'Decides');
    const { accept, reject, revisions } = await tracked([pp('Recalling 78/229,', 'Recalling'), a, b, c], [op('Recalling 78/229,', ''), b, a, c]);
    expect(accept.map((p) => [p.style, p.text])).toEqual([['UNOperative', 'Recalling 78/229,'], ['UNOperative', b.text], ['UNOperative', a.text], ['UNOperative', c.text]]);
    expect(reject.map((p) => [p.style, p.text])).toEqual([['UNPreamble', 'Recalling 78/229,'], ['UNOperative', a.text], ['UNOperative', b.text], ['UNOperative', c.text]]);
    expect(revisions.insertions).toBeGreaterThan(0);
    expect(revisions.deletions).toBeGreaterThan(0);
  });

  it('a sub-item added to a paragraph reads right both ways', async () => {
    const { accept, reject } = await tracked(
      [op('Calls upon States:\n(a) To cooperate;', 'Calls upon')],
      [op('Calls upon States:\n(a) To cooperate;\n(b) To share information;', 'Calls upon')],
    );
    expect(accept.map((p) => p.text)).toEqual(['Calls upon States:\n(a) To cooperate;\n(b) To share information;']);
    expect(reject.map((p) => p.text)).toEqual(['Calls upon States:\n(a) To cooperate;']);
  });

  it('Chinese changes are single characters, not whole runs of text', async () => {
    const { xml, accept, reject } = await tracked([op('请秘书长提交报告；', '请')], [op('请秘书长提交年度报告；', '请')], 'zh');
    const edits = xml.paragraphs.flatMap((p) => p.segments.filter((s) => s.status !== 'equal').map((s) => [s.status, s.text]));
    expect(edits).toEqual([['insert', '年度']]);
    expect(accept[0].text).toBe('请秘书长提交年度报告；');
    expect(reject[0].text).toBe('请秘书长提交报告；');
  });
});

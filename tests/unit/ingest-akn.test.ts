// The AKN4UN importer on fabricated input: whitespace in Chinese, and errors
// that name the file. The real files: tests/corpus/ingest-akn.test.ts.
import { describe, expect, it } from 'vitest';
import { importAkn } from '../../server/ingest/akn/index.js';
import { ImportError } from '../../server/ingest/source.js';

describe('importAkn on fabricated input', () => {
  const wrap = (body: string) => `<?xml version="1.0"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution">
<meta><identification><FRBRWork><FRBRdate date="2025-12-18" name="adoption"/></FRBRWork>
<FRBRExpression><FRBRlanguage language="zho"/></FRBRExpression></identification></meta>
<preface><p><docNumber>80/1.</docNumber><docTitle>标题</docTitle></p></preface>
${body}</statement></akomaNtoso>`;

  it('removes XML indentation between CJK characters without inserting spaces', () => {
    const [doc] = importAkn(
      wrap(`<preamble><container name="回顾" eId="container_2"><p xml:space="preserve">
        <span class="bold">回顾</span>
        其决议，<authorialNote marker="1"><p>  见
          A/1。</p></authorialNote> 并且
        General  Assembly 决议，</p></container></preamble>`),
      'x.xml',
    ).documents;
    const p = doc.paragraphs[0];
    expect(doc.symbol).toBe('A/RES/80/1');
    expect(p.lead).toBe('回顾');
    expect(p.text).toBe('回顾其决议，并且General Assembly决议，');
    expect(p.footnotes).toEqual([{ marker: '1', text: '见A/1。', offset: '回顾其决议，'.length }]);
  });

  it("reads a Chinese convention's plain-text headings and 一、 numbering: annex, art. 6, para. 1", () => {
    const p = (eId: string, text: string) => `<paragraph eId="${eId}"><content><p>${text}</p></content></paragraph>`;
    const [doc] = importAkn(
      wrap(`<mainBody><paragraph eId="para_1"><num>1.</num><content><p>通过本决议所附公约；</p></content></paragraph></mainBody>
        <attachments><attachment><doc name="annex"><mainBody>
        ${p('para_2', '第五条')}${p('para_3', '保护主权')}${p('para_4', '一、缔约国应恪守各国主权平等原则。')}${p('para_5', '二、本公约的任何规定均未授权一缔约国。')}
        ${p('para_6', '第六条')}${p('para_7', '尊重人权')}${p('para_8', '一、缔约国应当确保符合其所承担的国际人权法义务。')}
        </mainBody></doc></attachment></attachments>`),
      'x.xml',
    ).documents;
    expect(doc.paragraphs.map((x) => [x.section, x.label])).toEqual([
      ['operative', 'OP 1'],
      ['heading', '第五条'],
      ['heading', '保护主权'],
      ['annex', 'annex, art. 5, para. 1'],
      ['annex', 'annex, art. 5, para. 2'],
      ['heading', '第六条'],
      ['heading', '尊重人权'],
      ['annex', 'annex, art. 6, para. 1'],
    ]);
    expect(doc.paragraphs[3]).toMatchObject({ number: 1, text: '缔约国应恪守各国主权平等原则。' });
  });

  it('rejects malformed XML with the source name', () => {
    expect(() => importAkn('<akomaNtoso><statement></akomaNtoso>', 'broken.xml')).toThrowError(ImportError);
    try {
      importAkn('<akomaNtoso><statement></akomaNtoso>', 'broken.xml');
    } catch (e) {
      expect((e as ImportError).source).toBe('broken.xml');
      expect((e as Error).message).toMatch(/^broken\.xml: malformed XML/);
    }
  });

  it('rejects well-formed XML that is not Akoma Ntoso, saying why', () => {
    expect(() => importAkn('<html><body>hi</body></html>', 'page.xml')).toThrowError(
      /page\.xml: not Akoma Ntoso: root element is <html>/,
    );
    expect(() => importAkn('<akomaNtoso><act/></akomaNtoso>', 'act.xml')).toThrowError(/neither <statement>/);
  });
});

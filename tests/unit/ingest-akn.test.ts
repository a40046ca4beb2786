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

// Paragraph labels that identify a paragraph alone within its document: the
// units headings open in each language's print, and the qualification of
// numbered paragraphs where numbering restarts. Fabricated input; the whole
// corpus is checked in tests/corpus/labels.test.ts.
import { describe, expect, it } from 'vitest';
import type { ParsedParagraph, Section } from '../../core/model.js';
import { designation, qualifyLabels } from '../../server/ingest/akn/labels.js';

describe('designation', () => {
  it('reads articles, chapters, parts and sections in the languages of the print', () => {
    expect(designation('Article 5')).toEqual({ rank: 'article', name: 'art. 5', bare: true });
    expect(designation('第十一条')).toEqual({ rank: 'article', name: 'art. 11', bare: true });
    expect(designation('Статья 3')).toMatchObject({ name: 'art. 3' });
    expect(designation('Guideline 2')).toMatchObject({ rank: 'article', name: 'art. 2' });
    expect(designation('Chapter II')).toEqual({ rank: 'chapter', name: 'ch. II', bare: true });
    expect(designation('第二章')).toMatchObject({ name: 'ch. II' });
    expect(designation('II. Revised estimates')).toEqual({ rank: 'section', name: 'sect. II', bare: false });
    expect(designation('IV Request for a subvention')).toMatchObject({ name: 'sect. IV' });
    expect(designation('二')).toEqual({ rank: 'section', name: 'sect. II', bare: true });
    expect(designation('一导言')).toMatchObject({ name: 'sect. I', bare: false });
    expect(designation('B. Follow-up')).toMatchObject({ rank: 'subsection', name: 'B' });
  });

  it('is null for a title that opens no unit', () => {
    for (const t of ['Scope', 'CIVIL SOCIETY', 'A new agenda', '尊重人权', 'Introduction']) expect(designation(t)).toBeNull();
  });
});

let n = 0;
const para = (section: Section, label: string, number: number | null = null): ParsedParagraph => ({
  section, number, label, lead: '', text: section === 'heading' ? label : `text ${++n}`, footnotes: [], items: [], eId: null,
});
const head = (t: string) => para('heading', t);
const labels = (ps: ParsedParagraph[]) => ps.filter((p) => p.section !== 'heading').map((p) => p.label);

describe('qualifyLabels', () => {
  it("qualifies a convention's article paragraphs by their article: annex, art. 5, para. 1", () => {
    const annex = [
      head('Chapter I'), head('Article 1'), head('Purpose'), para('annex', 'annex, para. 1', 1), para('annex', 'annex, para. 2', 2),
      head('Article 2'), para('annex', 'annex, text 1'), head('Chapter II'), head('Article 5'), para('annex', 'annex, para. 1', 1),
    ];
    qualifyLabels(annex, 'annex');
    expect(labels(annex)).toEqual(['annex, art. 1, para. 1', 'annex, art. 1, para. 2', 'annex, text 1', 'annex, art. 5, para. 1']);
  });

  it('adds no chapter because paragraphs repeat inside one article (the Chinese Cybercrime Convention sets sub-items as paragraphs)', () => {
    const annex = [
      head('第一章'), head('第二条'), para('annex', 'annex, para. 1', 1), para('annex', 'annex, para. 2', 2), para('annex', 'annex, para. 1', 1),
      head('第二章'), head('第五条'), para('annex', 'annex, para. 1', 1),
    ];
    qualifyLabels(annex, 'annex');
    expect(labels(annex)).toEqual(['annex, art. 2, para. 1', 'annex, art. 2, para. 2', 'annex, art. 2, para. 1 (2)', 'annex, art. 5, para. 1']);
  });

  it('adds the chapter only to the units that read alike: two articles 2', () => {
    const annex = [
      head('Chapter I'), head('Article 2'), para('annex', 'annex, para. 1', 1), head('Chapter II'), head('Article 5'), para('annex', 'annex, para. 1', 1),
      head('Chapter IX'), head('Article 2'), para('annex', 'annex, para. 1', 1),
    ];
    qualifyLabels(annex, 'annex');
    expect(labels(annex)).toEqual(['annex, ch. I, art. 2, para. 1', 'annex, art. 5, para. 1', 'annex, ch. IX, art. 2, para. 1']);
  });

  it("qualifies a budget resolution's sections, with their lettered subsections, and leaves its PPs", () => {
    const body = [
      head('I'), para('preamble', 'PP 1'), para('operative', 'OP 1', 1), para('operative', 'OP 2', 2),
      head('II'), head('A. Staff'), para('operative', 'OP 1', 1), head('B. Posts'), para('operative', 'OP 1', 1),
    ];
    qualifyLabels(body, '');
    expect(labels(body)).toEqual(['PP 1', 'sect. I, OP 1', 'sect. I, OP 2', 'sect. II.A, OP 1', 'sect. II.B, OP 1']);
  });

  it('leaves unique labels alone, even under headings', () => {
    const body = [head('I. Introduction'), para('operative', 'OP 1', 1), head('II. Follow-up'), para('operative', 'OP 2', 2)];
    qualifyLabels(body, '');
    expect(labels(body)).toEqual(['OP 1', 'OP 2']);
  });

  it('does not qualify unique numbered paragraphs because unnumbered ones repeat', () => {
    const body = [head('I'), para('operative', 'OP 1', 1), para('operative', 'OP'), head('II'), para('operative', 'OP 2', 2), para('operative', 'OP')];
    qualifyLabels(body, '');
    expect(labels(body)).toEqual(['OP 1', 'text 1', 'OP 2', 'text 2']);
  });

  it('counts unnumbered paragraphs, and what the file itself numbers twice', () => {
    const body = [para('operative', 'OP'), para('operative', 'OP 1', 1), para('operative', 'OP'), para('operative', 'OP 1', 1)];
    qualifyLabels(body, '');
    expect(labels(body)).toEqual(['text 1', 'OP 1', 'text 2', 'OP 1 (2)']);
  });
});

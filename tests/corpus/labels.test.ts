// Citations over the whole bundled corpus: no two paragraphs of one document
// share a label, so "A/RES/79/243, annex, art. 5, para. 1" names one paragraph
// (before, four annex paragraphs of 79/243 were all "annex para. 1").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allDocuments, getParagraphs } from '../../server/store/corpus.js';
import type { Db } from '../../server/store/db.js';
import { openCorpusCopy } from '../helpers/corpus.js';

let db: Db;
beforeAll(() => {
  db = openCorpusCopy().db;
});
afterAll(() => db.close());

describe('paragraph labels in the bundled corpus', () => {
  it('are unique within every document', () => {
    const docs = allDocuments(db);
    expect(docs.length).toBeGreaterThan(4000);
    const repeated: string[] = [];
    for (const d of docs) {
      const seen = new Set<string>();
      for (const p of getParagraphs(db, d.id)) {
        if (p.section === 'heading') continue;
        if (seen.has(p.label)) repeated.push(`${d.id}: ${p.label}`);
        seen.add(p.label);
      }
    }
    expect(repeated.slice(0, 20), `${repeated.length} repeated labels`).toEqual([]);
  });

  it("cites the Cybercrime Convention's paragraphs by article", () => {
    const annex = getParagraphs(db, 'a-res-79-243-en').filter((p) => p.section === 'annex');
    const art5 = annex.filter((p) => p.label.startsWith('annex, art. 5, '));
    expect(art5.map((p) => p.label)).toEqual(['annex, art. 5, para. 1', 'annex, art. 5, para. 2']);
    expect(art5[0].text).toMatch(/^States Parties shall carry out their obligations under this Convention in a manner consistent with the principles of sovereign equality/);
    // Chinese is cited as English is: no chapter, though its file sets sub-items of articles 2
    // and 11 as numbered paragraphs; the chapter is added only where two articles read alike
    // (the interpretative notes repeat "第二条" under the last chapter).
    const zh = getParagraphs(db, 'a-res-79-243-zh').find((p) => p.label === 'annex, art. 5, para. 1');
    expect(zh?.text).toMatch(/^在履行其根据本公约所承担的义务时，缔约国应恪守各国主权平等/);
    const zhLabels = getParagraphs(db, 'a-res-79-243-zh').map((p) => p.label);
    expect(zhLabels.filter((l) => /^annex, art\. \d+, para\. \d+$/.test(l)).length).toBeGreaterThan(200);
    expect(zhLabels.filter((l) => /^annex, ch\. [IVX]+, art\./.test(l))).toEqual([
      'annex, ch. I, art. 2, para. 1', 'annex, ch. I, art. 2, para. 2', 'annex, ch. I, art. 2, para. 1 (2)', 'annex, ch. I, art. 2, para. 2 (2)', 'annex, ch. I, art. 2, para. 3',
      'annex, ch. IX, art. 2, para. 1', 'annex, ch. IX, art. 2, para. 2',
    ]);
  });
});

// Akoma Ntoso out and back in over the whole bundled corpus: every document,
// in each of the six languages, exported by the AKN builder and read back by
// the AKN importer. Every paragraph of a document that came from an AKN file
// comes back the same (part, label, lead, text, sub-items, footnotes, eId);
// the figures per language are printed. The seeds are text extracted from
// PDF or Markdown: the importer drops their spaces beside Chinese characters
// (print has none) and reads a report's paragraphs as operative ones.
import { afterAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../core/model.js';
import { buildAkn, documentForAkn } from '../../server/exchange/akn-export.js';
import { importAkn } from '../../server/ingest/akn/index.js';
import { getParagraphs, listDocuments } from '../../server/store/corpus.js';
import { paragraphDifference } from '../helpers/akn-roundtrip.js';
import { openCorpusCopy } from '../helpers/corpus.js';

const { db } = openCorpusCopy();
afterAll(() => db.close());

describe('every document of the corpus, exported as AKN and read back', () => {
  it.each(LANGUAGES)('%s', (language) => {
    let total = 0;
    let same = 0;
    const akn: string[] = [];
    for (const doc of listDocuments(db, { language })) {
      const paragraphs = getParagraphs(db, doc.id);
      const back = importAkn(buildAkn(documentForAkn(doc, paragraphs, '2026-11-26')), `${doc.id}.xml`).documents[0].paragraphs;
      // A paragraph's eId comes back; one without (or repeating one before it) gets a new one.
      const seen = new Set<string>();
      paragraphs.forEach((p, i) => {
        const kept = !p.eId || seen.has(p.eId) || p.eId === back[i]?.eId;
        if (p.eId) seen.add(p.eId);
        const why = paragraphDifference(p, back[i]) || (kept ? '' : `eId: ${p.eId} ≠ ${back[i]?.eId}`);
        total++;
        if (!why) same++;
        else if (doc.source.endsWith('.xml')) akn.push(`${p.id} ${why}`);
      });
    }
    console.log(`AKN round trip, ${language}: ${same} / ${total} paragraphs the same`);
    expect(akn.slice(0, 5)).toEqual([]);
    expect(total).toBeGreaterThan(0);
  }, 300_000);
});

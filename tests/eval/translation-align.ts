// How well translations are paired without eIds (as for the PDF-text seeds):
// every language pair of every symbol in the bundled corpus is aligned once
// with its eIds and once with one side's eIds removed; the pairs the eIds
// give (not inferred) are the reference. Prints, per language pair, how many
// of them the features alone find, miss, or pair differently.
//   npx tsx tests/eval/translation-align.ts
import { alignTranslations } from '../../server/compare/translation-align.js';
import { allDocuments, getParagraphs } from '../../server/store/corpus.js';
import { openCorpusCopy } from '../helpers/corpus.js';

const { db } = openCorpusCopy();
const bySymbol = new Map<string, ReturnType<typeof allDocuments>>();
for (const d of allDocuments(db)) if (d.symbol) bySymbol.set(d.symbol, [...(bySymbol.get(d.symbol) ?? []), d]);
const tally = new Map<string, { reference: number; same: number; missed: number; wrong: number }>();
for (const docs of bySymbol.values()) {
  for (const a of docs) {
    for (const b of docs) {
      if (a.language >= b.language) continue;
      const source = getParagraphs(db, a.id).filter((p) => p.section === 'preamble' || p.section === 'operative');
      const target = getParagraphs(db, b.id).filter((p) => p.section === 'preamble' || p.section === 'operative');
      const reference = alignTranslations(source, target);
      const blind = alignTranslations(source.map((p) => ({ ...p, eId: null })), target);
      const t = tally.get(`${a.language}-${b.language}`) ?? { reference: 0, same: 0, missed: 0, wrong: 0 };
      for (const [id, pair] of reference) {
        if (pair.inferred) continue;
        t.reference++;
        const got = blind.get(id);
        if (!got) t.missed++;
        else if (got.id === pair.id) t.same++;
        else t.wrong++;
      }
      tally.set(`${a.language}-${b.language}`, t);
    }
  }
}
for (const [k, t] of [...tally].sort()) {
  console.log(`${k}: ${t.same} / ${t.reference} paired as by eId (${((100 * t.same) / t.reference).toFixed(1)} %), ${t.wrong} differently, ${t.missed} left unpaired`);
}
db.close();

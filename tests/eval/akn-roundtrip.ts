// Akoma Ntoso out and back in: every document of the bundled corpus (or those
// of the languages named) exported by server/exchange/akn-export.ts and read
// back by the project's own AKN importer; per language, how many paragraphs
// come back with the same part, label, lead, text, sub-items and footnotes.
//   npx tsx tests/eval/akn-roundtrip.ts [lang ...]
import { LANGUAGES, type Language, type ParsedParagraph } from '../../core/model.js';
import { buildAkn, documentForAkn } from '../../server/exchange/akn-export.js';
import { importAkn } from '../../server/ingest/akn/index.js';
import { getParagraphs, listDocuments } from '../../server/store/corpus.js';
import { openCorpusCopy } from '../helpers/corpus.js';
import { paragraphDifference } from '../helpers/akn-roundtrip.js';

const languages = (process.argv.slice(2).length ? process.argv.slice(2) : LANGUAGES) as Language[];
const { db } = openCorpusCopy();
const reasons = new Map<string, string[]>();
for (const language of languages) {
  let total = 0;
  let matched = 0;
  let documents = 0;
  for (const doc of listDocuments(db, { language })) {
    const paragraphs = getParagraphs(db, doc.id);
    const xml = buildAkn(documentForAkn(doc, paragraphs, '2026-11-26'));
    const back = importAkn(xml, `${doc.id}.xml`).documents[0]?.paragraphs ?? [];
    documents++;
    paragraphs.forEach((p, i) => {
      total++;
      const why = paragraphDifference(p, back[i] as ParsedParagraph | undefined);
      if (!why) matched++;
      else {
        const key = `${language} ${why.split(':')[0]}`;
        const list = reasons.get(key) ?? [];
        list.push(`${p.id}: ${why.slice(0, 300)}`);
        reasons.set(key, list);
      }
    });
  }
  console.log(`${language}: ${matched} / ${total} paragraphs (${documents} documents)`);
}
for (const [k, v] of reasons) {
  const docs = new Set(v.map((r) => r.split('.')[0]));
  console.log(`\n${k}: ${v.length} paragraphs in ${docs.size} documents\n  ${v.filter((_, i) => i % Math.ceil(v.length / 8) === 0).join('\n  ')}`);
}
db.close();

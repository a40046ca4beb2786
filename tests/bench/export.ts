// Export time of the largest resolution with tracked changes: the largest
// resolution (by text) that has an earlier version in its series, exported as
// .docx with every change against that version, plus 78/229 → 80/229 (zh, en)
// for reference. Median of several runs after a warm-up. Run: npx tsx tests/bench/export.ts
import { exportDocx, resolutionNumber } from '../../server/exchange/docx-export.js';
import { seriesOfDocument } from '../../server/compare/service.js';
import { getDocument, getParagraphs, listDocuments } from '../../server/store/corpus.js';
import type { Db } from '../../server/store/db.js';
import { openCorpusCopy } from '../helpers/corpus.js';

const RUNS = 7;

async function time(db: Db, from: string, to: string) {
  const doc = getDocument(db, to);
  if (!doc || !getDocument(db, from)) return console.log(`${from} → ${to}: not in this corpus bundle, skipped`);
  const paragraphs = getParagraphs(db, to);
  const against = getParagraphs(db, from);
  const input = { language: doc.language, symbol: doc.symbol, body: doc.body, agendaItem: doc.agendaItem ?? null, title: doc.title, titleNumber: resolutionNumber(doc.symbol), paragraphs };
  await exportDocx(input, { against }); // warm-up
  const ms: number[] = [];
  let size = 0;
  let revisions = { insertions: 0, deletions: 0 };
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = await exportDocx(input, { against });
    ms.push(performance.now() - t);
    size = r.buffer.length;
    revisions = r.revisions;
  }
  ms.sort((a, b) => a - b);
  const chars = paragraphs.reduce((n, p) => n + p.text.length, 0);
  console.log(
    `${from} → ${to}: ${paragraphs.length} paragraphs, ${chars} characters, ${revisions.insertions} insertions + ${revisions.deletions} deletions, ` +
      `${(size / 1024).toFixed(0)} KB; median ${ms[RUNS >> 1].toFixed(0)} ms (min ${ms[0].toFixed(0)}, max ${ms[RUNS - 1].toFixed(0)})`,
  );
}

const { db } = openCorpusCopy();
let best: { id: string; prev: string; chars: number } | null = null;
for (const d of listDocuments(db, { kind: 'resolution' })) {
  const series = seriesOfDocument(db, d.id);
  const k = series?.documents.findIndex((x) => x.id === d.id) ?? -1;
  if (!series || k <= 0) continue;
  const chars = getParagraphs(db, d.id).reduce((n, p) => n + p.text.length, 0);
  if (!best || chars > best.chars) best = { id: d.id, prev: series.documents[k - 1].id, chars };
}
if (best) await time(db, best.prev, best.id);
await time(db, 'a-res-78-229-zh', 'a-res-80-229-zh');
await time(db, 'a-res-78-229-en', 'a-res-80-229-en');
db.close();

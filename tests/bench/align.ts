// Alignment speed and quality: two versions of about 90 paragraphs each
// (78/155 → 79/208) and the large 78/229 → 80/229 (177 → 157 paragraphs),
// aligned with every inline diff, in Chinese and English: p50/p95 wall time
// over repeated runs after a warm-up (store reads excluded: the documents are
// loaded once), and the process CPU time beside it, which a busy shared machine
// inflates less than wall time. Then the zh/en agreement rate over every comparable version
// pair of the recurring AKN series. Run: npx tsx tests/bench/align.ts
import { CHARACTER_THRESHOLD, DEFAULT_THRESHOLD } from '../../server/compare/align/alignment.js';
import { diffDocuments, type DiffSide } from '../../server/compare/diff.js';
import { documentRef } from '../../server/compare/service.js';
import { getDocument, getParagraphs } from '../../server/store/corpus.js';
import type { Db } from '../../server/store/db.js';
import { bilingualVersionPairs, measureAgreement } from '../eval/agreement.js';
import { openCorpusCopy } from '../helpers/corpus.js';

const RUNS = 40;

function side(db: Db, id: string): DiffSide {
  const d = getDocument(db, id);
  if (!d) throw new Error(`${id} is not in the corpus`);
  return { document: documentRef(d), paragraphs: getParagraphs(db, id) };
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

function bench(db: Db, from: string, to: string, language: string) {
  const a = side(db, from);
  const b = side(db, to);
  diffDocuments(a, b, language); // warm-up
  const ms: number[] = [];
  const cpu: number[] = [];
  let pairs = 0;
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    pairs = diffDocuments(a, b, language).pairs.length;
    ms.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  ms.sort((x, y) => x - y);
  cpu.sort((x, y) => x - y);
  console.log(
    `${a.document.symbol} → ${b.document.symbol} (${language}, ${a.paragraphs.length} → ${b.paragraphs.length} paragraphs, ${pairs} pairs): p50 ${pct(ms, 50).toFixed(1)} ms, p95 ${pct(ms, 95).toFixed(1)} ms (CPU time p50 ${pct(cpu, 50).toFixed(1)} ms)`,
  );
}

const { db } = openCorpusCopy();
console.log(`alignment with all inline diffs, ${RUNS} runs each, thresholds ${DEFAULT_THRESHOLD} (words) / ${CHARACTER_THRESHOLD} (characters)`);
for (const lang of ['en', 'zh']) {
  bench(db, `a-res-78-155-${lang}`, `a-res-79-208-${lang}`, lang);
  bench(db, `a-res-78-229-${lang}`, `a-res-80-229-${lang}`, lang);
}

const t = performance.now();
const every = bilingualVersionPairs(db);
const comparable = bilingualVersionPairs(db, { comparableOnly: true });
const r = measureAgreement(db, comparable);
console.log(
  `zh/en agreement: ${comparable.length} of ${every.length} consecutive version pairs have the same eIds in both languages; ` +
    `paragraphs in the same pair ${(r.paragraphs.rate * 100).toFixed(2)}% (${r.paragraphs.same}/${r.paragraphs.total}), ` +
    `pairs agree ${(r.pairs.rate * 100).toFixed(1)}% (${r.pairs.both}/${r.pairs.either}), with kinds ${(r.kinds.rate * 100).toFixed(1)}%, ` +
    `${r.identicalVersionPairs}/${r.versionPairs} version pairs identical (${((performance.now() - t) / 1000).toFixed(0)} s)`,
);
db.close();

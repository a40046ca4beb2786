// Threshold study for paragraph alignment (evidence in tests/eval/alignment.md):
// for each similarity threshold, (1) zh/en agreement of the pairs over the
// recurring series, (2) spurious pairs when a version is aligned with an
// unrelated resolution (every pair there is shared boilerplate, by construction).
// `npx tsx tests/eval/sweep.ts [step]` (step: use every n-th version pair).
import { alignParagraphs } from '../../server/compare/align/alignment.js';
import { getParagraphs } from '../../server/store/corpus.js';
import { openCorpusCopy } from '../helpers/corpus.js';
import { bilingualVersionPairs, measureAgreement } from './agreement.js';
import type { ParagraphRecord } from '../../core/model.js';

const step = Number(process.argv[2] ?? 4);
const thresholds = (process.argv[3] ?? '0.2,0.3,0.35,0.4,0.45,0.5,0.6,0.7').split(',').map(Number);
const { db } = openCorpusCopy();
const every = bilingualVersionPairs(db);
const all = bilingualVersionPairs(db, { comparableOnly: true });
if (all.length === 0) throw new Error('No bilingual version pairs: is corpus/bundle complete?');
const sample = all.filter((_, i) => i % step === 0);
console.log(`version pairs: ${every.length} (zh/en, consecutive versions), ${all.length} with the same eIds in both languages; sample: ${sample.length}`);
const cache = new Map<string, ParagraphRecord[]>();
const load = (id: string) => {
  let ps = cache.get(id);
  if (!ps) cache.set(id, (ps = getParagraphs(db, id).filter((p) => p.section !== 'heading')));
  return ps;
};
console.log('threshold | pair agreement | kind agreement | identical version pairs | spurious pairs per unrelated paragraph (zh / en)');
for (const t of thresholds) {
  const r = measureAgreement(db, sample, { threshold: t }, cache);
  const spurious: Record<string, number> = {};
  for (const lang of ['zh', 'en'] as const) {
    let pairs = 0;
    let paragraphs = 0;
    sample.forEach((vp, i) => {
      // The older version against the newer version of another series.
      const other = sample[(i + Math.floor(sample.length / 2)) % sample.length];
      if (other.from === vp.from || other.to === vp.to) return;
      const A = load(vp[lang].from);
      const B = load(other[lang].to);
      const al = alignParagraphs(A, B, lang, { threshold: t });
      pairs += al.pairs.filter((p) => p.from.length && p.to.length).reduce((n, p) => n + p.to.length, 0);
      paragraphs += B.length;
    });
    spurious[lang] = pairs / Math.max(1, paragraphs);
  }
  console.log(`${t} | ${r.pairs.rate} | ${r.kinds.rate} | ${r.identicalVersionPairs}/${r.versionPairs} | ${spurious.zh.toFixed(4)} / ${spurious.en.toFixed(4)}`);
}

// Every zh/en disagreement of the alignment, classified: which paragraphs the
// two languages pair differently, and why. `npx tsx tests/eval/disagreements.ts [threshold]`
import { openCorpusCopy } from '../helpers/corpus.js';
import { bilingualVersionPairs, kindClass, measureAgreement, type EidPair } from './agreement.js';

// No argument: each language's measured default (thresholdFor).
const threshold = process.argv[2] ? Number(process.argv[2]) : undefined;
const { db } = openCorpusCopy();
const pairs = bilingualVersionPairs(db, { comparableOnly: true });
if (pairs.length === 0) throw new Error('No bilingual version pairs: is corpus/bundle complete?');
const r = measureAgreement(db, pairs, { threshold });

type Category = 'same pair, kind differs (move attribution)' | 'paired in one language only (near the threshold)' | 'split/merge in one language only' | 'different partner';
const counts = new Map<Category, number>();
const sims: number[] = [];
const examples = new Map<Category, string[]>();
const key = (p: EidPair) => `${p.from.join('+')}>${p.to.join('+')}`;
for (const d of r.disagreements) {
  const other = (side: 'zh' | 'en') => (side === 'zh' ? d.onlyEn : d.onlyZh);
  for (const side of ['zh', 'en'] as const) {
    for (const p of side === 'zh' ? d.onlyZh : d.onlyEn) {
      const o = other(side);
      let c: Category;
      if (o.some((q) => key(q) === key(p))) c = 'same pair, kind differs (move attribution)';
      else if (p.kind === 'split' || p.kind === 'merged') c = 'split/merge in one language only';
      else if (p.kind === 'added' || p.kind === 'removed') {
        // Counted from the side that did pair them (below), so skip here unless
        // the other side grouped them.
        continue;
      } else if (o.some((q) => (q.kind === 'added' || q.kind === 'removed') && (q.from.some((x) => p.from.includes(x)) || q.to.some((x) => p.to.includes(x))))
        && !o.some((q) => q.from.length && q.to.length && (q.from.some((x) => p.from.includes(x)) || q.to.some((x) => p.to.includes(x))))) {
        c = 'paired in one language only (near the threshold)';
        sims.push(p.similarity);
      } else c = 'different partner';
      counts.set(c, (counts.get(c) ?? 0) + 1);
      const ex = examples.get(c) ?? [];
      if (ex.length < 4) ex.push(`${d.from}→${d.to} ${side}: ${kindClass(p)} ${p.from.join('+')} → ${p.to.join('+')} (${p.similarity})`);
      examples.set(c, ex);
    }
  }
}
console.log(`threshold ${threshold ?? 'default (0.45 zh, 0.4 en; moves 0.5; in place zh 0.4)'}: ${r.versionPairs} version pairs, pairs agree ${r.pairs.rate} (${r.pairs.both}/${r.pairs.either}), kinds ${r.kinds.rate}, paragraphs in the same pair ${r.paragraphs.rate} (${r.paragraphs.same}/${r.paragraphs.total}), ${r.identicalVersionPairs} identical, ${r.disagreements.length} version pairs with a disagreement`);
for (const [c, n] of [...counts].sort((a, b) => b[1] - a[1])) {
  console.log(`- ${c}: ${n}`);
  for (const e of examples.get(c) ?? []) console.log(`    ${e}`);
}
sims.sort((a, b) => a - b);
if (sims.length) console.log(`similarity of pairs found in one language only: median ${sims[sims.length >> 1]}, 90% below ${sims[Math.floor(sims.length * 0.9)]}`);

// A small hand-labelled set: every borderline candidate pair (similarity 0.15–0.7
// at a permissive threshold) of 78/229 → 80/229, judged by reading the English
// texts. Paragraph ids are the same in both languages (pp/op numbering), so the
// labels also score the Chinese alignment. `npx tsx tests/eval/labelled.ts`
import { alignParagraphs } from '../../server/compare/align/alignment.js';
import { getParagraphs } from '../../server/store/corpus.js';
import { openCorpusCopy } from '../helpers/corpus.js';

/** [old paragraph, new paragraph, is the new one the old one's successor?, why] */
export const LABELS: Array<[string, string, boolean, string]> = [
  ['pp28', 'pp10', false, 'anniversary of UNCAC (58/4) vs anniversary of UNTOC (55/25): same template, different conventions'],
  ['op80', 'pp13', false, 'firearms resolution 11/6 vs recommendations of resolution 11/2: shared boilerplate only'],
  ['pp25', 'pp21', true, 'the asset-return paragraph merged into the asset-recovery one'],
  ['pp83', 'pp23', false, 'firearms guidelines vs statistical framework on corruption: "Taking note of … UNODC" only'],
  ['pp32', 'pp28', true, 'high-level debate(s) of the General Assembly, updated'],
  ['pp33', 'pp29', true, 'public-private cooperation, recall of resolution 6/5 dropped'],
  ['pp35', 'pp32', true, 'counter-terrorism resolutions, clause added'],
  ['pp22', 'pp35', false, 'resolution 77/235 on asset recovery vs disrupting financial support: the successor of pp22 is pp21'],
  ['pp40', 'pp38', true, '"progress made by" → "important role of" UNODC, list shortened'],
  ['pp48', 'pp45', true, 'recall of 77/233 kept, long clause added'],
  ['pp51', 'pp47', true, 'treatment of prisoners, CCPCJ resolution 34/2 added'],
  ['op83', 'pp72', false, 'Working Group on Firearms vs environment crimes resolution 12/4'],
  ['pp77', 'pp75', true, 'wildlife trafficking resolutions, list extended'],
  ['op13', 'op11', true, 'UNCAC review mechanism, updated to the review phase'],
  ['op15', 'op13', true, 'GlobE Network, reworded'],
  ['op28', 'op22', true, 'high-level debate invitation, next theme'],
  ['op44', 'op39', false, 'technical tools for access to justice vs reoffending: op44 merged into op35'],
  ['op75', 'op63', true, 'cybercrime, "Also encourages" and a long addition'],
  ['op11', 'op67', true, 'resolutions of the Conference of the Parties, sessions updated and moved'],
  ['op84', 'op71', true, 'world drug problem, approach reworded'],
];

export function scoreLabelled(threshold: number, language: 'zh' | 'en', db = openCorpusCopy().db) {
  const A = getParagraphs(db, `a-res-78-229-${language}`).filter((p) => p.section !== 'heading');
  const B = getParagraphs(db, `a-res-80-229-${language}`).filter((p) => p.section !== 'heading');
  if (A.length === 0 || B.length === 0) throw new Error('78/229 or 80/229 is missing: is corpus/bundle complete?');
  const local = (id: string) => id.slice(id.lastIndexOf('.') + 1);
  const found = new Set<string>();
  for (const p of alignParagraphs(A, B, language, { threshold }).pairs) {
    for (const i of p.from) for (const j of p.to) found.add(`${local(A[i].id)}>${local(B[j].id)}`);
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [a, b, truth] of LABELS) {
    const hit = found.has(`${a}>${b}`);
    if (hit && truth) tp++;
    else if (hit) fp++;
    else if (truth) fn++;
  }
  return { tp, fp, fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { db } = openCorpusCopy();
  console.log('threshold | en P / R | zh P / R (14 true, 6 false borderline pairs)');
  for (const t of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
    const en = scoreLabelled(t, 'en', db);
    const zh = scoreLabelled(t, 'zh', db);
    console.log(`${t} | ${en.precision.toFixed(2)} / ${en.recall.toFixed(2)} (fp ${en.fp}) | ${zh.precision.toFixed(2)} / ${zh.recall.toFixed(2)} (fp ${zh.fp})`);
  }
}

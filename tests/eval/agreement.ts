// The zh/en agreement check: a resolution's Chinese and English versions have
// the same paragraphs (same AKN eIds), so aligning two versions of a series in
// Chinese and in English must give the same pairs. Needs no hand-made answers;
// every disagreement is an error in one language or the other (or a
// borderline call). Used by the API test, the bench and the threshold study.
import type { PairKind } from '../../core/diff/kinds.js';
import { alignParagraphs, type AlignOptions } from '../../server/compare/align/alignment.js';
import { listSeries } from '../../server/compare/service.js';
import { getParagraphs } from '../../server/store/corpus.js';
import type { Db } from '../../server/store/db.js';
import type { ParagraphRecord } from '../../core/model.js';

export interface VersionPair {
  /** Short symbols, older then newer. */
  from: string;
  to: string;
  zh: { from: string; to: string };
  en: { from: string; to: string };
}

/**
 * True when the Chinese and English documents have the same paragraphs under
 * the same eIds. About one AKN document in ten does not (paragraph counts
 * differ between the language files, or the importer read them differently):
 * there the eId is no common key and agreement cannot be judged.
 */
export function sameEids(db: Db, zhId: string, enId: string): boolean {
  const key = (id: string) => getParagraphs(db, id).map((p) => `${p.section}:${p.eId ?? ''}`).join(',');
  return key(zhId) === key(enId);
}

/** Consecutive versions present in both languages, for every series that has them. */
export function bilingualVersionPairs(db: Db, options: { comparableOnly?: boolean } = {}): VersionPair[] {
  const en = new Map<string, string>(); // symbol → en document id, for en series members
  const enSeriesOf = new Map<string, string>();
  for (const s of listSeries(db, 'en')) for (const d of s.documents) if (d.symbol) {
    en.set(d.symbol, d.id);
    enSeriesOf.set(d.symbol, s.id);
  }
  const out: VersionPair[] = [];
  for (const s of listSeries(db, 'zh')) {
    for (let i = 1; i < s.documents.length; i++) {
      const a = s.documents[i - 1];
      const b = s.documents[i];
      if (!a.symbol || !b.symbol || !en.has(a.symbol) || !en.has(b.symbol)) continue;
      // The same two versions must be consecutive in the English series too.
      if (enSeriesOf.get(a.symbol) !== enSeriesOf.get(b.symbol)) continue;
      const vp = { from: a.symbol, to: b.symbol, zh: { from: a.id, to: b.id }, en: { from: en.get(a.symbol)!, to: en.get(b.symbol)! } };
      if (options.comparableOnly && !(sameEids(db, vp.zh.from, vp.en.from) && sameEids(db, vp.zh.to, vp.en.to))) continue;
      out.push(vp);
    }
  }
  return out;
}

export interface EidPair {
  kind: PairKind;
  moved: boolean;
  from: string[];
  to: string[];
  similarity: number;
}

const textParagraphs = (db: Db, id: string) => getParagraphs(db, id).filter((p) => p.section !== 'heading');
const eidOf = (p: ParagraphRecord) => p.eId ?? `${p.section}:${p.label}`;

/** The alignment with paragraphs named by eId, so that languages compare. */
export function eidAlignment(db: Db, fromId: string, toId: string, language: string, options: AlignOptions = {}, cache?: Map<string, ParagraphRecord[]>): EidPair[] {
  const load = (id: string) => {
    if (!cache) return textParagraphs(db, id);
    let ps = cache.get(id);
    if (!ps) cache.set(id, (ps = textParagraphs(db, id)));
    return ps;
  };
  const A = load(fromId);
  const B = load(toId);
  return alignParagraphs(A, B, language, options).pairs.map((p) => ({
    kind: p.kind,
    moved: p.moved,
    from: p.from.map((i) => eidOf(A[i])),
    to: p.to.map((j) => eidOf(B[j])),
    similarity: p.similarity,
  }));
}

/**
 * Kinds as compared across languages: unchanged and modified are one class,
 * "kept", because translators revise one language alone (年青 → 青年 with the
 * English untouched); split, merged, added, removed and the moved flag must agree.
 */
export const kindClass = (p: Pick<EidPair, 'kind' | 'moved'>) => `${p.kind === 'unchanged' || p.kind === 'modified' ? 'kept' : p.kind}${p.moved ? ', moved' : ''}`;
const pairKey = (p: EidPair, withKind: boolean) => `${withKind ? kindClass(p) : ''}|${p.from.join('+')}|${p.to.join('+')}`;

/**
 * Each paragraph of both versions ("old:" or "new:" + eId) → the pair it is in
 * (pairKey without the kind). Comparable version pairs have the same eIds in
 * both languages, so the two maps have the same keys.
 */
function pairOfParagraph(pairs: EidPair[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const p of pairs) {
    const key = pairKey(p, false);
    for (const e of p.from) m.set(`old:${e}`, key);
    for (const e of p.to) m.set(`new:${e}`, key);
  }
  return m;
}

export interface Disagreement {
  from: string;
  to: string;
  onlyZh: EidPair[];
  onlyEn: EidPair[];
}

export interface AgreementResult {
  versionPairs: number;
  /** Pairs (by eIds) found identically in both languages, over all pairs found in either. */
  pairs: { both: number; either: number; rate: number };
  /** Same, requiring the same kind class and moved flag too (unchanged and modified count as one). */
  kinds: { both: number; either: number; rate: number };
  /**
   * Paragraphs (old and new, by eId) that belong to the same pair in both
   * languages (the same eIds on both sides, or added/removed in both), over all
   * paragraphs: the issue's "same pairs on ≥ 99 % of paragraphs". One pair found
   * in one language only costs its two paragraphs here, but three of `pairs`'
   * entries (the pair, and the removed and added ones of the other language).
   */
  paragraphs: { same: number; total: number; rate: number };
  /** Version pairs whose alignments agree entirely. */
  identicalVersionPairs: number;
  disagreements: Disagreement[];
}

/** Alignment options for both languages, or per language (a threshold study varies one script's). */
export type LanguageOptions = AlignOptions | ((language: 'zh' | 'en') => AlignOptions);

export function measureAgreement(db: Db, pairs: VersionPair[], options: LanguageOptions = {}, cache = new Map<string, ParagraphRecord[]>()): AgreementResult {
  const optionsFor = (language: 'zh' | 'en') => (typeof options === 'function' ? options(language) : options);
  let pBoth = 0;
  let pEither = 0;
  let kBoth = 0;
  let kEither = 0;
  let identical = 0;
  let paragraphsSame = 0;
  let paragraphsTotal = 0;
  const disagreements: Disagreement[] = [];
  for (const vp of pairs) {
    const zh = eidAlignment(db, vp.zh.from, vp.zh.to, 'zh', optionsFor('zh'), cache);
    const en = eidAlignment(db, vp.en.from, vp.en.to, 'en', optionsFor('en'), cache);
    const enPairOf = pairOfParagraph(en);
    for (const [paragraph, pair] of pairOfParagraph(zh)) {
      paragraphsTotal++;
      if (enPairOf.get(paragraph) === pair) paragraphsSame++;
    }
    for (const withKind of [false, true]) {
      const a = new Set(zh.map((p) => pairKey(p, withKind)));
      const b = new Set(en.map((p) => pairKey(p, withKind)));
      const both = [...a].filter((k) => b.has(k)).length;
      const either = new Set([...a, ...b]).size;
      if (withKind) {
        kBoth += both;
        kEither += either;
        if (both === either) identical++;
        else {
          disagreements.push({
            from: vp.from,
            to: vp.to,
            onlyZh: zh.filter((p) => !b.has(pairKey(p, true))),
            onlyEn: en.filter((p) => !a.has(pairKey(p, true))),
          });
        }
      } else {
        pBoth += both;
        pEither += either;
      }
    }
  }
  const rate = (x: number, y: number) => (y ? Math.round((x / y) * 10000) / 10000 : 1);
  return {
    versionPairs: pairs.length,
    pairs: { both: pBoth, either: pEither, rate: rate(pBoth, pEither) },
    kinds: { both: kBoth, either: kEither, rate: rate(kBoth, kEither) },
    paragraphs: { same: paragraphsSame, total: paragraphsTotal, rate: rate(paragraphsSame, paragraphsTotal) },
    identicalVersionPairs: identical,
    disagreements,
  };
}

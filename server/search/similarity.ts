// The similarity a drafter sees (0..1, 1 = the same text) and the passages a
// query shares with a precedent, with offsets in both texts for highlighting.
//
// Both texts become unit sequences (a unit is a CJK character or a word; see
// analyse.units), then greedy string tiling finds the shared passages: the
// longest common run first, then the next longest among what is left, down to a
// minimum length (4 CJK characters, 3 words) so that stray function words never
// count as shared language. The score is built from those passages only, so
// what is highlighted is what is counted:
//
//   weight of a unit = 1 (a word; in Chinese a character, and a number or Latin
//                      word inside Chinese counts its characters: "1991" is 4,
//                      so the years and symbols a paragraph cites weigh as written)
//   shared = Σ passages  weight × min(1, weight / full length)
//   coverage of the query     cq = shared / query weight
//   coverage of the precedent cp = shared / precedent weight
//   closeness = 2 × shared / (query weight + precedent weight)   (Dice)
//   similarity = ((1 − p) × cq + p × cp + closeness) / 2
//
// Chinese (counting()): a passage counts fully from 8 characters (twice the
// minimum; "刑事司法", "跨国有组织犯罪" are set phrases, not agreed language), and
// p = 1/4: what the drafter typed weighs most, but an earlier paragraph reused
// almost whole inside a longer new one counts too. In the word languages a
// 3-word run is already a phrase and Dice carries the precedent side: both
// measured 1–1.3 points of English recall@1 lost (tests/eval/results.md), so
// there full = minimum length and p = 0. Closeness keeps the closer text ahead.
//
// 1 means the same text: equal after width and space normalisation
// (analyse.identityKey); anything else, a changed case, a ";" for a ".", a
// deleted word, scores at most 0.999. Half a paragraph typed scores ~0.83
// (English) / ~0.78 (Chinese) against the paragraph it comes from; unrelated
// texts score 0.
import type { Language } from '../../core/model.js';
import { dice } from '../compare/dice.js';
import { identityKey, units, type Unit } from './analyse.js';

/**
 * One passage shared by the query and the precedent. Offsets are UTF-16 code
 * unit offsets, start inclusive and end exclusive, as String.prototype.slice takes them:
 * `from` in the query text, `to` in the precedent paragraph's `text`.
 */
export interface SharedPassage {
  from: [number, number];
  to: [number, number];
}

export interface Comparison {
  similarity: number;
  shared: SharedPassage[];
}

/** Minimum passage length in units: CJK characters carry less than words. */
export function minRun(lang: Language): number {
  return lang === 'zh' ? 4 : 3;
}

/** How a language's shared passages become a score (see the header). */
export interface Counting {
  /** Weight from which a passage counts fully. */
  full: number;
  /** Share of the precedent's coverage in the coverage term. */
  precedent: number;
}

export function counting(lang: Language): Counting {
  return lang === 'zh' ? { full: 2 * minRun(lang), precedent: 0.25 } : { full: minRun(lang), precedent: 0 };
}

/** A text prepared for comparison once and compared many times (the query). */
export interface Prepared {
  text: string;
  units: Unit[];
  ids: Int32Array;
  /** Weight of each unit (see the header), and their sum. */
  weights: Float64Array;
  total: number;
}

/** Highest score of texts that are not the same (see the header). */
export const NEAR_IDENTICAL = 0.999;

/** Interns unit keys as integers so runs compare by number, not by string. */
export class Interner {
  private readonly ids = new Map<string, number>();
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}

export function prepare(text: string, lang: Language, interner: Interner): Prepared {
  const us = units(text, lang);
  const ids = new Int32Array(us.length);
  const weights = new Float64Array(us.length);
  let total = 0;
  for (let i = 0; i < us.length; i++) {
    ids[i] = interner.id(us[i].key);
    weights[i] = unitWeight(us[i].key, lang);
    total += weights[i];
  }
  return { text, units: us, ids, weights, total };
}

/** A word weighs 1; in Chinese a unit weighs its characters (a Han character, or a number's digits). */
export function unitWeight(key: string, lang: Language): number {
  if (lang !== 'zh' || key.length === 1) return 1;
  let n = 0;
  for (const _ of key) n++;
  return n;
}

interface Run {
  q: number;
  p: number;
  len: number;
}

/**
 * Greedy string tiling over two id sequences: every maximal common run of at
 * least `k` units, longest first, each unit used at most once on either side.
 */
export function tile(q: Int32Array, p: Int32Array, k: number): Run[] {
  if (q.length < k || p.length < k) return [];
  // Positions in p of each k-gram, keyed by a rolling polynomial hash.
  const grams = new Map<number, number[]>();
  const hashAt = (a: Int32Array, i: number): number => {
    let h = 0;
    for (let j = 0; j < k; j++) h = (Math.imul(h, 1000003) + a[i + j]) | 0;
    return h;
  };
  for (let j = 0; j + k <= p.length; j++) {
    const h = hashAt(p, j);
    const list = grams.get(h);
    if (list) list.push(j);
    else grams.set(h, [j]);
  }
  const runs: Run[] = [];
  for (let i = 0; i + k <= q.length; i++) {
    const list = grams.get(hashAt(q, i));
    if (!list) continue;
    for (const j of list) {
      // Only left-maximal runs: the run starting one unit earlier already covers this one.
      if (i > 0 && j > 0 && q[i - 1] === p[j - 1]) continue;
      let len = 0;
      while (i + len < q.length && j + len < p.length && q[i + len] === p[j + len]) len++;
      if (len >= k) runs.push({ q: i, p: j, len });
    }
  }
  runs.sort((a, b) => b.len - a.len || a.q - b.q);
  const usedQ = new Uint8Array(q.length);
  const usedP = new Uint8Array(p.length);
  const out: Run[] = [];
  for (const run of runs) {
    // Trim a run to its longest stretch still free on both sides; keep it if long enough.
    let best: Run | null = null;
    let s = 0;
    while (s < run.len) {
      while (s < run.len && (usedQ[run.q + s] || usedP[run.p + s])) s++;
      let e = s;
      while (e < run.len && !usedQ[run.q + e] && !usedP[run.p + e]) e++;
      if (e - s >= k && (!best || e - s > best.len)) best = { q: run.q + s, p: run.p + s, len: e - s };
      s = e;
    }
    if (!best) continue;
    for (let x = 0; x < best.len; x++) {
      usedQ[best.q + x] = 1;
      usedP[best.p + x] = 1;
    }
    out.push(best);
  }
  return out.sort((a, b) => a.q - b.q);
}

/** Compares a prepared query with a prepared precedent. */
export function comparePrepared(query: Prepared, precedent: Prepared, lang: Language): Comparison {
  const nq = query.ids.length;
  const np = precedent.ids.length;
  if (nq === 0 || np === 0) return { similarity: 0, shared: [] };
  const k = Math.min(minRun(lang), nq);
  const runs = tile(query.ids, precedent.ids, k);
  // A passage counts fully from the language's full length (by weight: "1991年12月18日" is 11
  // characters), or when it is all of the shorter text.
  const how = counting(lang);
  const full = Math.min(how.full, query.total, precedent.total);
  let shared = 0;
  for (const r of runs) {
    let w = 0;
    for (let x = r.q; x < r.q + r.len; x++) w += query.weights[x];
    shared += w * Math.min(1, w / full);
  }
  const coverage = (1 - how.precedent) * (shared / query.total) + how.precedent * (shared / precedent.total);
  const closeness = dice(shared, query.total, precedent.total);
  const passages = runs.map((r) => ({
    from: [query.units[r.q].start, query.units[r.q + r.len - 1].end] as [number, number],
    to: [precedent.units[r.p].start, precedent.units[r.p + r.len - 1].end] as [number, number],
  }));
  return { similarity: score((coverage + closeness) / 2, query, precedent), shared: passages };
}

/** Rounded to 3 decimals; 1 for the same text only, at most NEAR_IDENTICAL otherwise. */
function score(x: number, query: Prepared, precedent: Prepared): number {
  const rounded = Math.round(x * 1000) / 1000;
  if (rounded < NEAR_IDENTICAL) return rounded;
  return identityKey(query.text) === identityKey(precedent.text) ? 1 : NEAR_IDENTICAL;
}

/** One-off comparison of two texts in one language. */
export function compare(query: string, precedent: string, lang: Language): Comparison {
  const interner = new Interner();
  return comparePrepared(prepare(query, lang, interner), prepare(precedent, lang, interner), lang);
}

// The similarity a drafter sees (0..1, 1 = the same text) and the passages a
// query shares with a precedent, with offsets in both texts for highlighting.
//
// Both texts become unit sequences (a unit is a CJK character or a word; see
// analyse.units), then greedy string tiling finds the shared passages: the
// longest common run first, then the next longest among what is left, down to a
// minimum length (4 CJK characters, 3 words) so that stray function words never
// count as shared language. The score is built from those passages only, so
// what is highlighted is exactly what is counted:
//
//   coverage = shared units / query units        (how much of what you typed is agreed language)
//   closeness = 2 * shared units / (query units + precedent units)   (Dice: how close the two texts are)
//   similarity = (coverage + closeness) / 2
//
// Identical texts score 1; half a paragraph typed scores ~0.83 against the
// paragraph it comes from; unrelated texts score 0. The same numbers mean the
// same thing for every query and language.
import type { Language } from '../../core/model.js';
import { dice } from '../compare/dice.js';
import { units, type Unit } from './analyse.js';

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

/** A text prepared for comparison once and compared many times (the query). */
export interface Prepared {
  units: Unit[];
  ids: Int32Array;
}

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
  for (let i = 0; i < us.length; i++) ids[i] = interner.id(us[i].key);
  return { units: us, ids };
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
  let sharedUnits = 0;
  for (const r of runs) sharedUnits += r.len;
  const coverage = sharedUnits / nq;
  const closeness = dice(sharedUnits, nq, np);
  const shared = runs.map((r) => ({
    from: [query.units[r.q].start, query.units[r.q + r.len - 1].end] as [number, number],
    to: [precedent.units[r.p].start, precedent.units[r.p + r.len - 1].end] as [number, number],
  }));
  return { similarity: round((coverage + closeness) / 2), shared };
}

/** One-off comparison of two texts in one language. */
export function compare(query: string, precedent: string, lang: Language): Comparison {
  const interner = new Interner();
  return comparePrepared(prepare(query, lang, interner), prepare(precedent, lang, interner), lang);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

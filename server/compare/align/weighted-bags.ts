// Feature bags weighted by inverse paragraph frequency over both texts, so that
// shared boilerplate ("Requests the Secretary-General to…") counts for little,
// and the overlaps alignment scores are made of.
import { dice } from '../dice.js';
import type { Bag } from './features.js';

/** A weighted bag as parallel arrays sorted by feature id: overlaps are a linear merge. */
export interface WeightedBag {
  ids: Int32Array;
  w: Float64Array;
  total: number;
}

/** Weighs every paragraph's bag against all of them; `features` counts the distinct feature ids. */
export function weigh(bags: Bag[]): { bags: WeightedBag[]; features: number } {
  const dict = new Map<string | number, number>();
  const df: number[] = [];
  const keyed: Int32Array[] = [];
  for (const b of bags) {
    const ids = new Int32Array(b.size);
    let k = 0;
    for (const key of b.keys()) {
      let id = dict.get(key);
      if (id === undefined) {
        id = dict.size;
        dict.set(key, id);
        df.push(0);
      }
      df[id]++;
      ids[k++] = id;
    }
    keyed.push(ids);
  }
  const n = bags.length;
  const weighted = bags.map((b, bi) => {
    const counts = [...b.values()];
    const raw = keyed[bi];
    const order = Array.from(raw.keys()).sort((x, y) => raw[x] - raw[y]);
    const ids = new Int32Array(order.length);
    const w = new Float64Array(order.length);
    let total = 0;
    for (let i = 0; i < order.length; i++) {
      const id = raw[order[i]];
      // idf over both texts: a word in every paragraph ("the", "States") counts
      // next to nothing, one in a single paragraph counts most.
      const x = counts[order[i]] * Math.log((n + 1) / df[id]);
      ids[i] = id;
      w[i] = x;
      total += x;
    }
    return { ids, w, total };
  });
  return { bags: weighted, features: dict.size };
}

function overlap(a: WeightedBag, b: WeightedBag): number {
  let s = 0;
  let i = 0;
  let j = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i];
    const y = bi[j];
    if (x === y) {
      s += a.w[i] < b.w[j] ? a.w[i] : b.w[j];
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}

/** Several paragraphs as one bag: the pieces of a split or a merge. */
export function union(bags: WeightedBag[]): WeightedBag {
  const m = new Map<number, number>();
  for (const v of bags) v.ids.forEach((id, i) => m.set(id, (m.get(id) ?? 0) + v.w[i]));
  const entries = [...m].sort((x, y) => x[0] - y[0]);
  return {
    ids: Int32Array.from(entries.map((e) => e[0])),
    w: Float64Array.from(entries.map((e) => e[1])),
    total: entries.reduce((t, e) => t + e[1], 0),
  };
}

/**
 * Every overlap between the two sides at once (row i, column j at i·B.length + j),
 * through an inverted index of the newer side: cost grows with shared features
 * only, not with all pairs × sizes.
 */
export function overlapMatrix(A: WeightedBag[], B: WeightedBag[], features: number): Float64Array {
  // Postings in compressed rows (typed arrays, no per-entry objects: the
  // garbage collector was the largest cost with arrays of tuples).
  const start = new Int32Array(features + 1);
  for (const v of B) for (let k = 0; k < v.ids.length; k++) start[v.ids[k] + 1]++;
  for (let f = 0; f < features; f++) start[f + 1] += start[f];
  const fill = start.slice(0, features);
  const docs = new Int32Array(start[features]);
  const weights = new Float64Array(start[features]);
  for (let j = 0; j < B.length; j++) {
    const v = B[j];
    for (let k = 0; k < v.ids.length; k++) {
      const at = fill[v.ids[k]]++;
      docs[at] = j;
      weights[at] = v.w[k];
    }
  }
  const nB = B.length;
  const m = new Float64Array(A.length * nB);
  for (let i = 0; i < A.length; i++) {
    const v = A[i];
    const row = i * nB;
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k];
      const x = v.w[k];
      for (let at = start[id], end = start[id + 1]; at < end; at++) {
        const y = weights[at];
        m[row + docs[at]] += x < y ? x : y;
      }
    }
  }
  return m;
}

/** Dice over weighted features: boilerplate shared by every paragraph adds next to nothing. */
export function weightedDice(a: WeightedBag, b: WeightedBag): number {
  return dice(overlap(a, b), a.total, b.total);
}

/** Share of `part` found in `whole`. */
export function containment(part: WeightedBag, whole: WeightedBag): number {
  return part.total === 0 ? 0 : overlap(part, whole) / part.total;
}

// Paragraph alignment between two versions of a text: which paragraph of the
// older text became which of the newer one, whatever their numbers. Pure (no
// store, no Node imports) so that unsaved drafts are aligned exactly like
// adopted resolutions, in the server or in the browser.
//
// How: each paragraph becomes a bag of features (character bigrams for Chinese
// and Japanese, Intl.Segmenter words otherwise) with routine updates (symbols,
// dates, session numbers) masked so that a rollover's mechanical edits never
// lower a score, weighted by inverse paragraph frequency over both texts so that
// shared boilerplate ("Requests the Secretary-General to…") counts for little.
// Pairs are taken greedily, best first, above a measured threshold (see
// tests/eval/alignment.md); left-overs that are mostly contained in a paragraph
// of the other side make splits and merges; order changes are found as the
// paragraphs outside the longest run kept in order.
import type { Language, Section } from '../model.js';
import type { PairKind } from '../../core/diff/kinds.js';
import { inlineDiff, isCharacterLanguage, onlyRoutine, routineSpans, type InlineChange } from './inline.js';

/** The least a paragraph needs to be aligned: saved or not. */
export interface AlignInput {
  id: string;
  section: Section;
  label: string;
  text: string;
  number?: number | null;
}

export { PAIR_KINDS, type PairKind } from '../../core/diff/kinds.js';

/** One step of the alignment, by position in the inputs. */
export interface AlignedPair {
  kind: PairKind;
  /** Positions in `from` (empty for added). */
  from: number[];
  /** Positions in `to` (empty for removed). */
  to: number[];
  /** Weighted overlap of the two sides, 0–1 (0 for added/removed). */
  similarity: number;
  /** Order changed relative to the rest, or moved between preamble and operative part. */
  moved: boolean;
}

export interface Alignment {
  pairs: AlignedPair[];
}

/**
 * Minimum similarity for two paragraphs to be one paragraph reworded, for
 * languages compared by word. Chosen by measurement (tests/eval/alignment.md):
 * it maximises the zh/en agreement, and below it pairs made of shared
 * boilerplate grow fast when a text is aligned with an unrelated resolution.
 */
export const DEFAULT_THRESHOLD = 0.4;
/**
 * The same for Chinese and Japanese (character bigrams): the same edit lowers a
 * bigram score more than a word score, and 0.3 is where the Chinese alignment
 * agrees best with the English one at 0.4, with fewer boilerplate pairs than
 * English has at 0.4.
 */
export const CHARACTER_THRESHOLD = 0.3;

export function thresholdFor(language: string): number {
  return isCharacterLanguage(language) ? CHARACTER_THRESHOLD : DEFAULT_THRESHOLD;
}
/** Share of a fragment that must come from one paragraph for a split or merge. */
export const CONTAINMENT_THRESHOLD = 0.7;

export interface AlignOptions {
  /** Overrides the measured default for the language (thresholdFor). */
  threshold?: number;
  /** Share of a fragment that must come from one paragraph for a split or merge. */
  containment?: number;
}

// ---------------------------------------------------------------------------
// Features

/** Feature → count. Chinese bigrams are numbers (two code points), cheaper to hash than strings. */
type Bag = Map<string | number, number>;

/** Masks routine spans, so "78/229" and "80/229" (or two dates) are the same feature. */
function maskRoutine(text: string): string {
  const spans = routineSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const [s, e] of spans) {
    if (e <= pos) continue;
    out += text.slice(pos, Math.max(pos, s)) + ' § ';
    pos = e;
  }
  return out + text.slice(pos);
}

// Words for matching. The official languages other than Chinese all separate
// words with spaces, so a letter-run regex finds the same words as
// Intl.Segmenter at a fraction of the cost (the inline diff still segments).
const WORD = /[\p{L}\p{M}\p{N}§]+/gu;

export function features(text: string, language: string): Bag {
  const bag: Bag = new Map();
  const norm = maskRoutine(text.normalize('NFKC')).toLowerCase();
  if (isCharacterLanguage(language)) {
    // Bigrams of the letters alone: punctuation widths and spacing vary between sources.
    const letters = norm.replace(/[\s\p{P}\p{S}]+/gu, '');
    let prev = -1;
    for (const ch of letters) {
      const cp = ch.codePointAt(0)!;
      if (prev >= 0) {
        const g = prev * 0x110000 + cp;
        bag.set(g, (bag.get(g) ?? 0) + 1);
      }
      prev = cp;
    }
    if (bag.size === 0 && prev >= 0) bag.set(prev, 1);
  } else {
    for (const m of norm.matchAll(WORD)) bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
  }
  return bag;
}

/** A weighted bag as parallel arrays sorted by feature id: overlaps are a linear merge. */
interface Vec {
  ids: Int32Array;
  w: Float64Array;
  total: number;
}

function weigh(bags: Bag[]): { vecs: Vec[]; features: number } {
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
  const vecs = bags.map((b, bi) => {
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
  return { vecs, features: dict.size };
}

function overlap(a: Vec, b: Vec): number {
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

function union(vs: Vec[]): Vec {
  const m = new Map<number, number>();
  for (const v of vs) v.ids.forEach((id, i) => m.set(id, (m.get(id) ?? 0) + v.w[i]));
  const entries = [...m].sort((x, y) => x[0] - y[0]);
  return {
    ids: Int32Array.from(entries.map((e) => e[0])),
    w: Float64Array.from(entries.map((e) => e[1])),
    total: entries.reduce((t, e) => t + e[1], 0),
  };
}

/**
 * Every overlap between the two sides at once, through an inverted index of the
 * newer side: cost grows with shared features only, not with all pairs × sizes.
 */
function overlapMatrix(A: Vec[], B: Vec[], features: number): Float64Array {
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

/** Weighted Dice: 2·shared / (size a + size b). */
function dice(a: Vec, b: Vec): number {
  const d = a.total + b.total;
  return d === 0 ? 0 : (2 * overlap(a, b)) / d;
}

/** Share of `part` found in `whole`. */
function containment(part: Vec, whole: Vec): number {
  return part.total === 0 ? 0 : overlap(part, whole) / part.total;
}

/**
 * "Unchanged" means the same wording: character widths, spacing and letter case
 * aside (the UN's 2024 house style turned "States parties" into "States Parties"
 * in English only; the Chinese text did not change, and neither did the meaning).
 */
function sameText(a: string, b: string): boolean {
  const n = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s]+/g, '');
  return n(a) === n(b);
}

// ---------------------------------------------------------------------------

/**
 * Positions (into `seq`) of the longest strictly increasing subsequence; among
 * equally long ones, the heaviest. When two paragraphs swap, either could be
 * "the one that moved": the weights keep the longer text in place and report
 * the shorter one as moved. Quadratic, which is nothing at a few hundred pairs.
 */
function longestIncreasing(seq: number[], weight: number[]): Set<number> {
  const n = seq.length;
  const len = new Array<number>(n).fill(1);
  const mass = weight.slice();
  const prev = new Array<number>(n).fill(-1);
  let best = -1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (seq[j] >= seq[i]) continue;
      if (len[j] + 1 > len[i] || (len[j] + 1 === len[i] && mass[j] + weight[i] > mass[i])) {
        len[i] = len[j] + 1;
        mass[i] = mass[j] + weight[i];
        prev[i] = j;
      }
    }
    if (best === -1 || len[i] > len[best] || (len[i] === len[best] && mass[i] > mass[best])) best = i;
  }
  const keep = new Set<number>();
  for (let i = best; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

const isText = (p: AlignInput) => p.section !== 'heading';

export function alignParagraphs(from: AlignInput[], to: AlignInput[], language: string, options: AlignOptions = {}): Alignment {
  const threshold = options.threshold ?? thresholdFor(language);
  const containmentThreshold = options.containment ?? CONTAINMENT_THRESHOLD;
  const { vecs, features: nFeatures } = weigh([...from, ...to].map((p) => features(p.text, language)));
  const A = vecs.slice(0, from.length);
  const B = vecs.slice(from.length);
  const nA = from.length;
  const nB = to.length;

  // 1. One-to-one pairs, best first. Ties (repeated wording) go to the closest relative position.
  const candidates: Array<{ i: number; j: number; s: number; d: number }> = [];
  const ov = overlapMatrix(A, B, nFeatures);
  const diceAt = (i: number, j: number) => {
    const d = A[i].total + B[j].total;
    return d === 0 ? 0 : (2 * ov[i * nB + j]) / d;
  };
  for (let i = 0; i < nA; i++) {
    if (A[i].total === 0) continue;
    for (let j = 0; j < nB; j++) {
      if (B[j].total === 0) continue;
      // Headings pair only with headings: a title line is not a reworded paragraph.
      if (isText(from[i]) !== isText(to[j])) continue;
      const s = diceAt(i, j);
      if (s >= threshold) candidates.push({ i, j, s, d: Math.abs(i / Math.max(1, nA) - j / Math.max(1, nB)) });
    }
  }
  candidates.sort((x, y) => y.s - x.s || x.d - y.d);
  const matchA = new Array<number>(nA).fill(-1);
  const matchB = new Array<number>(nB).fill(-1);
  for (const c of candidates) {
    if (matchA[c.i] !== -1 || matchB[c.j] !== -1) continue;
    matchA[c.i] = c.j;
    matchB[c.j] = c.i;
  }

  // 2. Splits: an old paragraph whose content now lives in several new ones,
  // each mostly drawn from it. Merges are the mirror image.
  const groupsA = new Map<number, number[]>(); // old i → new js (split)
  const groupsB = new Map<number, number[]>(); // new j → old is (merged)
  const splitOrMerge = (
    P: Vec[],
    Q: Vec[],
    matchP: number[],
    matchQ: number[],
    groups: Map<number, number[]>,
    other: Map<number, number[]>,
    ovAt: (p: number, q: number) => number,
  ) => {
    for (let q = 0; q < Q.length; q++) {
      if (matchQ[q] !== -1 || Q[q].total === 0) continue;
      let best = -1;
      let bestC = 0;
      for (let p = 0; p < P.length; p++) {
        if (other.has(matchP[p])) continue;
        const c = ovAt(p, q) / Q[q].total;
        if (c > bestC) {
          bestC = c;
          best = p;
        }
      }
      if (best === -1 || bestC < containmentThreshold) continue;
      const members = groups.get(best) ?? (matchP[best] !== -1 ? [matchP[best]] : []);
      // The fragment must add to what already covers the paragraph, not repeat it.
      const before = members.length ? containment(P[best], union(members.map((m) => Q[m]))) : 0;
      const after = containment(P[best], union([...members, q].map((m) => Q[m])));
      if (after - before < 0.1) continue;
      members.push(q);
      groups.set(best, members);
    }
    // A group of one is a plain pair that only step 1's threshold missed.
    for (const [p, members] of groups) {
      if (members.length < 2) {
        groups.delete(p);
        if (members.length === 1 && matchP[p] === -1 && (2 * ovAt(p, members[0])) / (P[p].total + Q[members[0]].total) >= threshold / 2) {
          matchP[p] = members[0];
          matchQ[members[0]] = p;
        }
        continue;
      }
      members.sort((x, y) => x - y);
      for (const m of members) matchQ[m] = p;
      matchP[p] = members[0];
    }
  };
  splitOrMerge(A, B, matchA, matchB, groupsA, groupsB, (i, j) => ov[i * nB + j]);
  splitOrMerge(B, A, matchB, matchA, groupsB, groupsA, (j, i) => ov[i * nB + j]);

  // 3. Build pairs (one per old paragraph or group), then find moves.
  interface Draft extends AlignedPair {
    key: number;
  }
  const pairs: Draft[] = [];
  const doneA = new Set<number>();
  const doneB = new Set<number>();
  for (let i = 0; i < nA; i++) {
    if (doneA.has(i)) continue;
    if (groupsA.has(i)) {
      const js = groupsA.get(i)!;
      js.forEach((j) => doneB.add(j));
      doneA.add(i);
      pairs.push({ kind: 'split', from: [i], to: js, similarity: dice(A[i], union(js.map((j) => B[j]))), moved: false, key: js[0] });
      continue;
    }
    const j = matchA[i];
    if (j === -1) continue;
    if (groupsB.has(j)) {
      const is = groupsB.get(j)!;
      is.forEach((x) => doneA.add(x));
      doneB.add(j);
      pairs.push({ kind: 'merged', from: is, to: [j], similarity: dice(union(is.map((x) => A[x])), B[j]), moved: false, key: j });
      continue;
    }
    doneA.add(i);
    doneB.add(j);
    const kind: PairKind = sameText(from[i].text, to[j].text) ? 'unchanged' : 'modified';
    pairs.push({ kind, from: [i], to: [j], similarity: diceAt(i, j), moved: false, key: j });
  }

  // Moves: pairs outside the longest run that keeps the old order, plus any
  // paragraph that crossed between preamble and operative part.
  // Crossed pairs are moves whatever their order, so they stay out of the run:
  // otherwise they could push a paragraph that stayed put out of it.
  const crossed = pairs.map((p) => p.from.some((i) => p.to.some((j) => from[i].section !== to[j].section)));
  const kept = pairs.map((_, k) => k).filter((k) => !crossed[k]);
  const run = longestIncreasing(
    kept.map((k) => pairs[k].key),
    kept.map((k) => pairs[k].to.reduce((n, j) => n + to[j].text.length, 0)),
  );
  const order = new Set([...run].map((x) => kept[x]));
  pairs.forEach((p, k) => {
    p.moved = !order.has(k) || crossed[k];
    if (p.moved && (p.kind === 'unchanged' || p.kind === 'modified')) p.kind = 'moved';
  });

  // 4. Added and removed; removed ones stand where they stood, after the pair of
  // the old paragraph before them.
  for (let j = 0; j < nB; j++) if (!doneB.has(j)) pairs.push({ kind: 'added', from: [], to: [j], similarity: 0, moved: false, key: j });
  const keyOfOld = new Map<number, number>();
  for (const p of pairs) for (const i of p.from) keyOfOld.set(i, p.key);
  for (let i = 0; i < nA; i++) {
    if (doneA.has(i)) continue;
    let k = -0.5;
    for (let x = i - 1; x >= 0; x--) {
      const key = keyOfOld.get(x);
      if (key !== undefined) {
        k = key + 0.5;
        break;
      }
    }
    keyOfOld.set(i, k);
    pairs.push({ kind: 'removed', from: [i], to: [], similarity: 0, moved: false, key: k + i / (nA + 1) / 10 });
  }
  pairs.sort((x, y) => x.key - y.key);
  return { pairs: pairs.map(({ key: _key, ...p }) => ({ ...p, similarity: Math.round(p.similarity * 1000) / 1000 })) };
}

// ---------------------------------------------------------------------------
// Two documents compared

export interface DocumentRef {
  id: string;
  symbol: string | null;
  title: string;
  language: Language;
  date: string | null;
}

export interface DiffPair {
  kind: PairKind;
  /** Paragraph ids of the older text. */
  from: string[];
  /** Paragraph ids of the newer text. */
  to: string[];
  /** Citation labels, in the same order as the ids. */
  fromLabels: string[];
  toLabels: string[];
  similarity: number;
  /** Order changed (also set on split/merged pairs that moved). */
  moved: boolean;
  /** All edits are routine updates (dates, symbols, sessions). */
  routineOnly: boolean;
  /** Inline changes from the older text to the newer (both sides joined by a new line for split/merged). */
  changes: InlineChange[];
}

export interface DiffStats {
  unchanged: number;
  modified: number;
  moved: number;
  added: number;
  removed: number;
  split: number;
  merged: number;
  /** Modified or moved pairs whose only edits are routine updates. */
  routineOnly: number;
  /** Share of the newer text's characters carried over unchanged (equal runs of every pair), 0–1. */
  carriedOver: number;
}

export interface DocumentDiff {
  from: DocumentRef;
  to: DocumentRef;
  pairs: DiffPair[];
  stats: DiffStats;
}

export interface DiffSide {
  document: DocumentRef;
  paragraphs: AlignInput[];
}

/** Aligns two documents (or a draft and a document) and computes every inline diff. */
export function diffDocuments(from: DiffSide, to: DiffSide, language: string, options: AlignOptions = {}): DocumentDiff {
  const A = from.paragraphs.filter(isText);
  const B = to.paragraphs.filter(isText);
  const { pairs } = alignParagraphs(A, B, language, options);
  const stats: DiffStats = { unchanged: 0, modified: 0, moved: 0, added: 0, removed: 0, split: 0, merged: 0, routineOnly: 0, carriedOver: 0 };
  let carried = 0;
  const out: DiffPair[] = pairs.map((p) => {
    stats[p.kind]++;
    const a = p.from.map((i) => A[i].text).join('\n');
    const b = p.to.map((j) => B[j].text).join('\n');
    const changes = p.kind === 'added' ? [{ type: 'insert' as const, text: b, routine: false }] : p.kind === 'removed' ? [{ type: 'delete' as const, text: a, routine: false }] : inlineDiff(a, b, language);
    const routineOnly = p.kind !== 'added' && p.kind !== 'removed' && onlyRoutine(changes);
    if (routineOnly) stats.routineOnly++;
    for (const c of changes) if (c.type === 'equal') carried += c.text.length;
    return {
      kind: p.kind,
      from: p.from.map((i) => A[i].id),
      to: p.to.map((j) => B[j].id),
      fromLabels: p.from.map((i) => A[i].label),
      toLabels: p.to.map((j) => B[j].label),
      similarity: p.similarity,
      moved: p.moved,
      routineOnly,
      changes,
    };
  });
  const total = B.reduce((n, p) => n + p.text.length, 0);
  stats.carriedOver = total ? Math.round((carried / total) * 1000) / 1000 : 0;
  return { from: from.document, to: to.document, pairs: out, stats };
}

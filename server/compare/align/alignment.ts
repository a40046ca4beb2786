// Paragraph alignment between two versions of a text: which paragraph of the
// older text became which of the newer one, whatever their numbers. Pure (no
// store, no Node imports) so that unsaved drafts are aligned exactly like
// adopted resolutions, in the server or in the browser.
//
// How: each paragraph becomes a bag of features (features.ts) weighted by
// inverse paragraph frequency over both texts (weighted-bags.ts). Pairs are
// taken greedily, best first, above a measured threshold (see
// tests/eval/alignment.md); a pair that would change order needs a higher
// score (a new paragraph on an old template is not a move), and between pairs
// that kept their order a lower one may do (a heavy rewrite in place);
// left-overs that are mostly contained in a paragraph of the other side make
// splits and merges; order changes are found as the paragraphs outside the
// longest run kept in order (increasing.ts).
import type { PairKind } from '../../../core/diff/kinds.js';
import type { Section } from '../../../core/model.js';
import { dice } from '../dice.js';
import { isCharacterLanguage } from '../../../core/languages/index.js';
import { features } from './features.js';
import { longestIncreasing } from './increasing.js';
import { containment, overlapMatrix, union, weigh, weightedDice, type WeightedBag } from './weighted-bags.js';

/** The least a paragraph needs to be aligned: saved or not. */
export interface AlignInput {
  id: string;
  section: Section;
  label: string;
  text: string;
  number?: number | null;
}


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
 * The same for Chinese and Japanese (words of two characters or more, from
 * Intl.Segmenter): 0.45 is where the Chinese alignment agrees best with the
 * English one at 0.4 while its boilerplate pairs stay below 3 %.
 */
export const CHARACTER_THRESHOLD = 0.45;

export function thresholdFor(language: string): number {
  return isCharacterLanguage(language) ? CHARACTER_THRESHOLD : DEFAULT_THRESHOLD;
}
/** Share of a fragment that must come from one paragraph for a split or merge. */
export const CONTAINMENT_THRESHOLD = 0.7;

/**
 * A pair that would move needs this much (words / characters): a paragraph
 * that both changed its wording heavily and changed place is more often a new
 * paragraph on an old template (tests/eval/alignment.md).
 */
export const MOVE_THRESHOLD = { words: 0.5, characters: 0.5 };
/** A pair that keeps its place between two ordered pairs needs only this much (tests/eval/alignment.md). */
export const IN_ORDER_THRESHOLD = { words: 0.4, characters: 0.4 };

export const moveThresholdFor = (language: string) => MOVE_THRESHOLD[isCharacterLanguage(language) ? 'characters' : 'words'];
export const inOrderThresholdFor = (language: string) => IN_ORDER_THRESHOLD[isCharacterLanguage(language) ? 'characters' : 'words'];

/**
 * How much a pair old i → new j looks like it stayed where it was: 1 minus its
 * shift in relative position. When two runs in order are equally long (two
 * paragraphs swapped), the one whose pairs shifted least stays and the other is
 * what moved. Positions only, never the wording: the Chinese and English
 * versions of a text have the same positions, so they name the same paragraph
 * as moved (text length, the weight before, differs between languages and made
 * them name different ones; tests/eval/alignment.md).
 */
function stayWeight(i: number, j: number, nA: number, nB: number): number {
  return 1 - Math.abs(i / Math.max(1, nA) - j / Math.max(1, nB));
}

/**
 * The pairs of `matchA` (old i → new j, −1 for none) that keep their order:
 * the longest in-order run of pairs within one part (preamble / operative),
 * longer texts preferred, as [i, j] sorted by i.
 */
function inOrderPairs(from: AlignInput[], to: AlignInput[], matchA: number[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  matchA.forEach((j, i) => {
    if (j !== -1 && from[i].section === to[j].section) pairs.push([i, j]);
  });
  const run = longestIncreasing(
    pairs.map((p) => p[1]),
    pairs.map((p) => to[p[1]].text.length),
  );
  return pairs.filter((_, k) => run.has(k));
}

/** True when old i → new j keeps the order of `anchors` (sorted by i): after the one before, before the one after. */
function fitsBetween(anchors: Array<[number, number]>, i: number, j: number): boolean {
  let before = -1;
  let after = Infinity;
  for (const [ai, aj] of anchors) {
    if (ai < i) before = aj;
    else if (ai > i) {
      after = aj;
      break;
    }
  }
  return before < j && j < after;
}

export interface AlignOptions {
  /** Overrides the measured default for the language (thresholdFor). */
  threshold?: number;
  /** Least similarity of a pair that changes order (moveThresholdFor); never below `threshold`. */
  move?: number;
  /** Least similarity of a pair that keeps its place between two ordered pairs (inOrderThresholdFor); never above `threshold`. */
  inOrder?: number;
  /** Share of a fragment that must come from one paragraph for a split or merge. */
  containment?: number;
}

/**
 * "Unchanged" means the same text, character for character: whatever the
 * inline diff would show as a change (letter case, a no-break space, a
 * full-width comma) makes the pair modified, its edits marked editorial.
 */
const sameText = (a: string, b: string): boolean => a === b;

/** Text paragraphs, as against headings (title lines): what a diff compares. */
export const isText = (p: AlignInput) => p.section !== 'heading';

export function alignParagraphs(from: AlignInput[], to: AlignInput[], language: string, options: AlignOptions = {}): Alignment {
  const threshold = options.threshold ?? thresholdFor(language);
  const move = Math.max(threshold, options.move ?? moveThresholdFor(language));
  const inOrder = Math.min(threshold, options.inOrder ?? inOrderThresholdFor(language));
  const containmentThreshold = options.containment ?? CONTAINMENT_THRESHOLD;
  const { bags, features: nFeatures } = weigh([...from, ...to].map((p) => features(p.text, language)));
  const A = bags.slice(0, from.length);
  const B = bags.slice(from.length);
  const nA = from.length;
  const nB = to.length;

  // 1. One-to-one pairs, best first. Ties (repeated wording) go to the closest relative position.
  const floor = Math.min(threshold, inOrder);
  const candidates: Array<{ i: number; j: number; s: number; d: number }> = [];
  const ov = overlapMatrix(A, B, nFeatures);
  const diceAt = (i: number, j: number) => dice(ov[i * nB + j], A[i].total, B[j].total);
  for (let i = 0; i < nA; i++) {
    if (A[i].total === 0) continue;
    for (let j = 0; j < nB; j++) {
      if (B[j].total === 0) continue;
      // Headings pair only with headings: a title line is not a reworded paragraph.
      if (isText(from[i]) !== isText(to[j])) continue;
      const s = diceAt(i, j);
      if (s >= floor) candidates.push({ i, j, s, d: Math.abs(i / Math.max(1, nA) - j / Math.max(1, nB)) });
    }
  }
  candidates.sort((x, y) => y.s - x.s || x.d - y.d);
  const matchA = new Array<number>(nA).fill(-1);
  const matchB = new Array<number>(nB).fill(-1);
  const take = (i: number, j: number) => {
    matchA[i] = j;
    matchB[j] = i;
  };
  // 1a. Pairs that need no context: at or above the threshold.
  for (const c of candidates) if (c.s >= threshold && matchA[c.i] === -1 && matchB[c.j] === -1) take(c.i, c.j);
  // 1b. A pair that would be a move needs more: two paragraphs on one template
  // (two conventions' anniversaries) score near the threshold wherever they stand.
  const anchors = inOrderPairs(from, to, matchA);
  for (let i = 0; i < nA; i++) {
    const j = matchA[i];
    if (j !== -1 && !anchors.some((a) => a[0] === i) && diceAt(i, j) < move) {
      matchA[i] = -1;
      matchB[j] = -1;
    }
  }
  // 1c. Between two paragraphs that kept their order, a heavy rewording of the
  // paragraph that stood there is still its successor: a lower bar, in order only.
  for (const c of candidates) {
    if (c.s < inOrder || matchA[c.i] !== -1 || matchB[c.j] !== -1 || from[c.i].section !== to[c.j].section) continue;
    if (!fitsBetween(anchors, c.i, c.j)) continue;
    take(c.i, c.j);
    anchors.push([c.i, c.j]);
    anchors.sort((x, y) => x[0] - y[0]);
  }

  // 2. Splits: an old paragraph whose content now lives in several new ones,
  // each mostly drawn from it. Merges are the mirror image.
  const groupsA = new Map<number, number[]>(); // old i → new js (split)
  const groupsB = new Map<number, number[]>(); // new j → old is (merged)
  const splitOrMerge = (
    P: WeightedBag[],
    Q: WeightedBag[],
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
        if (members.length === 1 && matchP[p] === -1 && dice(ovAt(p, members[0]), P[p].total, Q[members[0]].total) >= threshold / 2) {
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
      pairs.push({ kind: 'split', from: [i], to: js, similarity: weightedDice(A[i], union(js.map((j) => B[j]))), moved: false, key: js[0] });
      continue;
    }
    const j = matchA[i];
    if (j === -1) continue;
    if (groupsB.has(j)) {
      const is = groupsB.get(j)!;
      is.forEach((x) => doneA.add(x));
      doneB.add(j);
      pairs.push({ kind: 'merged', from: is, to: [j], similarity: weightedDice(union(is.map((x) => A[x])), B[j]), moved: false, key: j });
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
    kept.map((k) => stayWeight(pairs[k].from[0], pairs[k].to[0], nA, nB)),
  );
  const order = new Set([...run].map((x) => kept[x]));
  pairs.forEach((p, k) => {
    p.moved = !order.has(k) || crossed[k];
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

// Pairs the paragraphs of two language versions of one document (same symbol,
// other language). Pure. The AKN files give the same paragraph the same eId in
// every language, and that is trusted first; but the PDF-text seeds carry no
// eIds, and a language's file sometimes splits or merges a paragraph so that
// its eIds shift against the others. Text features that survive translation
// decide those cases: the part (preamble, operative), the OP number, the
// position within the part, the numbers and symbols in the text ("57/173",
// "2030") and the paragraph's share of its part's length. A pair made without
// an agreeing eId is reported as inferred.
import type { Section } from '../../core/model.js';

export interface AlignableParagraph {
  id: string;
  section: Section;
  /** OP number (operative), paragraph number (reports); null otherwise. */
  number: number | null;
  eId?: string | null;
  text: string;
}

export interface TranslationPair {
  /** The paragraph's id in the other language version. */
  id: string;
  /** True unless both carry the same eId. */
  inferred: boolean;
}

/** A pair scored below this on features alone is left unpaired rather than guessed. */
const MIN_SCORE = 0.45;
/** What a shared eId adds: enough to keep any plausible pair, not enough to keep a pair the features contradict. */
const EID_BONUS = 0.6;

interface Features {
  section: Section;
  number: number | null;
  eId: string | null;
  /** Position within its part, 0..1. */
  position: number;
  /** Share of its part's length, 0..1. */
  lengthShare: number;
  numbers: Map<string, number>;
}

/** Arabic-Indic and Persian digits as ASCII, full-width forms folded (NFKC). */
function asciiDigits(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/**
 * The numbers a translation keeps as they are: "57/173", "2030", "A/RES/75/1" (as "75/1").
 * Single digits are left out: languages spell them in words ("two", "两").
 */
export function numbersOf(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const m of asciiDigits(text).matchAll(/\d+(?:[/.]\d+)*/g)) {
    const n = m[0].replace(/\.$/, '');
    if (n.length < 2 && !n.includes('/')) continue;
    bag.set(n, (bag.get(n) ?? 0) + 1);
  }
  return bag;
}

function featuresOf(paragraphs: readonly AlignableParagraph[]): Features[] {
  const bySection = new Map<Section, AlignableParagraph[]>();
  for (const p of paragraphs) bySection.set(p.section, [...(bySection.get(p.section) ?? []), p]);
  const totals = new Map<Section, number>();
  for (const [s, ps] of bySection) totals.set(s, ps.reduce((sum, p) => sum + p.text.length, 0) || 1);
  const seen = new Map<Section, number>();
  return paragraphs.map((p) => {
    const k = seen.get(p.section) ?? 0;
    seen.set(p.section, k + 1);
    const n = bySection.get(p.section)!.length;
    return {
      section: p.section,
      number: p.number,
      eId: p.eId ?? null,
      position: n > 1 ? k / (n - 1) : 0.5,
      lengthShare: p.text.length / totals.get(p.section)!,
      numbers: numbersOf(p.text),
    };
  });
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [k, n] of a) {
    shared += Math.min(n, b.get(k) ?? 0);
    total += n;
  }
  for (const n of b.values()) total += n;
  return total ? (2 * shared) / total : 0;
}

/**
 * How alike two paragraphs of two language versions are, 0..1, on features a
 * translation keeps; 0 across parts (a preambular paragraph is never an operative one).
 */
function translationScore(a: Features, b: Features): number {
  if (a.section !== b.section) return 0;
  let sum = 0;
  let weight = 0;
  const add = (value: number, w: number) => {
    sum += value * w;
    weight += w;
  };
  if (a.number !== null && b.number !== null) add(a.number === b.number ? 1 : 0, 1);
  if (a.numbers.size || b.numbers.size) add(dice(a.numbers, b.numbers), 0.8);
  const longer = Math.max(a.lengthShare, b.lengthShare);
  add(longer ? Math.min(a.lengthShare, b.lengthShare) / longer : 1, 0.6);
  add(1 - Math.abs(a.position - b.position), 0.6);
  return sum / weight;
}

/**
 * Each paragraph of `source` paired with its translation in `target`, by id;
 * a paragraph with no counterpart is absent. Order is kept within each part
 * (translations do not reorder paragraphs), and each target paragraph is used once.
 */
export function alignTranslations(source: readonly AlignableParagraph[], target: readonly AlignableParagraph[]): Map<string, TranslationPair> {
  const fs = featuresOf(source);
  const ft = featuresOf(target);
  const pairs = new Map<string, TranslationPair>();
  const sections = new Set(source.map((p) => p.section));
  for (const section of sections) {
    const si = source.flatMap((p, i) => (p.section === section ? [i] : []));
    const ti = target.flatMap((p, i) => (p.section === section ? [i] : []));
    if (ti.length === 0) continue;
    // Monotone alignment maximising the total gain over MIN_SCORE (skips cost nothing).
    const gain = (i: number, j: number) => {
      const a = fs[si[i]];
      const b = ft[ti[j]];
      const sameEId = a.eId !== null && a.eId === b.eId;
      return translationScore(a, b) - MIN_SCORE + (sameEId ? EID_BONUS : 0);
    };
    const m = si.length;
    const n = ti.length;
    const best: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(n + 1));
    for (let i = m - 1; i >= 0; i--) {
      for (let j = n - 1; j >= 0; j--) {
        const g = gain(i, j);
        best[i][j] = Math.max(best[i + 1][j], best[i][j + 1], g > 0 ? g + best[i + 1][j + 1] : -Infinity);
      }
    }
    let i = 0;
    let j = 0;
    while (i < m && j < n) {
      const g = gain(i, j);
      if (g > 0 && best[i][j] === g + best[i + 1][j + 1]) {
        const a = source[si[i]];
        const b = target[ti[j]];
        pairs.set(a.id, { id: b.id, inferred: !(a.eId && a.eId === b.eId) });
        i++;
        j++;
      } else if (best[i][j] === best[i + 1][j]) i++;
      else j++;
    }
  }
  return pairs;
}

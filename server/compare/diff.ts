// Two documents (or a draft and a document) compared as a negotiator reads
// them: their paragraphs aligned (align/), each pair's inline changes, and
// counts of what changed. Pure, like the alignment.
import { inlineDiff, onlyRoutine, type InlineChange } from '../../core/diff/inline.js';
import type { PairKind } from '../../core/diff/kinds.js';
import type { Language } from '../../core/model.js';
import { alignParagraphs, isText, type AlignInput, type AlignOptions } from './align/alignment.js';

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
  /** Order changed relative to the rest, or crossed between preamble and operative part; any kind but added/removed. */
  moved: boolean;
  /** All edits are routine updates (dates, symbols, sessions) or editorial (letter case, spacing). */
  routineOnly: boolean;
  /** Inline changes from the older text to the newer (both sides joined by a new line for split/merged). */
  changes: InlineChange[];
}

/**
 * Counts of a comparison. The six kinds add up to the number of pairs; `moved`
 * and `routineOnly` count pairs that are also counted under their kind.
 */
export interface DiffStats {
  unchanged: number;
  modified: number;
  added: number;
  removed: number;
  split: number;
  merged: number;
  /** Pairs whose order changed (`moved: true`), whatever their kind. */
  moved: number;
  /** Pairs with edits, every one of them routine or editorial (`routineOnly: true`). */
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
  const stats: DiffStats = { unchanged: 0, modified: 0, added: 0, removed: 0, split: 0, merged: 0, moved: 0, routineOnly: 0, carriedOver: 0 };
  let carried = 0;
  const out: DiffPair[] = pairs.map((p) => {
    stats[p.kind]++;
    if (p.moved) stats.moved++;
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

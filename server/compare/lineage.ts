// Paragraph lineage: the same paragraph in each earlier version of its series,
// found by aligning each version with the one before it, and the version where
// it first appeared, which is exact only when the corpus holds the version
// before it. Pure over a `diff` function, so the walk is testable and the
// service decides how alignments are cached.
import type { PairKind } from '../../core/diff/kinds.js';
import type { DocumentDiff, DocumentRef } from './diff.js';
import type { InlineChange } from '../../core/diff/inline.js';

export interface LineageParagraph {
  id: string;
  label: string;
  text: string;
}

export interface LineageStep {
  /** The earlier version. */
  document: DocumentRef;
  /** The paragraph(s) of that version the later one came from. */
  paragraphs: LineageParagraph[];
  /** How they became the later version's paragraph(s): unchanged, modified, split, merged. */
  kind: PairKind;
  similarity: number;
  routineOnly: boolean;
  /** Inline changes from this version to the next newer step. */
  changes: InlineChange[];
}

export interface Lineage {
  paragraph: LineageParagraph & { documentId: string };
  /** The paragraph's document, named by its symbol wherever a person reads it. */
  document: DocumentRef;
  series: { id: string; title: string } | null;
  /** Newest first: the previous version, then the one before it, … */
  ancestors: LineageStep[];
  firstAppeared: {
    document: DocumentRef;
    paragraphIds: string[];
    /**
     * True when that is the oldest version the corpus holds: the paragraph may
     * be older still.
     */
    oldestInCorpus: boolean;
    /**
     * True only when the series' previous version is in the corpus and lacks the
     * paragraph: then it first appeared here. Otherwise it is at least as old.
     */
    exact: boolean;
    /** Sessions just before it whose versions the corpus lacks (none when exact or oldest). */
    missingSessions: number[];
  };
}

export interface LineageSource {
  /** The series' versions, oldest first. */
  versions: DocumentRef[];
  diff(fromId: string, toId: string): DocumentDiff;
  paragraph(id: string): LineageParagraph | null;
  /**
   * Sessions between versions[index - 1] and versions[index] whose versions the
   * corpus lacks (a gap not known to be empty); [] when versions[index - 1] is
   * the previous version.
   */
  missingBefore(index: number): number[];
}

/** Walks back from `start` (a paragraph of versions[at]) through the earlier versions. */
export function walkLineage(source: LineageSource, at: number, startIds: string[]): Pick<Lineage, 'ancestors' | 'firstAppeared'> {
  const ancestors: LineageStep[] = [];
  let current = startIds;
  let k = at;
  while (k > 0) {
    const diff = source.diff(source.versions[k - 1].id, source.versions[k].id);
    const pairs = diff.pairs.filter((p) => p.from.length > 0 && p.to.some((id) => current.includes(id)));
    if (pairs.length === 0) break;
    const fromIds = [...new Set(pairs.flatMap((p) => p.from))];
    // One pair in the usual case; several when the paragraph merged pieces that
    // were themselves split: report the closest one's kind and changes.
    const main = pairs.reduce((a, b) => (b.similarity > a.similarity ? b : a));
    ancestors.push({
      document: source.versions[k - 1],
      paragraphs: fromIds.map((id) => source.paragraph(id)).filter((p): p is LineageParagraph => p !== null),
      kind: main.kind,
      similarity: main.similarity,
      routineOnly: main.routineOnly,
      changes: main.changes,
    });
    current = fromIds;
    k--;
  }
  const missingSessions = k > 0 ? source.missingBefore(k) : [];
  return {
    ancestors,
    firstAppeared: {
      document: source.versions[k],
      paragraphIds: current,
      oldestInCorpus: k === 0,
      exact: k > 0 && missingSessions.length === 0,
      missingSessions,
    },
  };
}

// walkLineage on hand-made diffs: where a paragraph first appeared, and when
// that claim is exact (the corpus holds the version before) or only "at least
// as old as" (the oldest version held, or a hole in the corpus before it).
import { describe, expect, it } from 'vitest';
import { walkLineage, type LineageSource } from '../../server/compare/lineage.js';
import type { DiffPair, DocumentDiff, DocumentRef } from '../../server/compare/diff.js';

const ref = (n: number): DocumentRef => ({ id: `v${n}`, symbol: `A/RES/${n}/1`, title: 't', language: 'en', date: null });
const pair = (from: string, to: string): DiffPair => ({
  kind: 'unchanged', from: [from], to: [to], fromLabels: ['OP 1'], toLabels: ['OP 1'], similarity: 1, moved: false, routineOnly: false, changes: [],
});

/** Versions 62, 69, 70, 71; `present` says which of them hold the paragraph p. */
function source(present: number[], missing: Record<number, number[]> = {}): LineageSource {
  const versions = [62, 69, 70, 71].map(ref);
  return {
    versions,
    diff: (a, b): DocumentDiff => {
      const [x, y] = [Number(a.slice(1)), Number(b.slice(1))];
      const pairs = present.includes(x) && present.includes(y) ? [pair(`${a}.p`, `${b}.p`)] : [];
      return { from: ref(x), to: ref(y), pairs, stats: {} as DocumentDiff['stats'] };
    },
    paragraph: (id) => ({ id, label: 'OP 1', text: 'x' }),
    missingBefore: (i) => missing[i] ?? [],
  };
}

describe('walkLineage: firstAppeared', () => {
  it('is exact when the previous version is in the corpus and lacks the paragraph', () => {
    const w = walkLineage(source([70, 71]), 3, ['v71.p']);
    expect(w.ancestors.map((a) => a.document.id)).toEqual(['v70']);
    expect(w.firstAppeared).toMatchObject({ document: { id: 'v70' }, exact: true, oldestInCorpus: false, missingSessions: [] });
  });

  it('is "at least as old as" when the versions before it are missing from the corpus', () => {
    const w = walkLineage(source([69, 70, 71], { 1: [63, 64, 65, 66, 67, 68] }), 3, ['v71.p']);
    expect(w.firstAppeared).toMatchObject({ document: { id: 'v69' }, exact: false, oldestInCorpus: false, missingSessions: [63, 64, 65, 66, 67, 68] });
  });

  it('is "at least as old as" at the oldest version the corpus holds', () => {
    const w = walkLineage(source([62, 69, 70, 71]), 3, ['v71.p']);
    expect(w.firstAppeared).toMatchObject({ document: { id: 'v62' }, exact: false, oldestInCorpus: true, missingSessions: [] });
  });
});

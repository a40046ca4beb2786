// The Dice coefficient, 2·shared / (size a + size b), 0 when both are empty: the
// one formula behind every "how much do two texts share" score. The scores
// differ in what they count, never in how a count becomes a score: title
// bigrams (series.ts), idf-weighted paragraph features (align/weighted-bags.ts),
// units in shared passages (search/similarity.ts).

export function dice(shared: number, sizeA: number, sizeB: number): number {
  const total = sizeA + sizeB;
  return total === 0 ? 0 : (2 * shared) / total;
}

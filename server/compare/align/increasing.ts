// The longest run of aligned paragraphs that kept their order: whatever falls
// outside it is what moved.

/**
 * Positions (into `seq`) of the longest strictly increasing subsequence; among
 * equally long ones, the heaviest. When two paragraphs swap, either could be
 * "the one that moved": the weights (the caller's) decide which stays.
 * Quadratic, which is nothing at a few hundred pairs.
 */
export function longestIncreasing(seq: number[], weight: number[]): Set<number> {
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

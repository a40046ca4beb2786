// The second candidate source of suggest: paragraphs sharing runs of the
// similarity's own units with the query. A shingle is a run of minRun(lang)
// consecutive units (3 words; 4 characters in Chinese, whose units are
// characters: nothing here splits on white space), hashed to 32 bits. Each
// paragraph's distinct shingles are posted under their hash; a query counts,
// per paragraph, the query units its shared shingles cover, and the paragraphs
// that promise the highest similarity become candidates beside BM25's.
//
// Why: BM25 over a query's rarest terms finds paragraphs that share a rare
// word, but the similarity counts shared runs of any words, and a long run of
// common words ("Requests the Office of the United Nations High Commissioner
// for Human Rights to") is often what makes a paragraph the best match; its
// terms are too common for the postings budget (tests/bench/search-results.md).
// Counting shared shingles costs a few nanoseconds per posting (typed arrays,
// no objects), so every shingle of the query can be looked up.
//
// Layout, in memory and on disk (`<prefix>.shingles`, one file of uint32):
// sorted distinct hashes (keys), offsets into the postings (CSR), postings
// (slots, ascending within a key), and each slot's length in units. Paragraphs
// added since (imports while serving, or a build) sit in a pending list of
// (hash, slot) pairs, scanned linearly while short and merged into the sorted
// arrays when long and on save; removed slots are dropped on the next merge
// (until then the caller's filter rejects them). Hash collisions only add
// candidates: every candidate is re-scored exactly by the similarity.
import type { Language } from '../../core/model.js';
import { units } from './analyse.js';
import { readChecked, readCheckedAsync, writeAtomic, type Checksums } from './checked-files.js';
import { counting, minRun, unitWeight } from './similarity.js';

/** "SHG1": the file's first word; the second is the layout version below. */
const MAGIC = 0x31474853;
const LAYOUT = 1;
const HEADER_WORDS = 6;

/** Pending pairs scanned at query time up to this many; beyond, they are merged first. */
const PENDING_SCAN_LIMIT = 1 << 18;

/** A text's shingles: in text order (a query), distinct and ascending (a paragraph indexed), and its length in units. */
export interface Shingled {
  /** Hash of the shingle starting at each unit, in text order. */
  sequence: Uint32Array;
  /** The distinct hashes, ascending. */
  hashes: Uint32Array;
  /** Weight of the units before each unit (n + 1 entries: the last is the text's weight), as similarity.ts weighs them. */
  before: Float64Array;
}

/** 32-bit FNV-1a of a unit key. */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3's finaliser: spreads the combined unit hashes over all 32 bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The shingles of a text in a language (see the header). */
export function shingles(text: string, lang: Language): Shingled {
  const us = units(text, lang);
  const k = minRun(lang);
  const n = us.length;
  const before = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) before[i + 1] = before[i] + unitWeight(us[i].key, lang);
  if (n < k) return { sequence: new Uint32Array(0), hashes: new Uint32Array(0), before };
  const unitHashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) unitHashes[i] = keyHash(us[i].key);
  const sequence = new Uint32Array(n - k + 1);
  for (let i = 0; i + k <= n; i++) {
    let h = k;
    for (let j = 0; j < k; j++) h = Math.imul(h ^ unitHashes[i + j], 0x9e3779b1) + j;
    sequence[i] = mix(h);
  }
  const sorted = sequence.slice().sort();
  let m = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[m++] = sorted[i];
  return { sequence, hashes: sorted.slice(0, m), before };
}

export interface ShingleHit {
  slot: number;
  /**
   * The shared units as the similarity counts them, estimated: the query units
   * covered by the shingles shared with the paragraph (runs of overlapping
   * shingles), each run weighted as similarity.ts weighs a passage of its length.
   */
  shared: number;
  /** Estimated similarity, the order candidates are taken in. */
  estimate: number;
}

/** Grows a typed array to hold at least `n` elements. */
function grow(a: Uint32Array<ArrayBufferLike>, n: number): Uint32Array<ArrayBufferLike> {
  if (n <= a.length) return a;
  const b = new Uint32Array(Math.max(n, a.length * 2, 1024));
  b.set(a);
  return b;
}

export class ShingleIndex {
  private keys: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private offsets: Uint32Array<ArrayBufferLike> = new Uint32Array(1);
  private postings: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  /** Weight of each slot's paragraph (similarity.ts: units, Chinese numbers by their digits). */
  private lengths: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private slotCount = 0;
  private pendingHash: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private pendingSlot: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private pendingCount = 0;
  /** Removed since the last merge. */
  private readonly dead = new Set<number>();
  /**
   * Scratch per query, per slot: 1 + the query position of the last shingle
   * shared (0: none yet), that of the first shingle of the run it extends,
   * the weight of the runs before it; and the slots touched.
   */
  private last = new Uint32Array(0);
  private start = new Uint32Array(0);
  private done = new Float32Array(0);
  private touched = new Uint32Array(0);

  /** Distinct shingles indexed (postings), pending ones included. */
  get postingCount(): number {
    return this.postings.length + this.pendingCount;
  }

  /** Bytes of typed arrays held (index and scratch). */
  get bytes(): number {
    return (
      this.keys.byteLength + this.offsets.byteLength + this.postings.byteLength + this.lengths.byteLength +
      this.pendingHash.byteLength + this.pendingSlot.byteLength + this.last.byteLength + this.start.byteLength + this.done.byteLength + this.touched.byteLength
    );
  }

  /** Indexes the paragraph at `slot` (slots only grow: a slot is never reused). */
  add(slot: number, text: string, lang: Language): void {
    const { hashes, before } = shingles(text, lang);
    this.lengths = grow(this.lengths, slot + 1);
    this.lengths[slot] = before[before.length - 1];
    this.slotCount = Math.max(this.slotCount, slot + 1);
    const n = this.pendingCount + hashes.length;
    this.pendingHash = grow(this.pendingHash, n);
    this.pendingSlot = grow(this.pendingSlot, n);
    this.pendingHash.set(hashes, this.pendingCount);
    this.pendingSlot.fill(slot, this.pendingCount, n);
    this.pendingCount = n;
  }

  remove(slot: number): void {
    if (slot < this.slotCount) this.dead.add(slot);
  }

  /** Postings of a hash in the sorted arrays: [start, end) in `postings`. */
  private range(hash: number): [number, number] {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] < hash) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.keys.length && this.keys[lo] === hash ? [this.offsets[lo], this.offsets[lo + 1]] : [0, 0];
  }

  /**
   * The `limit` slots with the best estimated similarity among those sharing a
   * shingle with the query and passing `accept` (asked only of slots that would
   * enter the best `limit`), best first. The query's shingles are taken in text
   * order, so each paragraph's shared shingles form runs over the query whose
   * lengths are known (a few array accesses per posting): the similarity's
   * passages, estimated. Counting shingles alone underrated paragraphs sharing
   * many 3-word runs (a run of n units holds n − k + 1 shingles) and overrated,
   * in Chinese, those sharing many short set phrases (a passage under 8
   * characters counts in part).
   */
  search(query: Shingled, lang: Language, limit: number, accept: (slot: number) => boolean): ShingleHit[] {
    if (query.sequence.length === 0 || limit <= 0) return [];
    if (this.pendingCount > PENDING_SCAN_LIMIT) this.merge();
    if (this.last.length < this.slotCount) {
      const n = this.slotCount + (this.slotCount >> 3);
      this.last = new Uint32Array(n);
      this.start = new Uint32Array(n);
      this.done = new Float32Array(n);
      this.touched = new Uint32Array(n);
    }
    const k = minRun(lang);
    const how = counting(lang);
    const before = query.before;
    const nq = Math.max(1, before[before.length - 1]);
    const { last, start, done, touched } = this;
    // A passage's weight as similarity.ts counts it (full from `how.full`, or when it is all of the shorter text).
    const weigh = (from: number, to: number, np: number) => {
      const w = before[to] - before[from];
      return w * Math.min(1, w / Math.min(how.full, nq, np));
    };
    let nTouched = 0;
    // A shingle shared at query position `at` (1-based): its span [at, at + k) extends the slot's run or starts one.
    const share = (slot: number, at: number) => {
      const prev = last[slot];
      if (prev === 0) {
        touched[nTouched++] = slot;
        start[slot] = at;
        done[slot] = 0;
      } else if (at - prev >= k) {
        done[slot] += weigh(start[slot] - 1, prev - 1 + k, Math.max(1, this.lengths[slot]));
        start[slot] = at;
      }
      last[slot] = at;
    };
    let pending: Map<number, number[]> | null = null;
    if (this.pendingCount > 0) {
      pending = new Map();
      for (const h of query.hashes) pending.set(h, []);
      for (let i = 0; i < this.pendingCount; i++) pending.get(this.pendingHash[i])?.push(this.pendingSlot[i]);
    }
    const seq = query.sequence;
    for (let i = 0; i < seq.length; i++) {
      const [start, end] = this.range(seq[i]);
      for (let j = start; j < end; j++) share(this.postings[j], i + 1);
      const more = pending?.get(seq[i]);
      if (more) for (const slot of more) share(slot, i + 1);
    }
    // Best `limit` by estimate: a min-heap, `accept` asked only of slots that would enter it.
    const heap: ShingleHit[] = [];
    const p = how.precedent;
    for (let t = 0; t < nTouched; t++) {
      const slot = touched[t];
      const np = Math.max(1, this.lengths[slot]);
      // No more than either text holds: runs repeated in the query may share one passage of the paragraph.
      const shared = Math.min(done[slot] + weigh(start[slot] - 1, last[slot] - 1 + k, np), np, nq);
      last[slot] = 0;
      // similarity.ts with these passages: coverage and Dice, halved.
      const est = ((1 - p) * Math.min(1, shared / nq) + p * Math.min(1, shared / np) + Math.min(1, (2 * shared) / (nq + np))) / 2;
      if (heap.length >= limit && est <= heap[0].estimate) continue;
      if (!accept(slot)) continue;
      const hit = { slot, shared, estimate: est };
      if (heap.length < limit) heapPush(heap, hit);
      else heapReplaceTop(heap, hit);
    }
    return heap.sort((a, b) => b.estimate - a.estimate || a.slot - b.slot);
  }

  /** Folds the pending pairs into the sorted arrays and drops removed slots' postings. */
  merge(): void {
    if (this.pendingCount === 0 && this.dead.size === 0) return;
    const n = this.pendingCount;
    const hashes = this.pendingHash.subarray(0, n);
    const slots = this.pendingSlot.subarray(0, n);
    sortPairs(hashes, slots);
    const dead = this.dead;
    const alive = (slot: number) => dead.size === 0 || !dead.has(slot);
    // Upper bounds; trimmed below.
    const keys = new Uint32Array(this.keys.length + n);
    const offsets = new Uint32Array(this.keys.length + n + 1);
    const postings = new Uint32Array(this.postings.length + n);
    let nk = 0;
    let np = 0;
    let a = 0; // next key of the sorted arrays
    let b = 0; // next pending pair
    while (a < this.keys.length || b < n) {
      const key = b >= n || (a < this.keys.length && this.keys[a] <= hashes[b]) ? this.keys[a] : hashes[b];
      const before = np;
      // Older slots first: the sorted arrays hold only slots older than any pending one.
      if (a < this.keys.length && this.keys[a] === key) {
        for (let i = this.offsets[a]; i < this.offsets[a + 1]; i++) if (alive(this.postings[i])) postings[np++] = this.postings[i];
        a++;
      }
      while (b < n && hashes[b] === key) {
        if (alive(slots[b])) postings[np++] = slots[b];
        b++;
      }
      if (np > before) {
        keys[nk] = key;
        offsets[++nk] = np;
      }
    }
    this.keys = keys.slice(0, nk);
    this.offsets = offsets.slice(0, nk + 1);
    this.postings = postings.slice(0, np);
    this.pendingHash = new Uint32Array(0);
    this.pendingSlot = new Uint32Array(0);
    this.pendingCount = 0;
    this.dead.clear();
  }

  /** Writes `<prefix>.shingles` (merged first), recording its checksum in `sums`. */
  save(prefix: string, sums: Checksums): void {
    this.merge();
    const header = new Uint32Array([MAGIC, LAYOUT, this.slotCount, this.keys.length, this.postings.length, 0]);
    const all = new Uint32Array(HEADER_WORDS + this.slotCount + this.keys.length + this.keys.length + 1 + this.postings.length);
    let at = 0;
    for (const part of [header, this.lengths.subarray(0, this.slotCount), this.keys, this.offsets, this.postings]) {
      all.set(part, at);
      at += part.length;
    }
    writeAtomic(`${prefix}.shingles`, new Uint8Array(all.buffer), sums);
  }

  /** Reads the file save() wrote; throws DamagedIndexFile when it does not match its checksum. */
  static load(prefix: string, sums: Checksums): ShingleIndex {
    return ShingleIndex.from(readChecked(`${prefix}.shingles`, sums));
  }

  static async loadAsync(prefix: string, sums: Checksums): Promise<ShingleIndex> {
    return ShingleIndex.from(await readCheckedAsync(`${prefix}.shingles`, sums));
  }

  private static from(buf: Buffer): ShingleIndex {
    if (buf.byteLength % 4 !== 0 || buf.byteLength < HEADER_WORDS * 4) throw new Error('shingle index: not a whole number of words');
    // A Uint32Array view needs 4-byte alignment: copy when the buffer is not aligned.
    const words =
      buf.byteOffset % 4 === 0 ? new Uint32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4) : new Uint32Array(new Uint8Array(buf).buffer);
    const [magic, layout, slotCount, keyCount, postingCount] = words;
    if (magic !== MAGIC || layout !== LAYOUT) throw new Error('shingle index: unknown layout');
    if (words.length !== HEADER_WORDS + slotCount + 2 * keyCount + 1 + postingCount) throw new Error('shingle index: sizes do not match');
    const index = new ShingleIndex();
    let at = HEADER_WORDS;
    const take = (n: number) => words.subarray(at, (at += n));
    index.slotCount = slotCount;
    index.lengths = take(slotCount);
    index.keys = take(keyCount);
    index.offsets = take(keyCount + 1);
    index.postings = take(postingCount);
    return index;
  }
}

/**
 * Sorts pairs by hash in place, stable (slots stay ascending within a hash):
 * LSD radix sort in two 16-bit passes, linear where a comparison sort of tens
 * of millions of pairs would take seconds; two passes leave the result in the
 * arrays given.
 */
function sortPairs(hashes: Uint32Array, slots: Uint32Array): void {
  const n = hashes.length;
  let h = hashes;
  let s = slots;
  let h2: Uint32Array<ArrayBufferLike> = new Uint32Array(n);
  let s2: Uint32Array<ArrayBufferLike> = new Uint32Array(n);
  const counts = new Uint32Array(65536 + 1);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((h[i] >>> shift) & 0xffff) + 1]++;
    for (let d = 1; d <= 65536; d++) counts[d] += counts[d - 1];
    for (let i = 0; i < n; i++) {
      const at = counts[(h[i] >>> shift) & 0xffff]++;
      h2[at] = h[i];
      s2[at] = s[i];
    }
    [h, h2] = [h2, h];
    [s, s2] = [s2, s];
  }
}

function heapPush(heap: ShingleHit[], hit: ShingleHit): void {
  heap.push(hit);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent].estimate <= hit.estimate) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = hit;
}

function heapReplaceTop(heap: ShingleHit[], hit: ShingleHit): void {
  const n = heap.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && heap[r].estimate < heap[l].estimate ? r : l;
    if (heap[c].estimate >= hit.estimate) break;
    heap[i] = heap[c];
    i = c;
  }
  heap[i] = hit;
}

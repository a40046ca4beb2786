// Candidate generation for one language: MiniSearch (BM25) over paragraphs that
// the analyser (analyse.ts) has already turned into terms, plus the document
// frequencies that query pruning needs, persisted as MiniSearch's own maps in
// a compact binary file (see PersistedMiniSearch). Stop terms, too common for
// pruning ever to search them while rarer ones remain, get no postings
// (STOP_SHARE): at a million paragraphs those postings were half the heap.
//
// Why the terms arrive pre-analysed: the analyser (segmenter or bigrams for
// Chinese, stemmers elsewhere) is shared with pruning and the similarity, so
// MiniSearch only has to split on a separator. processTerm hex-encodes CJK
// characters (encodeTerm): a radix-tree root with thousands of single-Han
// children made MiniSearch's inserts and loads several times slower.
import MiniSearch, { type Options } from 'minisearch';
import { encodeTerm } from './analyse.js';
import { readChecked, readCheckedAsync, writeAtomic, type Checksums } from './checked-files.js';

export interface Hit {
  slot: number;
  score: number;
  /** Query terms the paragraph has (MiniSearch multiplies their summed scores by it). */
  matched: number;
}

/** MiniSearch's BM25+ for one term of one paragraph, with its default parameters (k 1.2, b 0.7, d 0.5). */
function bm25(termFrequency: number, documentFrequency: number, paragraphs: number, length: number, averageLength: number): number {
  const k = 1.2;
  const b = 0.7;
  const d = 0.5;
  const idf = Math.log(1 + (paragraphs - documentFrequency + 0.5) / (documentFrequency + 0.5));
  return idf * (d + (termFrequency * (k + 1)) / (termFrequency + k * (1 - b + (b * length) / averageLength)));
}

/** Terms are joined with it; no analyser term contains a space. */
const SEPARATOR = ' ';

interface Doc {
  slot: number;
  terms: string;
}

const split = (s: string): string[] => (s ? s.split(SEPARATOR) : []);

/**
 * MiniSearch's options for an index whose stop terms (see STOP_SHARE) get no
 * postings: processTerm drops them, when indexing (MiniSearch still counts
 * them in the field length, so BM25's length normalisation is unchanged) and
 * in queries.
 */
function optionsFor(stop: ReadonlySet<string>): Options<Doc> {
  const processTerm = (term: string) => (stop.has(term) ? null : encodeTerm(term));
  return {
    idField: 'slot',
    fields: ['terms'],
    storeFields: [],
    tokenize: split,
    processTerm,
    searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false, tokenize: split, processTerm },
  };
}

/**
 * A term in more than this share of a language's paragraphs becomes a stop
 * term: MiniSearch indexes no postings for it. Query pruning (suggest.ts
 * pruneTerms, phrase.ts keywordTerms) drops terms over the same share as
 * boilerplate whenever three rarer ones remain, so their postings, about half
 * of all in English and in Chinese words (tests/bench/search-results.md), were
 * nearly dead weight. Where pruning does keep one (a keyword query with fewer
 * than three rarer terms), it re-scores the hits of the rarer ones
 * (rescoreWithStopTerms); a query made only of them is answered as a phrase
 * (phrase.ts).
 */
export const STOP_SHARE = 0.05;
/**
 * Below this many paragraphs a language has no stop terms: a share means
 * little in a small index (and tests with a handful of paragraphs keep every term).
 */
export const STOP_MIN_PARAGRAPHS = 5000;
/**
 * A stop term whose share has fallen to this is given its postings back
 * (CandidateIndex.readmit, after a sync): a term common in the first
 * paragraphs indexed ("nuclear", "2019" in a corpus that starts with those
 * sessions) can be rare in the whole. Below STOP_SHARE, so that a term
 * hovering at the bar is not re-read at every import.
 */
export const READMIT_SHARE = 0.04;

/**
 * MiniSearch, persisted as its own maps in binary rather than as JSON.
 *
 * Why: MiniSearch.loadJSON parses one JSON object per term whose keys are
 * the paragraphs' ids, then turns every key back into a number (Object.keys,
 * parseInt) to rebuild the term's Map: about 1.7 µs a posting, 13 s for 8 M
 * postings, and several times the index's size in transient heap. Restoring
 * writes the same Maps directly from typed arrays, through the fields
 * MiniSearch declares protected for subclasses, as loadJS would have set them.
 * What search and add see afterwards is the same index. Those fields are not
 * MiniSearch's public API, so package.json takes its patch releases only (~7.2)
 * and tests/unit/search-persisted-form.test.ts fails if they change.
 *
 * File layout (little-endian, sections in this order):
 *   u32 × 10   MAGIC, PACK_VERSION, field count (1), documentCount, nextId,
 *              dirtCount, documents, terms, postings, bytes of term text
 *   f64        average field length
 *   u32 × documents × 3   short id, slot (MiniSearch's id), field length
 *   u32 × terms           postings of each term (only field 0 exists)
 *   u32 × postings        short ids, term by term
 *   u16 × postings        term frequencies
 *   UTF-8                 the (encoded) terms, space-separated
 */
class PersistedMiniSearch extends MiniSearch<Doc> {
  /** The average paragraph length in terms, as BM25 normalises by it. */
  get averageFieldLength(): number {
    return this._avgFieldLength[0] ?? 1;
  }

  /** Drops every posting of an (encoded) term: it has just become a stop term. */
  dropTerm(encoded: string): void {
    this._index.delete(encoded);
  }

  /** Gives an (encoded) term its postings back, by slot: it is no longer a stop term. */
  restoreTerm(encoded: string, frequencyBySlot: Map<number, number>): void {
    const freqs = new Map<number, number>();
    for (const [slot, tf] of frequencyBySlot) {
      const shortId = this._idToShortId.get(slot);
      if (shortId !== undefined) freqs.set(shortId, tf);
    }
    if (freqs.size > 0) this._index.set(encoded, new Map([[0, freqs]]));
  }

  serialize(): Buffer {
    if (Object.keys(this._fieldIds).length !== 1) throw new Error('PersistedMiniSearch stores one field');
    const documents = this._documentIds.size;
    const docWords = new Uint32Array(documents * 3);
    let i = 0;
    for (const [shortId, slot] of this._documentIds) {
      docWords[i++] = shortId;
      docWords[i++] = slot as number;
      docWords[i++] = this._fieldLength.get(shortId)?.[0] ?? 0;
    }
    const terms: string[] = [];
    const counts: number[] = [];
    let postings = 0;
    for (const [term, fields] of this._index) {
      const freqs = fields.get(0);
      if (!freqs || freqs.size === 0) continue;
      terms.push(term);
      counts.push(freqs.size);
      postings += freqs.size;
    }
    const shortIds = new Uint32Array(postings);
    const tfs = new Uint16Array(postings);
    let at = 0;
    for (const term of terms) {
      for (const [shortId, tf] of this._index.get(term)!.get(0)!) {
        if (tf > 0xffff) throw new Error(`term frequency ${tf} does not fit the index file`);
        shortIds[at] = shortId;
        tfs[at++] = tf;
      }
    }
    const text = Buffer.from(terms.join(SEPARATOR), 'utf8');
    const header = new Uint32Array([MAGIC, PACK_VERSION, 1, this._documentCount, this._nextId, this._dirtCount, documents, terms.length, postings, text.length]);
    const average = new Float64Array([this._avgFieldLength[0] ?? 0]);
    return Buffer.concat([header, average, docWords, new Uint32Array(counts), shortIds, tfs, text].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)));
  }

  /** The index serialize() wrote. */
  static restore(bytes: Buffer, options: Options<Doc>): PersistedMiniSearch {
    const steps = PersistedMiniSearch.restoring(bytes, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** As restore(), yielding to the event loop every few hundred thousand postings (background warm-up). */
  static async restoreAsync(bytes: Buffer, options: Options<Doc>): Promise<PersistedMiniSearch> {
    const steps = PersistedMiniSearch.restoring(bytes, options);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Restores step by step: each yield is a point where the caller may pause. */
  private static *restoring(bytes: Buffer, options: Options<Doc>): Generator<void, PersistedMiniSearch> {
    // Typed-array views need aligned offsets: copy when the file's buffer is not aligned.
    const data = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
    const u32 = (offset: number, length: number) => new Uint32Array(data.buffer, data.byteOffset + offset, length);
    const [magic, version, fieldCount, documentCount, nextId, dirtCount, documents, termCount, postings, textBytes] = u32(0, 10);
    if (magic !== MAGIC || version !== PACK_VERSION || fieldCount !== 1) throw new Error('not an index file of this version');
    let offset = 40;
    const average = new Float64Array(data.buffer, data.byteOffset + offset, 1)[0];
    offset += 8;
    const docWords = u32(offset, documents * 3);
    offset += documents * 12;
    const counts = u32(offset, termCount);
    offset += termCount * 4;
    const shortIds = u32(offset, postings);
    offset += postings * 4;
    const tfs = new Uint16Array(data.buffer, data.byteOffset + offset, postings);
    offset += postings * 2;
    if (offset + textBytes !== data.length) throw new Error('index file of the wrong length');
    const terms = textBytes === 0 ? [] : data.toString('utf8', offset, offset + textBytes).split(SEPARATOR);

    const ms = new PersistedMiniSearch(options);
    ms._documentCount = documentCount;
    ms._nextId = nextId;
    ms._dirtCount = dirtCount;
    ms._avgFieldLength = [average];
    // One array per distinct field length: MiniSearch only reads a document's
    // array (a new document gets a new one), and a million one-element arrays
    // were ~60 MB of heap.
    const lengthArrays = new Map<number, number[]>();
    for (let i = 0; i < documents * 3; i += 3) {
      const shortId = docWords[i];
      const slot = docWords[i + 1];
      const length = docWords[i + 2];
      let lengths = lengthArrays.get(length);
      if (!lengths) lengthArrays.set(length, (lengths = [length]));
      ms._documentIds.set(shortId, slot);
      ms._idToShortId.set(slot, shortId);
      ms._fieldLength.set(shortId, lengths);
    }
    let at = 0;
    let sincePause = 0;
    for (let t = 0; t < termCount; t++) {
      const freqs = new Map<number, number>();
      for (const end = at + counts[t]; at < end; at++) freqs.set(shortIds[at], tfs[at]);
      ms._index.set(terms[t], new Map([[0, freqs]]));
      sincePause += counts[t];
      if (sincePause >= POSTINGS_BETWEEN_PAUSES) {
        sincePause = 0;
        yield;
      }
    }
    return ms;
  }
}

const MAGIC = 0x4d535042; // "BPSM"
/** Version of PersistedMiniSearch's layout (the index's format, INDEX_FORMAT, changes with it). */
const PACK_VERSION = 1;
/** `<prefix>.df.json`. */
interface PersistedTerms {
  df: [string, number][];
  stop: string[];
}

/** About 20–40 ms of restoring between two yields to the event loop. */
const POSTINGS_BETWEEN_PAUSES = 250_000;

export class CandidateIndex {
  private readonly ms: PersistedMiniSearch;

  /**
   * Document frequency per (raw) term over live paragraphs. MiniSearch keeps
   * this inside its radix tree with no public accessor (and has none for stop
   * terms), and pruning asks it for every query term, so it is kept alongside
   * (a few MB at most).
   */
  private readonly df: Map<string, number>;

  /**
   * Terms that get no postings (STOP_SHARE). A term stays one while its share
   * is above READMIT_SHARE, and pruning never sends it to BM25 (isStopTerm);
   * below, readmit() gives its postings back.
   */
  private readonly stop: Set<string>;

  private constructor(df: Map<string, number>, stop: Set<string>, ms?: (options: Options<Doc>) => PersistedMiniSearch) {
    this.df = df;
    this.stop = stop;
    const options = optionsFor(stop);
    this.ms = ms ? ms(options) : new PersistedMiniSearch(options);
  }

  static create(): CandidateIndex {
    return new CandidateIndex(new Map(), new Set());
  }

  /** Live paragraphs. */
  get size(): number {
    return this.ms.documentCount;
  }

  get termCount(): number {
    return this.ms.termCount;
  }

  get stopTermCount(): number {
    return this.stop.size;
  }

  /** Indexes the terms of the paragraph at `slot` (a slot is never reused). */
  add(slot: number, terms: string[]): void {
    const n = this.size + 1;
    for (const t of new Set(terms)) {
      const df = (this.df.get(t) ?? 0) + 1;
      this.df.set(t, df);
      if (df / n > STOP_SHARE && n >= STOP_MIN_PARAGRAPHS && !this.stop.has(t)) {
        this.stop.add(t);
        this.ms.dropTerm(encodeTerm(t));
      }
    }
    this.ms.add({ slot, terms: terms.join(SEPARATOR) });
  }

  /** Drops a paragraph; `terms` are its terms, to keep document frequencies right. */
  remove(slot: number, terms: string[]): void {
    if (!this.ms.has(slot)) return;
    // discard() rather than remove(): no need to hand back the document, and
    // MiniSearch vacuums the stale postings itself in the background.
    this.ms.discard(slot);
    for (const t of new Set(terms)) {
      const n = (this.df.get(t) ?? 0) - 1;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
  }

  /** Stop terms whose share has fallen to READMIT_SHARE or below: readmit() them. */
  stopTermsToReadmit(): Set<string> {
    const n = Math.max(1, this.size);
    return new Set([...this.stop].filter((t) => (this.df.get(t) ?? 0) / n <= READMIT_SHARE));
  }

  /** Makes terms ordinary again, with their postings: term frequency by slot, read from the paragraphs. */
  readmit(frequencies: Map<string, Map<number, number>>): void {
    for (const [term, bySlot] of frequencies) {
      this.stop.delete(term);
      this.ms.restoreTerm(encodeTerm(term), bySlot);
    }
  }

  /** A term MiniSearch holds no postings for (STOP_SHARE). */
  isStopTerm(term: string): boolean {
    return this.stop.has(term);
  }

  docFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** BM25, OR over the terms, paragraphs passing `accept` only, best `limit` first. */
  search(terms: string[], limit: number, accept: (slot: number) => boolean): Hit[] {
    if (terms.length === 0) return [];
    // Rejecting through boostDocument (0 = skip) rather than `filter` spares
    // scoring and building a result object for every filtered-out paragraph;
    // it is asked once per matched term, so remember the answer.
    const verdict = new Map<number, number>();
    const boostDocument = (slot: number): number => {
      let v = verdict.get(slot);
      if (v === undefined) verdict.set(slot, (v = accept(slot) ? 1 : 0));
      return v;
    };
    const results = this.ms.search([...new Set(terms)].join(SEPARATOR), { boostDocument });
    const n = Math.min(limit, results.length);
    const hits: Hit[] = new Array(n);
    for (let i = 0; i < n; i++) hits[i] = { slot: results[i].id as number, score: results[i].score, matched: results[i].terms.length };
    return hits;
  }

  /**
   * Re-scores the first `count` hits (best first) as if the stop terms had
   * been searched too: each paragraph's terms (`termsOf`) give each stop
   * term's frequency, scored as MiniSearch scores a term (BM25+ with its
   * default parameters, and the sum multiplied by the number of query terms
   * matched), from the stop term's document frequency. The rest keep their
   * score; all are sorted again.
   */
  rescoreWithStopTerms(hits: Hit[], stopTerms: string[], count: number, termsOf: (slot: number) => string[]): Hit[] {
    if (stopTerms.length === 0 || hits.length === 0) return hits;
    const n = this.size;
    const average = this.ms.averageFieldLength;
    const out = hits.map((h, i) => {
      if (i >= count) return h;
      const terms = termsOf(h.slot);
      const tf = new Map<string, number>();
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      let raw = h.score / h.matched;
      let matched = h.matched;
      for (const stop of stopTerms) {
        const f = tf.get(stop);
        if (!f) continue;
        raw += bm25(f, this.docFrequency(stop), n, terms.length, average);
        matched++;
      }
      return { ...h, score: raw * matched, matched };
    });
    return out.sort((a, b) => b.score - a.score);
  }

  /** Writes `<prefix>.minisearch` and `<prefix>.df.json` (frequencies and stop terms), recording their checksums in `sums`. */
  save(prefix: string, sums: Checksums): void {
    writeAtomic(`${prefix}.minisearch`, this.ms.serialize(), sums);
    const terms: PersistedTerms = { df: [...this.df], stop: [...this.stop] };
    writeAtomic(`${prefix}.df.json`, JSON.stringify(terms), sums);
  }

  /** Reads the files save() wrote; throws DamagedIndexFile when one does not match its checksum. */
  static load(prefix: string, sums: Checksums): CandidateIndex {
    const terms = JSON.parse(readChecked(`${prefix}.df.json`, sums).toString('utf8')) as PersistedTerms;
    const bytes = readChecked(`${prefix}.minisearch`, sums);
    return new CandidateIndex(new Map(terms.df), new Set(terms.stop), (options) => PersistedMiniSearch.restore(bytes, options));
  }

  /** As load(), yielding to the event loop while it restores (for background warm-up). */
  static async loadAsync(prefix: string, sums: Checksums): Promise<CandidateIndex> {
    const [bytes, json] = await Promise.all([readCheckedAsync(`${prefix}.minisearch`, sums), readCheckedAsync(`${prefix}.df.json`, sums)]);
    const terms = JSON.parse(json.toString('utf8')) as PersistedTerms;
    const stop = new Set(terms.stop);
    const ms = await PersistedMiniSearch.restoreAsync(bytes, optionsFor(stop));
    return new CandidateIndex(new Map(terms.df), stop, () => ms);
  }
}

// Candidate generation for one language: MiniSearch (BM25) over paragraphs that
// the analyser (analyse.ts) has already turned into terms, plus the document
// frequencies that query pruning needs, persisted as MiniSearch JSON.
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
}

/** Terms are joined with it; no analyser term contains a space. */
const SEPARATOR = ' ';

interface Doc {
  slot: number;
  terms: string;
}

const split = (s: string): string[] => (s ? s.split(SEPARATOR) : []);

// The same options must be given to loadJSON as to the constructor.
const OPTIONS: Options<Doc> = {
  idField: 'slot',
  fields: ['terms'],
  storeFields: [],
  tokenize: split,
  processTerm: encodeTerm,
  searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false, tokenize: split, processTerm: encodeTerm },
};

export class CandidateIndex {
  /**
   * Document frequency per (raw) term over live paragraphs. MiniSearch keeps
   * this inside its radix tree with no public accessor, and pruning asks it
   * for every query term, so it is kept alongside (a few MB at most).
   */
  private readonly df: Map<string, number>;

  private constructor(
    private readonly ms: MiniSearch<Doc>,
    df: Map<string, number>,
  ) {
    this.df = df;
  }

  static create(): CandidateIndex {
    return new CandidateIndex(new MiniSearch<Doc>(OPTIONS), new Map());
  }

  /** Live paragraphs. */
  get size(): number {
    return this.ms.documentCount;
  }

  get termCount(): number {
    return this.ms.termCount;
  }

  /** Indexes the terms of the paragraph at `slot` (a slot is never reused). */
  add(slot: number, terms: string[]): void {
    this.ms.add({ slot, terms: terms.join(SEPARATOR) });
    for (const t of new Set(terms)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
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
    for (let i = 0; i < n; i++) hits[i] = { slot: results[i].id as number, score: results[i].score };
    return hits;
  }

  /** Writes `<prefix>.minisearch.json` and `<prefix>.df.json`, recording their checksums in `sums`. */
  save(prefix: string, sums: Checksums): void {
    writeAtomic(`${prefix}.minisearch.json`, JSON.stringify(this.ms), sums);
    writeAtomic(`${prefix}.df.json`, JSON.stringify([...this.df]), sums);
  }

  /** Reads the files save() wrote; throws DamagedIndexFile when one does not match its checksum. */
  static load(prefix: string, sums: Checksums): CandidateIndex {
    const ms = MiniSearch.loadJSON<Doc>(readChecked(`${prefix}.minisearch.json`, sums).toString('utf8'), OPTIONS);
    const df = new Map(JSON.parse(readChecked(`${prefix}.df.json`, sums).toString('utf8')) as [string, number][]);
    return new CandidateIndex(ms, df);
  }

  /** As load(), yielding to the event loop while it rebuilds (for background warm-up). */
  static async loadAsync(prefix: string, sums: Checksums): Promise<CandidateIndex> {
    const [json, dfJson] = await Promise.all([readCheckedAsync(`${prefix}.minisearch.json`, sums), readCheckedAsync(`${prefix}.df.json`, sums)]);
    const ms = await MiniSearch.loadJSONAsync<Doc>(json.toString('utf8'), OPTIONS);
    return new CandidateIndex(ms, new Map(JSON.parse(dfJson.toString('utf8')) as [string, number][]));
  }
}

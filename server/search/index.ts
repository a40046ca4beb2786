// The paragraph index: one MiniSearch index per language (minisearch-index.ts)
// over every searchable paragraph (not headings), plus what a result needs to
// render without a database round trip (paragraph label, lead, text; document
// citation fields). It persists next to the database (data/index/ beside
// data/precedent.db) and syncs with the database by per-document source hash,
// so a restart never rebuilds from scratch and an import while serving costs
// only the changed documents. Opening reads only the manifest and the document
// list: each language's index loads on first use or from a background warm-up,
// because loading them all took seconds and start-up must not wait for it.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DocumentKind, Language, ParagraphRecord, Section } from '../model.js';
import { LANGUAGES } from '../model.js';
import { allDocuments, corpusVersion } from '../store/corpus.js';
import type { Db } from '../store/db.js';
import { documentHashes, searchableParagraphs, type SearchableParagraph } from '../store/search.js';
import { DEFAULT_ZH_MODE, indexTerms, type ZhMode } from './analyse.js';
import { CandidateIndex, writeAtomic } from './minisearch-index.js';
import { seriesOfDocument } from '../compare/service.js';
import { seriesKeyOf } from './series.js';

/** Bump when the analyser or the persisted layout changes: persisted indexes are then rebuilt. */
export const INDEX_FORMAT = 5;

/** A paragraph as the index keeps it: what the store reads for indexing. */
export type IndexedParagraph = SearchableParagraph;

/** The citation fields of a result's document. */
export interface CitedDocument {
  id: string;
  symbol: string | null;
  title: string;
  date: string | null;
  body: string;
  kind: DocumentKind;
  language: Language;
}

/** A document as the index keeps it: its citation, and what syncing needs. */
export interface IndexedDocument extends CitedDocument {
  /** Source hash: a changed hash means the document must be re-indexed. */
  hash: string;
  /** Slots (in its language's index) of its paragraphs. */
  slots: number[];
}

/** Sections whose paragraphs are searched (headings are structure, not language to reuse). */
export function isSearchable(section: Section): boolean {
  return section !== 'heading';
}

const FIELD = '\u0001';
const RECORD = '\u0000';

/**
 * Paragraph records by slot. Loaded as one string (a single file read) and cut
 * into a record only when a result needs it: materialising 170k objects at
 * start-up would cost more than the whole index load.
 */
class ParagraphStore {
  private blob = '';
  private offsets = new Uint32Array(1);
  private readonly changed = new Map<number, IndexedParagraph | null>();
  private count = 0;

  get length(): number {
    return this.count;
  }

  get(slot: number): IndexedParagraph | null {
    const c = this.changed.get(slot);
    if (c !== undefined) return c;
    if (slot + 1 >= this.offsets.length) return null;
    const start = this.offsets[slot];
    const end = this.offsets[slot + 1];
    if (start === end) return null;
    const [id, documentId, section, label, lead, text] = this.blob.slice(start, end - 1).split(FIELD);
    return { id, documentId, section: section as Section, label, lead, text };
  }

  push(p: IndexedParagraph): number {
    this.changed.set(this.count, p);
    return this.count++;
  }

  remove(slot: number): void {
    this.changed.set(slot, null);
  }

  save(prefix: string): void {
    const parts: string[] = [];
    const offsets = new Uint32Array(this.count + 1);
    let at = 0;
    for (let slot = 0; slot < this.count; slot++) {
      const p = this.get(slot);
      const rec = p ? [p.id, p.documentId, p.section, p.label, p.lead, p.text].map(clean).join(FIELD) + RECORD : '';
      parts.push(rec);
      at += rec.length;
      offsets[slot + 1] = at;
    }
    // Offsets are string offsets of the decoded text, so any encoding works; UTF-8
    // decodes fastest for the mostly-ASCII languages.
    writeAtomic(`${prefix}.paragraphs`, Buffer.from(parts.join(''), 'utf8'));
    writeAtomic(`${prefix}.offsets`, new Uint8Array(offsets.buffer));
  }

  static load(prefix: string): ParagraphStore {
    return ParagraphStore.from(readFileSync(`${prefix}.paragraphs`), readFileSync(`${prefix}.offsets`));
  }

  static async loadAsync(prefix: string): Promise<ParagraphStore> {
    const [blob, offsets] = await Promise.all([readFile(`${prefix}.paragraphs`), readFile(`${prefix}.offsets`)]);
    return ParagraphStore.from(blob, offsets);
  }

  private static from(blob: Buffer, offsets: Buffer): ParagraphStore {
    const store = new ParagraphStore();
    store.blob = blob.toString('utf8');
    // Copy into an aligned buffer: a Uint32Array view needs 4-byte alignment.
    const bytes = new Uint8Array(offsets.byteLength);
    bytes.set(offsets);
    store.offsets = new Uint32Array(bytes.buffer);
    store.count = store.offsets.length - 1;
    return store;
  }
}

/** Separators never occur in paragraph text; make sure. */
function clean(s: string): string {
  return s.replace(/[\u0000\u0001]/g, ' ');
}

/** One language: its MiniSearch index and the paragraphs behind its slots. */
export class LanguageIndex {
  readonly candidates: CandidateIndex;
  readonly store: ParagraphStore;
  /** Changed since loaded or saved: only changed languages are rewritten on save. */
  dirty = false;

  constructor(
    readonly language: Language,
    readonly zhMode: ZhMode,
    loaded?: { candidates: CandidateIndex; store: ParagraphStore },
  ) {
    this.candidates = loaded?.candidates ?? CandidateIndex.create();
    this.store = loaded?.store ?? new ParagraphStore();
    this.dirty = !loaded;
  }

  /** Reads a language persisted at `prefix` (`<prefix>.minisearch.json`, `.df.json`, `.paragraphs`, `.offsets`). */
  static load(language: Language, zhMode: ZhMode, prefix: string): LanguageIndex {
    return new LanguageIndex(language, zhMode, { candidates: CandidateIndex.load(prefix), store: ParagraphStore.load(prefix) });
  }

  /** As load(), without holding the event loop for the whole of it. */
  static async loadAsync(language: Language, zhMode: ZhMode, prefix: string): Promise<LanguageIndex> {
    const [candidates, store] = await Promise.all([CandidateIndex.loadAsync(prefix), ParagraphStore.loadAsync(prefix)]);
    return new LanguageIndex(language, zhMode, { candidates, store });
  }

  /**
   * Document id per slot: filters test documents for every BM25 hit, and
   * decoding a paragraph record for that would cost more than the search.
   */
  readonly slotDocument: (string | undefined)[] = [];

  /** Live paragraphs. */
  get size(): number {
    return this.candidates.size;
  }

  /** Slots handed out, live or not: valid slots are 0 … slots − 1. */
  get slots(): number {
    return this.store.length;
  }

  paragraph(slot: number): IndexedParagraph | null {
    return this.store.get(slot);
  }

  docFrequency(term: string): number {
    return this.candidates.docFrequency(term);
  }

  add(p: IndexedParagraph): number {
    const slot = this.store.push(p);
    this.candidates.add(slot, this.terms(p.text));
    this.slotDocument[slot] = p.documentId;
    this.dirty = true;
    return slot;
  }

  removeSlot(slot: number): void {
    const p = this.store.get(slot);
    if (!p) return;
    this.candidates.remove(slot, this.terms(p.text));
    this.store.remove(slot);
    this.slotDocument[slot] = undefined;
    this.dirty = true;
  }

  /** Index terms of a text in this language. */
  terms(text: string): string[] {
    return indexTerms(text, this.language, this.zhMode);
  }

  /** BM25 candidates among the paragraphs passing `accept`, best `limit` first. */
  search(terms: string[], limit: number, accept: (slot: number) => boolean) {
    return this.candidates.search(terms, limit, accept);
  }

  save(prefix: string): void {
    this.candidates.save(prefix);
    this.store.save(prefix);
    this.dirty = false;
  }
}

export interface OpenOptions {
  /** Where the index persists; null keeps it in memory only. Default: index/ beside the database file. */
  dir?: string | null;
  zhMode?: ZhMode;
}

export interface SyncReport {
  added: number;
  removed: number;
  ms: number;
}

/** Where the index lives for a database file: data/precedent.db → data/index/. */
export function indexDirFor(dbFile: string): string | null {
  return dbFile === ':memory:' ? null : join(dirname(dbFile), 'index');
}

interface Manifest {
  format: number;
  zhMode: ZhMode;
  corpusVersion: number;
  languages: Language[];
}

/** Every language's index and the documents behind them. */
export class ParagraphIndex {
  /** Languages in memory. */
  private readonly loaded = new Map<Language, LanguageIndex>();
  /** Languages persisted in `dir` and not loaded yet. */
  private readonly onDisk = new Set<Language>();
  readonly documents = new Map<string, IndexedDocument>();
  /** The corpus version this index reflects. */
  version = -1;
  /** How the index came to be in this process, for logs and the bench. */
  origin: 'built' | 'loaded' = 'built';
  private saveTimer: NodeJS.Timeout | null = null;
  private warming: Promise<void> | null = null;

  private constructor(
    readonly db: Db,
    readonly dir: string | null,
    readonly zhMode: ZhMode,
  ) {}

  /**
   * Opens the persisted index when it matches the analyser (reading only its
   * manifest and document list: languages load on first use or warmUp()),
   * otherwise builds it from the database; then brings it up to date with the
   * database and saves it if anything changed.
   */
  static open(db: Db, options: OpenOptions = {}): ParagraphIndex {
    const dir = options.dir === undefined ? indexDirFor(db.name) : options.dir;
    const zhMode = options.zhMode ?? DEFAULT_ZH_MODE;
    const index = new ParagraphIndex(db, dir, zhMode);
    if (!(dir && index.load())) {
      index.origin = 'built';
      index.sync();
      if (dir) index.save();
    } else {
      index.origin = 'loaded';
      if (index.version !== corpusVersion(db)) {
        // Sync loads the languages of the changed documents, and only those.
        const report = index.sync();
        if (dir && report.added + report.removed > 0) index.save();
      }
    }
    return index;
  }

  /** A language's index, loaded now if it is still on disk; undefined when the corpus has none. */
  get(lang: Language): LanguageIndex | undefined {
    const li = this.loaded.get(lang);
    if (li) return li;
    if (!this.onDisk.has(lang)) return undefined;
    try {
      return this.install(lang, LanguageIndex.load(lang, this.zhMode, join(this.dir!, lang)));
    } catch (err) {
      // A damaged language is rebuilt from the database rather than failing the request.
      console.warn(`Search index for ${lang} in ${this.dir} unreadable (${err instanceof Error ? err.message : String(err)}): rebuilding it.`);
      this.onDisk.delete(lang);
      const fresh = new LanguageIndex(lang, this.zhMode);
      this.loaded.set(lang, fresh);
      for (const [id, doc] of this.documents) if (doc.language === lang) this.documents.delete(id);
      this.sync();
      this.scheduleSave();
      return fresh;
    }
  }

  /** A language's index, created empty when the corpus has none yet. */
  language(lang: Language): LanguageIndex {
    let li = this.get(lang);
    if (!li) {
      li = new LanguageIndex(lang, this.zhMode);
      this.loaded.set(lang, li);
    }
    return li;
  }

  /** Languages that have an index, loaded or not. */
  languageNames(): Language[] {
    return LANGUAGES.filter((l) => this.loaded.has(l) || this.onDisk.has(l));
  }

  isLoaded(lang: Language): boolean {
    return this.loaded.has(lang);
  }

  /**
   * Every language's index, loading those still on disk: for tools, the bench
   * and tests. The server goes through get(), which loads one language only.
   */
  get languages(): ReadonlyMap<Language, LanguageIndex> {
    for (const lang of [...this.onDisk]) this.get(lang);
    return this.loaded;
  }

  /**
   * Loads the languages still on disk one after the other, off the request
   * path (file reads and MiniSearch's rebuild yield to the event loop), largest
   * first: English and Chinese are what most drafts are typed in. A request
   * that needs a language before its turn loads it synchronously in get(), and
   * the background copy is then dropped.
   */
  warmUp(): Promise<void> {
    this.warming ??= (async () => {
      const count = new Map<Language, number>();
      for (const d of this.documents.values()) count.set(d.language, (count.get(d.language) ?? 0) + d.slots.length);
      const order = [...this.onDisk].sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0));
      for (const lang of order) {
        if (!this.onDisk.has(lang)) continue;
        try {
          const li = await LanguageIndex.loadAsync(lang, this.zhMode, join(this.dir!, lang));
          // Loaded synchronously meanwhile (and perhaps changed since): keep that one.
          if (this.onDisk.has(lang)) this.install(lang, li);
        } catch {
          // Left on disk: get() will load it (or report and rebuild it) when needed.
        }
      }
    })();
    return this.warming;
  }

  private install(lang: Language, li: LanguageIndex): LanguageIndex {
    for (const doc of this.documents.values()) {
      if (doc.language === lang) for (const slot of doc.slots) li.slotDocument[slot] = doc.id;
    }
    this.onDisk.delete(lang);
    this.loaded.set(lang, li);
    return li;
  }

  /** Live paragraphs in every language, from the document list (no language is loaded for it). */
  get paragraphCount(): number {
    let n = 0;
    for (const d of this.documents.values()) n += d.slots.length;
    return n;
  }

  /**
   * Brings the index in line with the database: documents that are new or whose
   * source hash changed are (re-)indexed, documents gone from the database are
   * dropped. Cheap when nothing changed (one query over document hashes); only
   * the languages of changed documents are loaded.
   */
  sync(): SyncReport {
    const started = performance.now();
    const version = corpusVersion(this.db);
    const hashes = documentHashes(this.db);
    let added = 0;
    let removed = 0;
    for (const [id, doc] of this.documents) {
      if (hashes.get(id) !== doc.hash) {
        this.removeDocument(id);
        removed++;
      }
    }
    const stale = [...hashes.keys()].filter((id) => !this.documents.has(id));
    if (stale.length > 0) {
      const wanted = new Set(stale);
      for (const doc of allDocuments(this.db)) {
        if (!wanted.has(doc.id)) continue;
        this.addDocument(
          {
            id: doc.id,
            symbol: doc.symbol,
            title: doc.title,
            date: doc.date,
            body: doc.body,
            kind: doc.kind,
            language: doc.language,
            hash: hashes.get(doc.id)!,
            slots: [],
          },
          searchableParagraphs(this.db, doc.id),
        );
        added++;
      }
    }
    this.version = version;
    return { added, removed, ms: performance.now() - started };
  }

  /** Indexes one document (replacing an older version of it). */
  addDocument(doc: IndexedDocument, paragraphs: (SearchableParagraph | ParagraphRecord)[]): void {
    if (this.documents.has(doc.id)) this.removeDocument(doc.id);
    const li = this.language(doc.language);
    doc.slots = [];
    for (const p of paragraphs) {
      if (!isSearchable(p.section) || !p.text.trim()) continue;
      doc.slots.push(li.add({ id: p.id, documentId: doc.id, section: p.section, label: p.label, lead: p.lead, text: p.text }));
    }
    this.documents.set(doc.id, doc);
  }

  removeDocument(id: string): void {
    const doc = this.documents.get(id);
    if (!doc) return;
    const li = this.get(doc.language);
    for (const slot of doc.slots) li?.removeSlot(slot);
    this.documents.delete(id);
  }

  /**
   * Series key of a document (one result per series): the series the compare
   * module groups (title confirmed by preamble recalls, as the series view shows
   * them), or the normalised title for a document that has no series there.
   */
  seriesOf(doc: IndexedDocument): string {
    return seriesOfDocument(this.db, doc.id)?.id ?? seriesKeyOf(doc);
  }

  /** Saves soon, off the request path: imports come in bursts. */
  scheduleSave(delayMs = 2000): void {
    if (!this.dir || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.save();
    }, delayMs);
    this.saveTimer.unref();
  }

  /**
   * Writes the index: the languages changed since loaded (MiniSearch JSON,
   * document frequencies, paragraphs; a language still on disk is unchanged
   * and stays as it is), the documents and a manifest, each written to a
   * temporary file then renamed, the manifest last, so a crash mid-save leaves
   * the previous index readable or none at all.
   */
  save(): void {
    if (!this.dir) return;
    mkdirSync(this.dir, { recursive: true });
    rmSync(join(this.dir, 'manifest.json'), { force: true });
    for (const [lang, li] of this.loaded) if (li.dirty) li.save(join(this.dir, lang));
    writeAtomic(join(this.dir, 'documents.json'), JSON.stringify([...this.documents.values()]));
    const manifest: Manifest = { format: INDEX_FORMAT, zhMode: this.zhMode, corpusVersion: this.version, languages: this.languageNames() };
    writeAtomic(join(this.dir, 'manifest.json'), JSON.stringify(manifest));
  }

  /** Reads the persisted manifest and document list; false when absent or made by another analyser. */
  private load(): boolean {
    const dir = this.dir!;
    const manifestFile = join(dir, 'manifest.json');
    if (!existsSync(manifestFile)) return false;
    try {
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
      if (manifest.format !== INDEX_FORMAT || manifest.zhMode !== this.zhMode) return false;
      for (const lang of manifest.languages) {
        if (!(LANGUAGES as readonly string[]).includes(lang)) return false;
        for (const ext of LANGUAGE_FILES) if (!existsSync(join(dir, `${lang}${ext}`))) throw new Error(`${lang}${ext} is missing`);
        this.onDisk.add(lang);
      }
      for (const doc of JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8')) as IndexedDocument[]) this.documents.set(doc.id, doc);
      this.version = manifest.corpusVersion;
      return true;
    } catch (err) {
      // A damaged index is not an error worth failing start-up for: rebuild it.
      console.warn(`Search index in ${dir} unreadable (${err instanceof Error ? err.message : String(err)}): rebuilding.`);
      this.onDisk.clear();
      this.documents.clear();
      return false;
    }
  }
}

/** What save() writes per language. */
const LANGUAGE_FILES = ['.minisearch.json', '.df.json', '.paragraphs', '.offsets'];
